import { DownloadOutlined, FileAddOutlined, ProfileOutlined } from '@ant-design/icons';
import {
  REPORT_PERIOD_KIND_LABELS,
  REPORT_PERIOD_KINDS,
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  WORKING_ROLES,
  type TReportPeriodKind,
  type TReportStatus,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { vnCalendarDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { CreateReportDrawer } from './create-report-drawer';
import { exportReports, listReports, reportKeys, type ReportFilters } from './reports.api';
import { ReportsTable } from './reports-table';
import { isGenerating } from './report-values';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const yearParam = (value: string | null) => {
  const year = Number(value);
  return value && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
};

/** Báo cáo: the periodic reports of the user's scope, filtered and sorted in the URL; a new one is started here. */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [creating, setCreating] = useState(false);
  const canCreate = hasAnyRole(user, [...WORKING_ROLES, 'leader']);
  const thisYear = Number(vnCalendarDate(new Date()).slice(0, 4));

  const orgUnitId = params.get('orgUnitId');
  const filters: ReportFilters = {
    q: params.get('q') ?? undefined,
    status: pick<TReportStatus>(params.get('status'), REPORT_STATUSES),
    periodKind: pick<TReportPeriodKind>(params.get('periodKind'), REPORT_PERIOD_KINDS),
    year: yearParam(params.get('year')),
    orgUnitId: orgUnitId && UUID.test(orgUnitId) ? orgUnitId : undefined,
    sort: params.get('sort') ?? undefined,
  };

  const reports = useQuery({
    queryKey: reportKeys.list(filters, page, pageSize),
    queryFn: () => listReports(filters, page, pageSize),
    placeholderData: keepPreviousData,
    // Rows whose documents are being generated show their progress as it goes.
    refetchInterval: (query) =>
      query.state.data?.items.some((report) => isGenerating(report.generation.state)) ? 2000 : false,
  });
  const exportList = useDownload(() => exportReports(filters));

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            <Button icon={<ProfileOutlined />} onClick={() => void navigate('/reports/templates')}>
              {t('reports.templates.button')}
            </Button>
            {canCreate && (
              <Button
                type="primary"
                icon={<FileAddOutlined />}
                data-testid="create-report"
                onClick={() => setCreating(true)}
              >
                {t('reports.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('reports.searchLabel')}
          placeholder={t('reports.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 300 }}
        />
        <Select<TReportStatus>
          allowClear
          aria-label={t('reports.filter.status')}
          placeholder={t('reports.filter.status')}
          value={filters.status}
          onChange={(value) => update({ status: value })}
          options={REPORT_STATUSES.map((status) => ({ value: status, label: REPORT_STATUS_LABELS[status][locale] }))}
          style={{ width: 160 }}
        />
        <Select<TReportPeriodKind>
          allowClear
          aria-label={t('reports.filter.kind')}
          placeholder={t('reports.filter.kind')}
          value={filters.periodKind}
          onChange={(value) => update({ periodKind: value })}
          options={REPORT_PERIOD_KINDS.map((kind) => ({ value: kind, label: REPORT_PERIOD_KIND_LABELS[kind][locale] }))}
          style={{ width: 180 }}
        />
        <Select<number>
          allowClear
          aria-label={t('reports.filter.year')}
          placeholder={t('reports.filter.year')}
          value={filters.year}
          onChange={(value) => update({ year: value })}
          options={Array.from({ length: 10 }, (_, index) => thisYear + 1 - index).map((year) => ({
            value: year,
            label: String(year),
          }))}
          style={{ width: 120 }}
        />
        <OrgUnitTreeSelect
          allowClear
          aria-label={t('reports.filter.unit')}
          placeholder={t('reports.filter.unit')}
          value={filters.orgUnitId}
          onChange={(value) => update({ orgUnitId: value })}
          style={{ width: 280 }}
        />
      </Flex>
      <ReportsTable
        items={reports.data?.items ?? []}
        total={reports.data?.total ?? 0}
        loading={reports.isFetching}
        emptyText={reports.isError ? errorText(reports.error, t) : t('reports.empty')}
        filters={filters}
        page={page}
        pageSize={pageSize}
        onFiltersChange={(changes) => update(changes)}
        onPageChange={(nextPage, nextSize) => update({ page: nextPage, pageSize: nextSize }, true)}
      />
      {creating && (
        <CreateReportDrawer
          defaultUnitId={filters.orgUnitId ?? user.orgUnit.id}
          onClose={() => setCreating(false)}
          onOpen={(id) => void navigate(`/reports/${id}`)}
        />
      )}
    </>
  );
}
