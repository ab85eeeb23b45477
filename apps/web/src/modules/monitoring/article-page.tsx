import { ArrowLeftOutlined, ExportOutlined, FireOutlined } from '@ant-design/icons';
import { WORKING_ROLES, type TArticleDetail } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Spin, Tag, Typography } from 'antd';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { ArticleClassification } from './article-classification';
import { ArticleCorrectionForm, ArticleCorrections } from './article-correction-form';
import { bodyParagraphs } from './article-values';
import { articleKeys, getArticle } from './articles.api';

/** How many of an article's images the page shows. */
const IMAGES_SHOWN = 4;

/** One monitored article: its text, how it is classified (and corrected), and the other articles of its story. */
export function ArticlePage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const user = useCurrentUser();
  const detail = useQuery({ queryKey: articleKeys.detail(id, locale), queryFn: () => getArticle(id) });

  const back = (
    <Link
      to="/monitoring"
      onClick={(event) => {
        // Back to the search as it was (its filters live in the URL of the previous entry).
        if (location.key !== 'default') {
          event.preventDefault();
          void navigate(-1);
        }
      }}
    >
      <ArrowLeftOutlined /> {t('monArticles.back')}
    </Link>
  );
  if (detail.isPending) return <Spin />;
  if (detail.isError) {
    return (
      <>
        {back}
        <Alert type="error" showIcon title={errorText(detail.error, t)} style={{ marginTop: 12 }} />
      </>
    );
  }
  const article = detail.data;

  return (
    <>
      {back}
      <PageHeader
        title={article.title}
        subtitle={
          <>
            {article.source.name} · {formatDateTime(article.publishedAt ?? article.fetchedAt)}
            {article.author && ` · ${article.author}`}
          </>
        }
        actions={
          <>
            {hasAnyRole(user, WORKING_ROLES) && (
              <Button
                icon={<FireOutlined />}
                onClick={() => void navigate(`/incidents?create=1&articleIds=${article.id}`)}
              >
                {t('monArticles.openIncident')}
              </Button>
            )}
            <Typography.Link href={article.canonicalUrl ?? article.url} target="_blank" rel="noopener noreferrer">
              <ExportOutlined /> {t('monArticles.openOriginal')}
            </Typography.Link>
          </>
        }
      />
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={14}>
          <ArticleText article={article} />
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <ArticleClassification article={article} />
            {article.canCorrect && <ArticleCorrectionForm article={article} />}
            <ArticleCorrections article={article} />
            <ArticleCluster article={article} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}

function ArticleText({ article }: { article: TArticleDetail }) {
  const { t } = useI18n();
  const paragraphs = bodyParagraphs(article.body);
  return (
    <Card size="small">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'source', label: t('monArticles.field.source'), children: article.source.name },
          {
            key: 'published',
            label: t('monArticles.field.publishedAt'),
            children: article.publishedAt ? formatDateTime(article.publishedAt) : t('common.none'),
          },
          { key: 'fetched', label: t('monArticles.field.fetchedAt'), children: formatDateTime(article.fetchedAt) },
          { key: 'author', label: t('monArticles.field.author'), children: article.author ?? t('common.none') },
          {
            key: 'url',
            label: t('monArticles.field.url'),
            children: (
              <Typography.Link
                href={article.url}
                target="_blank"
                rel="noopener noreferrer"
                style={{ wordBreak: 'break-all' }}
              >
                {article.url}
              </Typography.Link>
            ),
          },
        ]}
      />
      {article.images.length > 0 && (
        <Flex gap={8} wrap style={{ margin: '12px 0' }}>
          {article.images.slice(0, IMAGES_SHOWN).map((src, index) => (
            <img
              key={src}
              src={src}
              alt={t('monArticles.imageAlt', { index: index + 1 })}
              loading="lazy"
              referrerPolicy="no-referrer"
              style={{ maxWidth: 220, maxHeight: 160, objectFit: 'cover', borderRadius: 4 }}
            />
          ))}
        </Flex>
      )}
      {article.lead && (
        <Typography.Paragraph strong style={{ marginTop: 12 }}>
          {article.lead}
        </Typography.Paragraph>
      )}
      {paragraphs.length === 0 ? (
        <Typography.Text type="secondary">{t('monArticles.noBody')}</Typography.Text>
      ) : (
        paragraphs.map((paragraph, index) => <Typography.Paragraph key={index}>{paragraph}</Typography.Paragraph>)
      )}
    </Card>
  );
}

function ArticleCluster({ article }: { article: TArticleDetail }) {
  const { t } = useI18n();
  if (article.cluster.length === 0) return null;
  return (
    <Card size="small" title={t('monArticles.cluster.title', { count: article.clusterSize })}>
      {article.duplicateOf === null && (
        <Typography.Paragraph type="secondary">{t('monArticles.cluster.thisFirst')}</Typography.Paragraph>
      )}
      <Flex vertical gap={8} component="ol" style={{ margin: 0, paddingInlineStart: 20 }}>
        {article.cluster.map((item) => (
          <li key={item.id}>
            <Link to={`/monitoring/articles/${encodeURIComponent(item.id)}`}>{item.title}</Link>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {item.sourceName}
              {item.publishedAt && ` · ${formatDateTime(item.publishedAt)}`}
            </Typography.Text>
            {article.duplicateOf === item.id && (
              <Tag style={{ marginInlineStart: 8 }}>{t('monArticles.cluster.first')}</Tag>
            )}
          </li>
        ))}
      </Flex>
    </Card>
  );
}
