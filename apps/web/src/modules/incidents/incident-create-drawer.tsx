import { CloseOutlined } from '@ant-design/icons';
import type { TIncident } from '@loa/contracts';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useCurrentUser } from '../auth/session';
import { initialCreateValues } from './incident-form';
import { IncidentFormDrawer } from './incident-form-drawer';
import { getAlert, getArticle, incidentKeys } from './incidents.api';

interface Props {
  /** `?alertId=`: the alert the case is opened from (its articles join the case on the server). */
  alertId: string | undefined;
  /** `?articleIds=`: monitored articles the case is opened from. */
  articleIds: readonly string[];
  onClose: () => void;
  onCreated: (incident: TIncident) => void;
}

/** "Mở sự cố": opened by hand, from an alert or from articles; the form starts from what it is opened from. */
export function IncidentCreateDrawer({ alertId, articleIds, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(new Set());
  const alert = useQuery({
    queryKey: incidentKeys.alert(alertId ?? ''),
    queryFn: () => getAlert(alertId ?? ''),
    enabled: alertId !== undefined,
    retry: false,
  });
  const articles = useQueries({
    queries: articleIds.map((id) => ({
      queryKey: incidentKeys.article(id),
      queryFn: () => getArticle(id),
      retry: false,
      staleTime: 60_000,
    })),
  });

  const loading = (alertId !== undefined && alert.isPending) || articles.some((article) => article.isPending);
  const loaded = articles.flatMap((article) => (article.data ? [article.data] : []));
  const failedArticles = articles.filter((article) => article.isError);
  const kept = loaded.filter((article) => !leftOut.has(article.id));
  const initial = loading
    ? undefined
    : initialCreateValues({ alert: alert.data, articles: loaded, callerUnitId: user.orgUnit.id });

  const header = (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      {alert.isError && (
        <Alert
          type="warning"
          showIcon
          title={t('incidents.create.alertFailed')}
          description={errorText(alert.error, t)}
        />
      )}
      {failedArticles.length > 0 && (
        <Alert type="warning" showIcon title={t('incidents.create.articlesFailed', { count: failedArticles.length })} />
      )}
      {alert.data && (
        <Card size="small" title={t('incidents.create.fromAlert')} data-testid="incident-source-alert">
          <Typography.Text strong>{alert.data.title}</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {alert.data.orgUnit.name} · {t('incidents.itemCount', { count: alert.data.articleCount })} ·{' '}
            {formatDateTime(alert.data.firstSeenAt)}
          </Typography.Text>
          {alert.data.incidentId && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 8 }}
              title={t('incidents.create.alertHasIncident')}
              action={
                <Link to={`/incidents/${encodeURIComponent(alert.data.incidentId)}`}>{t('incidents.create.view')}</Link>
              }
            />
          )}
          <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
            {alert.data.articles.map((article) => (
              <li key={article.id}>
                {article.title}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  ({article.sourceName})
                </Typography.Text>
              </li>
            ))}
          </ul>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('incidents.create.alertItemsHint')}
          </Typography.Text>
        </Card>
      )}
      {loaded.length > 0 && (
        <Card size="small" title={t('incidents.create.fromArticles', { count: kept.length })}>
          <Flex vertical gap={4} role="list">
            {loaded.map((article) => {
              const out = leftOut.has(article.id);
              return (
                <Flex key={article.id} role="listitem" justify="space-between" align="center" gap={8}>
                  <Typography.Text delete={out} type={out ? 'secondary' : undefined}>
                    {article.title}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      ({article.source.name})
                    </Typography.Text>
                  </Typography.Text>
                  <Button
                    size="small"
                    type="text"
                    icon={out ? undefined : <CloseOutlined />}
                    aria-label={
                      out
                        ? t('incidents.create.keepArticle', { title: article.title })
                        : t('incidents.create.leaveOutArticle', { title: article.title })
                    }
                    onClick={() =>
                      setLeftOut((before) => {
                        const next = new Set(before);
                        if (out) next.delete(article.id);
                        else next.add(article.id);
                        return next;
                      })
                    }
                  >
                    {out ? t('incidents.create.keep') : null}
                  </Button>
                </Flex>
              );
            })}
          </Flex>
        </Card>
      )}
    </Flex>
  );

  return (
    <IncidentFormDrawer
      incident={null}
      initial={initial}
      source={{ alertId: alert.data ? alertId : undefined, articleIds: kept.map((article) => article.id) }}
      knownUnits={alert.data ? [alert.data.orgUnit] : []}
      header={header}
      onClose={onClose}
      onSaved={onCreated}
    />
  );
}
