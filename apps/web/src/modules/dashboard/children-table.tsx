import { DownloadOutlined } from '@ant-design/icons';
import { DASHBOARD_FIGURES, FIGURE_LABELS, type TDashboard } from '@loa/contracts';
import { Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { compareVi } from '../../shared/format';
import { formatFigure } from './dashboard-values';

type Child = TDashboard['children'][number];

/** Every figure of each child unit, sortable by any of them; a unit's name opens its own dashboard. */
export function ChildrenTable({
  items,
  loading,
  exporting,
  onExport,
  onOpen,
}: {
  items: readonly Child[];
  loading: boolean;
  exporting: boolean;
  onExport: () => void;
  onOpen: (unitId: string) => void;
}) {
  const { t, locale } = useI18n();
  const columns: TableColumnsType<Child> = [
    {
      title: t('dashboard.children.unit'),
      key: 'unit',
      fixed: 'left',
      width: 220,
      sorter: (a, b) => compareVi(a.unit.name, b.unit.name),
      render: (_: unknown, row) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          title={t('dashboard.children.open', { unit: row.unit.name })}
          onClick={() => onOpen(row.unit.id)}
        >
          {row.unit.name}
        </Button>
      ),
    },
    ...DASHBOARD_FIGURES.map((figure) => ({
      title: FIGURE_LABELS[figure][locale],
      key: figure,
      align: 'right' as const,
      width: 130,
      sorter: (a: Child, b: Child) => (a.values[figure] ?? 0) - (b.values[figure] ?? 0),
      sortDirections: ['descend' as const, 'ascend' as const],
      render: (_: unknown, row: Child) => formatFigure(figure, row.values[figure] ?? 0, locale),
    })),
  ];

  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('dashboard.children.title')}
        </Typography.Title>
      }
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
          {t('common.exportExcel')}
        </Button>
      }
    >
      <Table<Child>
        rowKey={(row) => row.unit.id}
        size="small"
        columns={columns}
        dataSource={[...items]}
        loading={loading}
        locale={{ emptyText: t('dashboard.children.empty') }}
        pagination={false}
        scroll={{ x: 'max-content', y: 520 }}
        sticky
        data-testid="children-table"
      />
    </Card>
  );
}
