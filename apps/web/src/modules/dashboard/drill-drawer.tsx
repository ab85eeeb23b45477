import { DownloadOutlined } from '@ant-design/icons';
import { FIGURE_LABELS, type TDashboardFigure, type TDashboardQuery, type TDrillRecord } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Drawer, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { dashboardKeys, exportDrill, getDrill } from './dashboard.api';
import { formatFigure } from './dashboard-values';

/** The records behind one figure, page by page, each linking to its screen in Loa; all of them as Excel. */
export function DrillDrawer({
  query,
  figure,
  onClose,
}: {
  query: TDashboardQuery;
  figure: TDashboardFigure;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const records = useQuery({
    queryKey: dashboardKeys.drill(query, figure, paging.page, paging.pageSize),
    queryFn: () => getDrill(query, figure, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });
  const download = useDownload(() => exportDrill(query, figure));
  const label = FIGURE_LABELS[figure][locale];

  const columns: TableColumnsType<TDrillRecord> = [
    {
      title: t('dashboard.drill.col.title'),
      key: 'title',
      render: (_: unknown, record) =>
        record.link ? <Link to={record.link}>{record.title}</Link> : <span>{record.title}</span>,
    },
    { title: t('dashboard.drill.col.date'), key: 'date', width: 110, render: (_: unknown, r) => formatDate(r.date) },
    {
      title: t('dashboard.drill.col.unit'),
      key: 'unit',
      render: (_: unknown, record) => record.unit?.name ?? t('common.none'),
    },
    {
      title: t('dashboard.drill.col.value'),
      key: 'value',
      align: 'right',
      render: (_: unknown, record) => formatFigure(figure, record.value, locale),
    },
  ];

  return (
    <Drawer
      open
      size="large"
      title={t('dashboard.drill.title', { figure: label })}
      onClose={onClose}
      data-testid="drill-drawer"
      extra={
        <Button icon={<DownloadOutlined />} loading={download.running} onClick={() => void download.run()}>
          {t('common.exportExcel')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {formatDate(query.from)} – {formatDate(query.to)}
      </Typography.Paragraph>
      <Table<TDrillRecord>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={records.data?.items ?? []}
        loading={records.isFetching}
        locale={{ emptyText: records.isError ? errorText(records.error, t) : t('dashboard.drill.empty') }}
        pagination={tablePagination(
          t,
          { page: paging.page, pageSize: paging.pageSize, total: records.data?.total ?? 0 },
          (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        )}
        scroll={{ x: 'max-content' }}
      />
    </Drawer>
  );
}
