import type { TReportStatus, TReportSummary } from '@loa/contracts';
import { Table, type TableColumnsType, type TableProps } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { formatDate, formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { tablePagination } from '../../shared/ui/table-pagination';
import type { ReportFilters } from './reports.api';
import { GenerationCell, periodTitle, ReportStatusTag } from './report-tags';

interface Props {
  items: TReportSummary[];
  total: number;
  loading: boolean;
  emptyText: string;
  filters: ReportFilters;
  page: number;
  pageSize: number;
  onFiltersChange: (changes: Partial<ReportFilters>) => void;
  onPageChange: (page: number, pageSize: number) => void;
}

/** The reports of the scope: sorting and paging run on the server; the period opens the report. */
export function ReportsTable(props: Props) {
  const { t, locale } = useI18n();
  const { filters } = props;
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  const columns: TableColumnsType<TReportSummary> = [
    {
      title: t('reports.field.period'),
      ...sortable('period'),
      width: 230,
      render: (_, report) => (
        <Link to={`/reports/${report.id}`} data-testid="report-link">
          {periodTitle(report.period, t, locale)}
        </Link>
      ),
    },
    {
      title: t('reports.field.unit'),
      ...sortable('unit'),
      width: 220,
      render: (_, report) => report.orgUnit.name,
    },
    {
      title: t('reports.field.number'),
      dataIndex: 'number',
      width: 140,
      render: (number: string | null) => number ?? t('common.none'),
    },
    { title: t('reports.field.subject'), dataIndex: 'subject', ...sortable('subject'), width: 360 },
    {
      title: t('common.status'),
      dataIndex: 'status',
      ...sortable('status'),
      width: 130,
      render: (status: TReportStatus) => <ReportStatusTag status={status} />,
    },
    {
      title: t('reports.field.generation'),
      key: 'generation',
      width: 150,
      render: (_, report) => <GenerationCell generation={report.generation} />,
    },
    {
      title: t('reports.field.days'),
      key: 'days',
      width: 190,
      render: (_, report) => `${formatDate(report.from)} – ${formatDate(report.to)}`,
    },
    {
      title: t('reports.field.updatedAt'),
      dataIndex: 'updatedAt',
      ...sortable('updatedAt'),
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
  ];

  const onChange: TableProps<TReportSummary>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action === 'paginate') return;
    props.onFiltersChange({ sort: sortParam(sorter) });
  };

  return (
    <div data-testid="reports-table">
      <Table<TReportSummary>
        size="small"
        rowKey="id"
        aria-label={t('reports.tableLabel')}
        columns={columns}
        dataSource={props.items}
        loading={props.loading}
        onChange={onChange}
        locale={{ emptyText: props.emptyText }}
        pagination={tablePagination(
          t,
          { page: props.page, pageSize: props.pageSize, total: props.total },
          props.onPageChange,
        )}
        scroll={{ x: 1570 }}
      />
    </div>
  );
}
