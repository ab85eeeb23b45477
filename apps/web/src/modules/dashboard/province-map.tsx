import { DASHBOARD_FIGURES, FIGURE_LABELS, type TDashboard, type TDashboardFigure } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Typography } from 'antd';
import { registerMap, type ECElementEvent } from 'echarts/core';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { compareVi } from '../../shared/format';
import { ChartCard, type ChartTable } from './chart-card';
import { dashboardKeys } from './dashboard.api';
import { formatFigure, provinceCodeOf, type ProvinceMapSet } from './dashboard-values';
import { EChart, type ChartOption } from './echart';

type Child = TDashboard['children'][number];
type GeoJson = Parameters<typeof registerMap>[1];
interface ProvinceFeatures {
  features: { properties: { code: string; name: string } }[];
}

/**
 * Loads the boundaries of the 63 or the 34 provinces (`public/maps/provinces-*.geojson`: simplified boundaries from
 * Open Development Mekong via phamductu/vietnamese-provincial-icons, MIT; the 34 dissolved from them by the 2025
 * merger mapping of dvhcvn, MIT — see ../shared/data/README.md) and registers them with ECharts once.
 */
async function loadProvinces(set: ProvinceMapSet): Promise<{ mapName: string; names: Map<string, string> }> {
  const response = await fetch(`${import.meta.env.BASE_URL}maps/provinces-${set}.geojson`);
  if (!response.ok) throw new Error(`provinces-${set}.geojson: HTTP ${response.status}`);
  const geojson = (await response.json()) as ProvinceFeatures;
  const mapName = `vn-provinces-${set}`;
  registerMap(mapName, geojson as unknown as GeoJson);
  return { mapName, names: new Map(geojson.features.map((f) => [f.properties.code, f.properties.name])) };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The child provinces coloured by one figure; a click on a province opens its dashboard. */
export function ProvinceMap({
  set,
  items,
  figure,
  onFigureChange,
  onOpen,
}: {
  set: ProvinceMapSet;
  items: readonly Child[];
  figure: TDashboardFigure;
  onFigureChange: (figure: TDashboardFigure) => void;
  onOpen: (unitId: string) => void;
}) {
  const { t, locale } = useI18n();
  const map = useQuery({ queryKey: dashboardKeys.map(set), queryFn: () => loadProvinces(set), staleTime: Infinity });
  const label = FIGURE_LABELS[figure][locale];

  const provinces = useMemo(
    () =>
      items
        .map((child) => ({ child, code: provinceCodeOf(child.unit.code) }))
        .filter((row): row is { child: Child; code: string } => row.code !== null)
        .map(({ child, code }) => ({
          code,
          unitId: child.unit.id,
          unitName: child.unit.name,
          value: child.values[figure],
          province: map.data?.names.get(code) ?? child.unit.name,
        }))
        .sort((a, b) => compareVi(a.province, b.province)),
    [items, figure, map.data],
  );

  const option = useMemo((): ChartOption | null => {
    if (!map.data) return null;
    const byCode = new Map(provinces.map((p) => [p.code, p]));
    const max = Math.max(0, ...provinces.map((p) => p.value));
    const format = (value: number) => formatFigure(figure, value, locale);
    return {
      tooltip: {
        trigger: 'item',
        formatter: (params) => {
          const code = String((params as { name?: string }).name ?? '');
          const province = escapeHtml(map.data.names.get(code) ?? code);
          const row = byCode.get(code);
          if (!row) return `<strong>${province}</strong><br/>${escapeHtml(t('dashboard.map.noUnit'))}`;
          return `<strong>${province}</strong><br/>${escapeHtml(row.unitName)}<br/>${escapeHtml(label)}: <strong>${escapeHtml(format(row.value))}</strong>`;
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: max > 0 ? max : 1,
        left: 0,
        bottom: 0,
        calculable: true,
        text: [format(max), format(0)],
        inRange: { color: ['#e6f4ff', '#69b1ff', '#0958d9', '#002c8c'] },
      },
      series: [
        {
          type: 'map',
          map: map.data.mapName,
          nameProperty: 'code',
          roam: true,
          // Vietnam lies around 16° N: a degree of longitude is cos 16° ≈ 0.96 of a degree of latitude.
          aspectScale: 0.96,
          selectedMode: false,
          label: { show: false },
          itemStyle: { areaColor: '#f5f5f5', borderColor: '#8c8c8c', borderWidth: 0.5 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd666' } },
          data: provinces.map((p) => ({ name: p.code, value: p.value, unitId: p.unitId })),
        },
      ],
    };
  }, [map.data, provinces, figure, locale, label, t]);

  const onClick = useCallback(
    (event: ECElementEvent) => {
      const unitId = (event.data as { unitId?: string } | null | undefined)?.unitId;
      if (unitId) onOpen(unitId);
    },
    [onOpen],
  );

  const table: ChartTable = {
    columns: [t('dashboard.map.province'), t('dashboard.children.unit'), label],
    rows: provinces.map((p) => ({
      key: p.code,
      cells: [p.province, p.unitName, formatFigure(figure, p.value, locale)],
    })),
  };

  return (
    <ChartCard
      title={t('dashboard.map.title')}
      table={table}
      empty={false}
      loading={map.isLoading}
      testId="province-map"
      controls={
        <Select<TDashboardFigure>
          size="small"
          aria-label={t('dashboard.map.figure')}
          value={figure}
          onChange={onFigureChange}
          options={DASHBOARD_FIGURES.map((f) => ({ value: f, label: FIGURE_LABELS[f][locale] }))}
          popupMatchSelectWidth={false}
          style={{ width: 220 }}
        />
      }
    >
      {map.isError ? (
        <Alert type="error" showIcon title={t('dashboard.map.loadError')} />
      ) : (
        option && (
          <>
            <EChart option={option} height={560} onClick={onClick} testId="province-map-canvas" />
            <Typography.Text type="secondary">{t('dashboard.map.hint')}</Typography.Text>
          </>
        )
      )}
    </ChartCard>
  );
}
