import { ExportOutlined } from '@ant-design/icons';
import type { TArticleSummary } from '@loa/contracts';
import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { formatDateTime } from '../../shared/format';
import { ClassificationTags } from './article-tags';
import { HighlightText } from './highlight-text';
import { clusterHref } from './search-url';

/** One result of the search: highlighted title and lead, source and time, classification, cluster and queries. */
export function SearchResultItem({ article }: { article: TArticleSummary }) {
  const { t } = useI18n();
  return (
    <article
      data-testid="article-row"
      style={{ padding: '12px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
      aria-label={article.title}
    >
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        <Link to={`/monitoring/articles/${encodeURIComponent(article.id)}`}>
          <HighlightText text={article.title} ranges={article.highlights?.title} />
        </Link>{' '}
        <Typography.Link
          href={article.url}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('monArticles.openOriginal')}
          title={t('monArticles.openOriginal')}
        >
          <ExportOutlined style={{ fontSize: 13 }} />
        </Typography.Link>
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {article.source.name}
        {' · '}
        {formatDateTime(article.publishedAt ?? article.fetchedAt)}
        {article.publishedAt === null && ` (${t('monArticles.fetchedAt')})`}
      </Typography.Text>
      {article.lead && (
        <Typography.Paragraph style={{ margin: '4px 0' }}>
          <HighlightText text={article.lead} ranges={article.highlights?.lead} />
        </Typography.Paragraph>
      )}
      <Flex wrap gap={4} align="center">
        <ClassificationTags value={article} />
        {article.correctedAt && <Tag color="geekblue">{t('monArticles.corrected')}</Tag>}
        {article.clusterSize > 1 && (
          <Link to={clusterHref(article.clusterId)}>
            {t('monArticles.clusterSize', { count: article.clusterSize })}
          </Link>
        )}
        {article.matchedQueries.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('monArticles.matchedQueries', { names: article.matchedQueries.map((q) => q.name).join(', ') })}
          </Typography.Text>
        )}
      </Flex>
    </article>
  );
}
