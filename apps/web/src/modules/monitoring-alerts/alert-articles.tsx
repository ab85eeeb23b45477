import { ExportOutlined } from '@ant-design/icons';
import type { TAlert } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { formatCount, formatDateTime } from '../../shared/format';
import { AlertClassificationTags } from './alert-tags';
import { alertKeys, getAlert } from './alerts.api';

/**
 * The articles behind an alert (the story's copies, or the spike's hour), each opening its page or the original. A
 * list carries only the first few articles of each alert; opening one fetches the alert with all of them.
 */
export function AlertArticles({ alert }: { alert: TAlert }) {
  const { t, locale } = useI18n();
  const partial = alert.articleCount > alert.articles.length;
  const full = useQuery({ queryKey: alertKeys.one(alert.id), queryFn: () => getAlert(alert.id), enabled: partial });
  const articles = full.data?.articles ?? alert.articles;
  const total = full.data?.articleCount ?? alert.articleCount;
  if (articles.length === 0) return <Typography.Text type="secondary">{t('monAlerts.articles.none')}</Typography.Text>;
  return (
    <section aria-label={t('monAlerts.articles.label', { title: alert.title })} aria-busy={full.isFetching}>
      {full.isFetching && <Spin size="small" style={{ marginInlineEnd: 8 }} />}
      {total > articles.length && (
        <Typography.Text type="secondary">
          {t('monAlerts.articles.shown', {
            shown: formatCount(articles.length, locale),
            total: formatCount(total, locale),
          })}
        </Typography.Text>
      )}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="alert-articles">
        {articles.map((article) => (
          <li key={article.id} style={{ padding: '6px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
            <Flex gap={8} align="baseline" wrap>
              <Link to={`/monitoring/articles/${encodeURIComponent(article.id)}`}>{article.title}</Link>
              <Typography.Link
                href={article.url}
                target="_blank"
                rel="noopener noreferrer"
                aria-label={t('monAlerts.articles.openOriginal', { title: article.title })}
                title={t('monAlerts.articles.openOriginal', { title: article.title })}
              >
                <ExportOutlined style={{ fontSize: 12 }} />
              </Typography.Link>
            </Flex>
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {article.sourceName} · {formatDateTime(article.publishedAt)}
              </Typography.Text>
              <span>
                <AlertClassificationTags
                  relevance={article.relevance}
                  sentiment={article.sentiment}
                  flags={article.flags}
                />
              </span>
            </Flex>
          </li>
        ))}
      </ul>
    </section>
  );
}
