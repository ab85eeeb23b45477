import { CloseOutlined, DownloadOutlined } from '@ant-design/icons';
import { ALERT_STATUS_LABELS, WORKING_ROLES } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Flex, Segmented, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { AlertFiltersBar } from './alert-filters';
import { ALERT_TABS, alertFiltersFromParams, DEFAULT_ALERT_TAB, tabFromParam, type AlertTab } from './alert-values';
import { alertKeys, exportAlerts, fetchAlertCounts, getAlert, listAlerts } from './alerts.api';
import { AlertsTable } from './alerts-table';

/**
 * Cảnh báo tin báo chí: the alert inbox of the user's units, by status, filtered, sorted and paged in the URL.
 * `?id=` (a notification's link) highlights that alert in the list, or shows it above the list when the list does not
 * hold it.
 */
export function AlertsPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const tab = tabFromParam(params.get('tab'));
  const filters = alertFiltersFromParams(params);
  const focusId = params.get('id');
  const canAct = hasAnyRole(user, WORKING_ROLES);

  const counts = useQuery({
    queryKey: alertKeys.counts,
    queryFn: fetchAlertCounts,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  const alerts = useQuery({
    queryKey: alertKeys.list(filters, page, pageSize),
    queryFn: () => listAlerts(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const items = alerts.data?.items ?? [];
  const focusInList = focusId !== null && items.some((a) => a.id === focusId);
  const focused = useQuery({
    queryKey: alertKeys.one(focusId ?? ''),
    queryFn: () => getAlert(focusId ?? ''),
    enabled: focusId !== null && alerts.isSuccess && !focusInList,
  });
  const exportList = useDownload(() => exportAlerts(filters));

  useEffect(() => {
    if (!focusId || !focusInList) return;
    document.querySelector(`[data-alert-id="${CSS.escape(focusId)}"]`)?.scrollIntoView({ block: 'center' });
  }, [focusId, focusInList]);

  const countOf = (value: AlertTab) =>
    value === 'new' ? counts.data?.new : value === 'acknowledged' ? counts.data?.acknowledged : undefined;
  const tabLabel = (value: AlertTab) => {
    const label = value === 'all' ? t('monAlerts.tab.all') : ALERT_STATUS_LABELS[value][locale];
    const count = countOf(value);
    return count === undefined ? label : t('monAlerts.tabCount', { label, count });
  };

  return (
    <>
      <PageHeader
        title={t('monAlerts.title')}
        subtitle={t('monAlerts.subtitle')}
        actions={
          <>
            {counts.data && (
              <Flex align="center" gap={8} role="status" aria-label={t('monAlerts.countsLabel')}>
                <Badge count={counts.data.new} showZero overflowCount={999} />
                <Typography.Text>{t('monAlerts.counts', { ...counts.data })}</Typography.Text>
              </Flex>
            )}
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
          </>
        }
      />
      <div role="group" aria-label={t('monAlerts.tabsLabel')} style={{ marginBottom: 12 }}>
        <Segmented<AlertTab>
          value={tab}
          onChange={(value) => update({ tab: value === DEFAULT_ALERT_TAB ? undefined : value })}
          options={ALERT_TABS.map((value) => ({ value, label: tabLabel(value) }))}
        />
      </div>
      <AlertFiltersBar filters={filters} update={update} updateLater={updateLater} />
      {focusId && !focusInList && (focused.data || focused.isError) && (
        <Card
          size="small"
          title={t('monAlerts.focused')}
          style={{ marginBottom: 16, borderColor: '#faad14' }}
          extra={
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined />}
              aria-label={t('monAlerts.focusedClose')}
              onClick={() => update({ id: undefined }, true)}
            />
          }
        >
          {focused.data ? (
            <AlertsTable
              items={[focused.data]}
              loading={false}
              emptyText={t('monAlerts.empty')}
              highlightId={focused.data.id}
              canAct={canAct}
              label={t('monAlerts.focused')}
            />
          ) : (
            <Alert type="error" showIcon title={`${t('monAlerts.focusedError')}: ${errorText(focused.error, t)}`} />
          )}
        </Card>
      )}
      <AlertsTable
        items={items}
        loading={alerts.isFetching}
        emptyText={
          alerts.isError ? errorText(alerts.error, t) : tab === 'new' ? t('monAlerts.emptyNew') : t('monAlerts.empty')
        }
        sort={filters.sort}
        onSortChange={(sort) => update({ sort })}
        pagination={tablePagination(t, { page, pageSize, total: alerts.data?.total ?? 0 }, (nextPage, nextSize) =>
          update({ page: nextPage, pageSize: nextSize }, true),
        )}
        highlightId={focusId}
        canAct={canAct}
        label={t('monAlerts.tableLabel')}
      />
    </>
  );
}
