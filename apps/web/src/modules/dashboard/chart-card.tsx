import { Card, Flex, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n';

/** A table of a chart's numbers: its header row and its body rows, already formatted. */
export interface ChartTable {
  columns: string[];
  rows: { key: string; cells: string[] }[];
}

/**
 * A chart with its title as a heading and a "chart / table" switch. The canvas says nothing to screen readers, so
 * while the chart shows, the same numbers sit in a visually hidden table.
 */
export function ChartCard({
  title,
  table,
  empty,
  loading,
  children,
  controls,
  testId,
}: {
  title: string;
  /** Extra controls shown before the chart / table switch (e.g. which figure colours a map). */
  controls?: ReactNode;
  table: ChartTable;
  empty: boolean;
  loading: boolean;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  const columns: TableColumnsType<{ key: string; cells: string[] }> = table.columns.map((column, index) => ({
    title: column,
    key: String(index),
    align: index === 0 ? 'left' : 'right',
    render: (_: unknown, row) => row.cells[index],
  }));

  return (
    <Card
      size="small"
      loading={loading}
      data-testid={testId}
      title={
        <Typography.Title level={3} id={headingId} style={{ fontSize: 15, margin: 0 }}>
          {title}
        </Typography.Title>
      }
      extra={
        <Flex gap={8} wrap align="center">
          {controls}
          <Segmented<'chart' | 'table'>
            size="small"
            aria-label={t('dashboard.chart.show')}
            value={mode}
            onChange={setMode}
            options={[
              { value: 'chart', label: t('dashboard.chart.asChart') },
              { value: 'table', label: t('dashboard.chart.asTable') },
            ]}
          />
        </Flex>
      }
      style={{ height: '100%' }}
    >
      {empty ? (
        <Typography.Text type="secondary">{t('dashboard.chart.empty')}</Typography.Text>
      ) : mode === 'table' ? (
        <Table
          size="small"
          aria-labelledby={headingId}
          columns={columns}
          dataSource={table.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      ) : (
        <>
          {children}
          <table className="loa-visually-hidden">
            <caption>{title}</caption>
            <thead>
              <tr>
                {table.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, index) =>
                    index === 0 ? (
                      <th key={index} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={index}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
