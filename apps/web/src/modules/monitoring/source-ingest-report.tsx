import type { TIngestResponse, TIngestResult } from '@loa/contracts';
import { Alert, Flex, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { ClassificationTags } from './article-tags';
import { splitIngestResults } from './sources-helpers';

const articlePath = (id: string) => `/monitoring/articles/${encodeURIComponent(id)}`;

/** What ingest made of an import or a submitted address: counts, each article's result, each rejected line. */
export function IngestReport({ report }: { report: TIngestResponse }) {
  const { t } = useI18n();
  const { results, errors } = splitIngestResults(report);
  return (
    <Flex vertical gap={16} data-testid="ingest-report">
      <Flex gap={32} wrap>
        <Statistic title={t('monSources.report.accepted')} value={report.accepted} />
        <Statistic title={t('monSources.report.known')} value={report.known} />
        <Statistic
          title={t('monSources.report.rejected')}
          value={report.rejected}
          styles={report.rejected > 0 ? { content: { color: '#cf1322' } } : undefined}
        />
      </Flex>
      {results.length > 0 && (
        <Table<{ position: number; result: TIngestResult }>
          size="small"
          rowKey="position"
          aria-label={t('monSources.report.results')}
          pagination={results.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          dataSource={results}
          columns={[
            { title: '#', dataIndex: 'position', width: 60 },
            {
              title: t('monSources.report.article'),
              key: 'article',
              render: (_: unknown, row) => (
                <Flex vertical gap={2}>
                  <Link to={articlePath(row.result.id)}>{t('monSources.report.open')}</Link>
                  {row.result.duplicateOf && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('monSources.report.duplicate')}{' '}
                      <Link to={articlePath(row.result.duplicateOf)}>{t('monSources.report.firstSeen')}</Link>
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              title: t('monSources.report.classification'),
              key: 'classification',
              render: (_: unknown, row) => <ClassificationTags value={row.result} showScore />,
            },
            {
              title: t('monSources.report.queries'),
              key: 'queries',
              render: (_: unknown, row) =>
                row.result.matchedQueries.length === 0
                  ? t('common.none')
                  : row.result.matchedQueries.map((q) => <Tag key={q.id}>{q.name}</Tag>),
            },
          ]}
        />
      )}
      {errors.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('monSources.report.errorsTitle', { count: errors.length })}
          description={
            <Flex vertical gap={8} role="list">
              {errors.map((item) => (
                <Flex key={item.position} vertical role="listitem">
                  <Typography.Text strong>
                    {t('monSources.report.line', { line: item.position })}: {item.error.message}
                  </Typography.Text>
                  {item.error.errors.map((fieldError) => (
                    <Typography.Text key={fieldError.field} type="secondary">
                      {fieldError.field}: {fieldError.message}
                    </Typography.Text>
                  ))}
                </Flex>
              ))}
            </Flex>
          }
        />
      )}
    </Flex>
  );
}
