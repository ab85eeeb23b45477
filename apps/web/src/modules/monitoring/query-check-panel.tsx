import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { caretAt, checkableText } from './queries-helpers';
import { checkQuery, queryKeys } from './queries.api';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', whiteSpace: 'pre' } as const;

/** Checks the query as it is typed (debounced): the syntax error with a caret, or the recent matches. */
export function QueryCheckPanel({ text }: { text: string | undefined }) {
  const { t } = useI18n();
  const debounced = useDebouncedValue(checkableText(text), 400);
  const check = useQuery({
    queryKey: queryKeys.check(debounced ?? ''),
    queryFn: ({ signal }) => checkQuery(debounced!, signal),
    enabled: debounced !== null,
    staleTime: 30_000,
  });

  if (debounced === null) return null;
  if (check.isError) return <Alert type="warning" showIcon title={errorText(check.error, t)} />;
  if (!check.data) return <Spin size="small" />;
  const result = check.data;
  if (!result.ok && result.error) {
    const view = caretAt(debounced, result.error.position);
    return (
      <Alert
        type="error"
        showIcon
        icon={<CloseCircleOutlined />}
        data-testid="query-check-error"
        title={result.error.message}
        description={
          <div role="group" aria-label={t('monQueries.check.where', { line: view.lineNumber, column: view.column })}>
            <Typography.Text type="secondary">
              {t('monQueries.check.where', { line: view.lineNumber, column: view.column })}
            </Typography.Text>
            <div style={{ ...mono, marginTop: 4, overflowX: 'auto' }}>
              <div>{view.line || ' '}</div>
              <div style={{ color: '#cf1322', fontWeight: 700 }}>{view.caret}</div>
            </div>
          </div>
        }
      />
    );
  }
  return (
    <Alert
      type="success"
      showIcon
      icon={<CheckCircleOutlined />}
      data-testid="query-check-ok"
      title={
        <Flex gap={8} align="center">
          {t('monQueries.check.matches', { count: result.recentMatches })}
          {check.isFetching && <Spin size="small" />}
        </Flex>
      }
      description={
        result.sample.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {result.sample.map((article) => (
              <li key={article.id}>
                <Link to={`/monitoring/articles/${encodeURIComponent(article.id)}`} target="_blank">
                  {article.title}
                </Link>
                <Typography.Text type="secondary"> — {article.sourceName}</Typography.Text>
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
