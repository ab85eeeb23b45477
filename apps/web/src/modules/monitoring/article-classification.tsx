import { FLAG_LABELS, type TArticleDetail } from '@loa/contracts';
import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDateTime } from '../../shared/format';
import { ClassificationTags } from './article-tags';
import { flagColor } from './article-values';

/**
 * How the article is classified now (with the "corrected" badge), what the machine predicted, the lexicon rules
 * that fired and the evidence of the flags (look-alike domains, phone numbers not in the registry).
 */
export function ArticleClassification({ article }: { article: TArticleDetail }) {
  const { t, locale } = useI18n();
  return (
    <Card
      size="small"
      title={t('monArticles.classification.title')}
      extra={
        article.correctedAt && (
          <Tag color="geekblue" title={formatDateTime(article.correctedAt)}>
            {t('monArticles.corrected')}
          </Tag>
        )
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'current',
            label: t('monArticles.classification.current'),
            children: (
              <Flex wrap gap={2}>
                <ClassificationTags value={article} showScore />
              </Flex>
            ),
          },
          {
            key: 'predicted',
            label: t('monArticles.classification.predicted'),
            children: (
              <Flex wrap gap={2}>
                <ClassificationTags value={article.predicted} showScore />
              </Flex>
            ),
          },
          {
            key: 'rules',
            label: t('monArticles.classification.rules'),
            children:
              article.rules.length === 0 ? (
                t('common.none')
              ) : (
                <Flex wrap gap={2}>
                  {article.rules.map((rule) => (
                    <Tag key={rule} style={{ marginBlock: 2 }}>
                      {rule}
                    </Tag>
                  ))}
                </Flex>
              ),
          },
          {
            key: 'queries',
            label: t('monArticles.classification.queries'),
            children:
              article.matchedQueries.length === 0
                ? t('common.none')
                : article.matchedQueries.map((query) => query.name).join(', '),
          },
        ]}
      />
      {article.evidence.length > 0 && (
        <>
          <Typography.Title level={3} style={{ fontSize: 14, marginTop: 12 }}>
            {t('monArticles.evidence.title')}
          </Typography.Title>
          <Flex vertical gap={12} component="ul" style={{ margin: 0, padding: 0, listStyle: 'none' }}>
            {article.evidence.map((evidence, index) => (
              <li key={`${evidence.value}-${index}`}>
                <Flex wrap gap={4} align="center">
                  <Tag color={flagColor(evidence.flag)}>{FLAG_LABELS[evidence.flag][locale]}</Tag>
                  <Typography.Text code>{evidence.value}</Typography.Text>
                  <Typography.Text strong>{evidence.verdict}</Typography.Text>
                </Flex>
                {evidence.imitates && (
                  <Typography.Text type="secondary">
                    {t('monArticles.evidence.imitates', { channel: evidence.imitates })}
                  </Typography.Text>
                )}
                {evidence.reasons.length > 0 && (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {evidence.reasons.map((reason, reasonIndex) => (
                      <li key={reasonIndex}>{reason}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}
