import type { TGuidanceCoverage, TLocale } from '@loa/contracts';
import { Card, Flex, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { useId, useMemo, useState } from 'react';
import { useI18n, type Translate } from '../../app/i18n/i18n';
import { formatCount } from '../../shared/format';
import { EChart, type ChartOption } from '../dashboard';
import { BAND_COLOURS, matrixRows, NONE_COLOUR, shortUnitName, valueBands, type MatrixRow } from './coverage-values';

type Cell = TGuidanceCoverage['cells'][number];

/** Labels inside the cells only while the columns are wide enough to hold them. */
const MAX_LABELLED_COLUMNS = 12;
const ROW_HEIGHT = 30;
/** With many columns (provinces), each keeps this width and the chart scrolls sideways. */
const NARROW_COLUMN = 22;
const LABEL_WIDTH = 300;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function heatmapOption(coverage: TGuidanceCoverage, rows: MatrixRow[], locale: TLocale, t: Translate): ChartOption {
  const count = (n: number) => formatCount(n, locale);
  const max = Math.max(0, ...coverage.cells.map((c) => c.value));
  const labelled = coverage.columns.length <= MAX_LABELLED_COLUMNS;
  const columnNames = coverage.columns.map((c) =>
    // Audience names are long: the axis shows their codes, the tooltip and the table their names.
    coverage.axis === 'provinces' ? shortUnitName(c.name[locale]) : c.key,
  );
  const tooltip = (x: number, y: number) => {
    const row = rows[y];
    const cell = row?.cells[x];
    const column = coverage.columns[x];
    if (!row || !cell || !column) return '';
    return [
      `<b>${escapeHtml(`${row.code} ${row.name[locale]}`)}</b>`,
      escapeHtml(column.name[locale]),
      cell.value === 0
        ? `<b>${escapeHtml(t('coverage.heatmap.none'))}</b>`
        : escapeHtml(t('coverage.heatmap.value', { value: count(cell.value) })),
      escapeHtml(t('coverage.heatmap.products', { count: count(cell.products) })),
      escapeHtml(t('coverage.heatmap.publications', { count: count(cell.publications) })),
      escapeHtml(t('coverage.heatmap.events', { count: count(cell.events) })),
    ].join('<br/>');
  };
  return {
    grid: { left: 8, right: 16, top: 8, bottom: 48, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        const data = (Array.isArray(params) ? params[0] : params)?.data as number[] | undefined;
        return data ? tooltip(data[0]!, data[1]!) : '';
      },
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: columnNames,
      splitArea: { show: true },
      axisLabel: {
        interval: 0,
        rotate: labelled ? 0 : 90,
        width: labelled ? 120 : 110,
        overflow: 'truncate',
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => `${row.code} ${row.name[locale]}`),
      axisLabel: { width: 240, overflow: 'truncate' },
    },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      pieces: [
        { value: 0, color: NONE_COLOUR, label: t('coverage.heatmap.legendNone') },
        ...valueBands(max).map((band, index) => ({
          min: band.min,
          max: band.max,
          color: BAND_COLOURS[index],
          label:
            band.min === band.max
              ? count(band.min)
              : t('coverage.heatmap.range', { min: count(band.min), max: count(band.max) }),
        })),
      ],
    },
    series: [
      {
        type: 'heatmap',
        data: rows.flatMap((row, y) => row.cells.map((cell, x) => [x, y, cell.value])),
        label: {
          show: labelled,
          formatter: (params) => {
            const value = (params.data as number[])[2] ?? 0;
            return value === 0 ? t('coverage.heatmap.none') : count(value);
          },
        },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };
}

/** A cell of the table version: the number, or a red-tinted "none". */
function CellValue({ cell, locale }: { cell: Cell; locale: TLocale }) {
  const { t } = useI18n();
  if (cell.value === 0)
    return (
      <span style={{ background: NONE_COLOUR, color: '#a8071a', padding: '0 6px', borderRadius: 4 }}>
        {t('coverage.heatmap.none')}
      </span>
    );
  return <>{formatCount(cell.value, locale)}</>;
}

/**
 * The matrix as a heatmap (themes as rows, audiences or provinces as columns; cells nobody addressed in red) with a
 * "chart / table" switch. The canvas says nothing to screen readers, so while it shows, the same numbers sit in a
 * visually hidden table.
 */
export function CoverageHeatmap({ coverage, loading }: { coverage: TGuidanceCoverage | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  const rows = useMemo(() => (coverage ? matrixRows(coverage) : []), [coverage]);
  const option = useMemo(
    () => (coverage ? heatmapOption(coverage, rows, locale, t) : null),
    [coverage, rows, locale, t],
  );
  const axis = t(coverage?.axis === 'provinces' ? 'coverage.axis.provinces' : 'coverage.axis.audiences');
  const title = t('coverage.heatmap.title', { axis: axis.toLowerCase() });
  const columns: TableColumnsType<MatrixRow> = [
    {
      title: t('coverage.heatmap.theme'),
      key: 'theme',
      fixed: 'left',
      width: 280,
      render: (_: unknown, row) => (
        <>
          <Typography.Text strong>{row.code}</Typography.Text> {row.name[locale]}
        </>
      ),
    },
    ...(coverage?.columns ?? []).map((column, index) => ({
      title: coverage?.axis === 'audiences' ? `${column.key} ${column.name[locale]}` : column.name[locale],
      key: column.key,
      align: 'right' as const,
      render: (_: unknown, row: MatrixRow) => <CellValue cell={row.cells[index]!} locale={locale} />,
    })),
  ];

  return (
    <Card
      size="small"
      loading={loading}
      data-testid="coverage-heatmap"
      title={
        <Typography.Title level={2} id={headingId} style={{ fontSize: 15, margin: 0 }}>
          {title}
        </Typography.Title>
      }
      extra={
        <Flex gap={8} align="center">
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
      style={{ marginBottom: 16 }}
    >
      {coverage && rows.length === 0 ? (
        <Typography.Text type="secondary">{t('coverage.heatmap.noThemes')}</Typography.Text>
      ) : mode === 'table' ? (
        <Table<MatrixRow>
          size="small"
          rowKey="code"
          aria-labelledby={headingId}
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      ) : (
        option &&
        coverage && (
          <>
            <div style={{ overflowX: 'auto' }}>
              <div
                style={{
                  minWidth:
                    coverage.columns.length > MAX_LABELLED_COLUMNS
                      ? LABEL_WIDTH + coverage.columns.length * NARROW_COLUMN
                      : undefined,
                }}
              >
                <EChart option={option} height={rows.length * ROW_HEIGHT + 200} testId="coverage-chart" />
              </div>
            </div>
            {/* In a box: a table is never narrower than its content, so it cannot hide itself. */}
            <div className="loa-visually-hidden">
              <table>
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('coverage.heatmap.theme')}</th>
                    {coverage.columns.map((column) => (
                      <th key={column.key} scope="col">
                        {column.name[locale]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.code}>
                      <th scope="row">{`${row.code} ${row.name[locale]}`}</th>
                      {row.cells.map((cell) => (
                        <td key={cell.column}>
                          {cell.value === 0 ? t('coverage.heatmap.none') : formatCount(cell.value, locale)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )
      )}
    </Card>
  );
}
