import { DashboardOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  PLAN_ACTUAL_STATUSES,
  PLAN_ACTUAL_STATUS_LABELS,
  PLAN_METRIC_LABELS,
  PLAN_METRICS,
  PLAN_STATUS_LABELS,
  type TPlanActualQuery,
  type TPlanActualStatus,
  type TPlanMetric,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate, vnCalendarDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { exportPlanActual, getPlanActual, planActualKeys } from './plan-actual.api';
import { readPlanActualParams } from './plan-actual-values';
import { MetricCards } from './metric-cards';
import { RankedTable } from './ranked-table';
import { UnitMonths } from './unit-months';

/**
 * Kế hoạch và thực hiện: a unit's targets of the year against its results month by month, its child units ranked by
 * the completion of one metric, late and at-risk ones highlighted. Year, unit, metric and status filter live in the
 * URL, so a view can be shared.
 */
export function PlanActualPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { params, update } = useUrlListState();
  const today = vnCalendarDate(new Date());
  const state = readPlanActualParams(params, Number(today.slice(0, 4)));
  const unitId = state.unitId ?? user.orgUnit.id;
  const query: TPlanActualQuery = {
    year: state.year,
    orgUnitId: unitId,
    ...(state.metric ? { metric: state.metric } : {}),
    ...(state.statuses.length > 0 ? { status: state.statuses.join(',') } : {}),
  };
  const view = useQuery({
    queryKey: planActualKeys.view(query),
    queryFn: ({ signal }) => getPlanActual(query, signal),
    placeholderData: keepPreviousData,
  });
  const download = useDownload(() => exportPlanActual(query));
  const data = view.data;
  const scopeMetric = data?.scope.metrics.find((m) => m.metric === data.metric);

  return (
    <>
      <PageHeader
        title={t('planActual.title')}
        subtitle={
          data && t('planActual.subtitle', { year: data.year, unit: data.scope.unit.name, asOf: formatDate(data.asOf) })
        }
        actions={
          <>
            <Link to="/dashboard">
              <Button icon={<DashboardOutlined />}>{t('planActual.toDashboard')}</Button>
            </Link>
            <Button icon={<DownloadOutlined />} loading={download.running} onClick={() => void download.run()}>
              {t('common.exportExcel')}
            </Button>
          </>
        }
      />
      <Form layout="vertical" aria-label={t('planActual.filters')} style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="flex-start">
          <Form.Item label={t('planActual.year')} htmlFor="plan-actual-year" style={{ marginBottom: 0 }}>
            <InputNumber
              id="plan-actual-year"
              min={2000}
              max={2100}
              precision={0}
              value={state.year}
              onChange={(value) => typeof value === 'number' && update({ year: value }, true)}
              style={{ width: 110 }}
            />
          </Form.Item>
          <Form.Item label={t('planActual.unit')} htmlFor="plan-actual-unit" style={{ marginBottom: 0 }}>
            <Flex gap={8}>
              <OrgUnitTreeSelect
                id="plan-actual-unit"
                value={unitId}
                onChange={(value: string | undefined) => update({ unitId: value }, true)}
                style={{ width: 320 }}
              />
              {unitId !== user.orgUnit.id && (
                <Button onClick={() => update({ unitId: undefined }, true)}>{t('planActual.mine')}</Button>
              )}
            </Flex>
          </Form.Item>
          <Form.Item label={t('planActual.metric')} htmlFor="plan-actual-metric" style={{ marginBottom: 0 }}>
            <Select<TPlanMetric>
              id="plan-actual-metric"
              value={data?.metric ?? state.metric}
              onChange={(metric) => update({ metric }, true)}
              options={PLAN_METRICS.map((metric) => ({ value: metric, label: PLAN_METRIC_LABELS[metric][locale] }))}
              style={{ width: 300 }}
            />
          </Form.Item>
          <Form.Item label={t('planActual.status')} htmlFor="plan-actual-status" style={{ marginBottom: 0 }}>
            <Select<TPlanActualStatus[]>
              id="plan-actual-status"
              mode="multiple"
              allowClear
              placeholder={t('planActual.statusAll')}
              value={state.statuses}
              onChange={(statuses) => update({ status: statuses.join(',') }, true)}
              options={PLAN_ACTUAL_STATUSES.map((status) => ({
                value: status,
                label: PLAN_ACTUAL_STATUS_LABELS[status][locale],
              }))}
              style={{ minWidth: 240 }}
            />
          </Form.Item>
        </Flex>
      </Form>
      {view.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={errorText(view.error, t)}
          action={
            <Button size="small" onClick={() => void view.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {view.isLoading && <Card loading style={{ marginBottom: 16 }} />}
      {data && !view.isError && (
        <div style={{ opacity: view.isPlaceholderData ? 0.55 : 1 }} aria-busy={view.isFetching}>
          {data.asOf < `${data.year}-01-01` && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('planActual.future', { year: data.year })}
            />
          )}
          <Typography.Paragraph type="secondary">
            {data.scope.plan
              ? t('planActual.plan', {
                  title: data.scope.plan.title,
                  status: PLAN_STATUS_LABELS[data.scope.plan.status][locale],
                })
              : t('planActual.noPlan', { year: data.year })}
          </Typography.Paragraph>
          <MetricCards
            metrics={data.scope.metrics}
            selected={data.metric}
            onSelect={(metric) => update({ metric }, true)}
          />
          {scopeMetric && (
            <Card size="small" style={{ marginBottom: 16 }}>
              <UnitMonths metric={scopeMetric} />
            </Card>
          )}
          <RankedTable
            data={data}
            filtered={state.statuses.length > 0}
            loading={view.isFetching}
            exporting={download.running}
            onExport={() => void download.run()}
            onOpen={(id) => update({ unitId: id }, true)}
          />
        </div>
      )}
    </>
  );
}
