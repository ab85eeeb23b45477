import { DownloadOutlined } from '@ant-design/icons';
import { ZDashboardFigure, type TDashboardFigure, type TDashboardQuery } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Button, Col, Row, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDate, vnCalendarDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { useCurrentUser } from '../auth/session';
import { ChildrenTable } from './children-table';
import { dashboardKeys, exportDashboard, getDashboard } from './dashboard.api';
import { DashboardCharts } from './dashboard-charts';
import { DashboardFilters, type FilterChanges } from './dashboard-filters';
import { previousYearRange, readPeriod } from './dashboard-period';
import { PROVINCE_CODES_34, provinceMapSet } from './dashboard-values';
import { DrillDrawer } from './drill-drawer';
import { PeriodAlerts } from './period-alerts';
import { FigureCards } from './figure-cards';
import { ProvinceMap } from './province-map';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const figureParam = (value: string | null): TDashboardFigure | undefined => {
  const parsed = ZDashboardFigure.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** A failure as the server explained it (problem+json), with its field problems. */
/**
 * Bảng điều khiển: what a unit achieved in a period against the same period last year, by figure, breakdown and
 * month, with its child units side by side (on the map when they are provinces); every figure drills down to its
 * records. The period, scope, open drill-down and map figure live in the URL, so a view can be shared.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { params, update } = useUrlListState();
  const period = readPeriod(params, vnCalendarDate(new Date()));
  const urlUnit = params.get('unitId');
  const unitId = urlUnit && UUID.test(urlUnit) ? urlUnit : user.orgUnit.id;
  const drill = figureParam(params.get('drill'));
  const mapFigure = figureParam(params.get('mapFigure')) ?? 'events';

  const query: TDashboardQuery | null = period.ok ? { ...period.range, orgUnitId: unitId } : null;
  const dashboard = useQuery({
    queryKey: dashboardKeys.figures(query ?? { from: '', to: '' }),
    queryFn: ({ signal }) => getDashboard(query as TDashboardQuery, signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
  const download = useDownload(() => exportDashboard(query as TDashboardQuery));
  const data = dashboard.data;

  const change = (changes: FilterChanges) => update(changes, true);
  const openUnit = (id: string) => update({ unitId: id, drill: undefined }, true);
  const previous = period.ok ? previousYearRange(period.range) : null;
  const mapSet = data
    ? provinceMapSet(
        data.children.map((child) => child.unit.code),
        PROVINCE_CODES_34,
      )
    : null;

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={
          data &&
          period.ok && (
            <>
              {t('dashboard.subtitle', {
                unit: data.scope.name,
                from: formatDate(data.from),
                to: formatDate(data.to),
              })}
              {previous && (
                <>
                  <br />
                  {t('dashboard.comparedWith', { from: formatDate(previous.from), to: formatDate(previous.to) })}
                </>
              )}
            </>
          )
        }
        actions={
          <Button
            icon={<DownloadOutlined />}
            disabled={!query}
            loading={download.running}
            onClick={() => void download.run()}
          >
            {t('common.exportExcel')}
          </Button>
        }
      />
      <DashboardFilters period={period} unitId={unitId} myUnitId={user.orgUnit.id} onChange={change} />
      <Typography.Paragraph>
        <Link to={{ pathname: '/dashboard/coverage', search: params.toString() }}>{t('coverage.open')}</Link>
      </Typography.Paragraph>
      <PeriodAlerts period={period} answer={dashboard} />
      {period.ok && !dashboard.isError && (
        // While another period or unit loads, the previous figures stay, dimmed, instead of a blank screen.
        <div style={{ opacity: dashboard.isPlaceholderData ? 0.55 : 1 }} aria-busy={dashboard.isFetching}>
          <FigureCards
            figures={data?.figures}
            loading={dashboard.isLoading}
            onOpen={(figure) => update({ drill: figure }, true)}
          />
          <DashboardCharts data={data} loading={dashboard.isLoading} />
          {data && data.children.length > 0 && (
            <Row gutter={[12, 12]}>
              {mapSet && (
                <Col xs={24}>
                  <ProvinceMap
                    set={mapSet}
                    items={data.children}
                    figure={mapFigure}
                    onFigureChange={(figure) => update({ mapFigure: figure }, true)}
                    onOpen={openUnit}
                  />
                </Col>
              )}
              <Col xs={24}>
                <ChildrenTable
                  items={data.children}
                  loading={dashboard.isFetching}
                  exporting={download.running}
                  onExport={() => void download.run()}
                  onOpen={openUnit}
                />
              </Col>
            </Row>
          )}
          {data && data.children.length === 0 && (
            <Typography.Paragraph type="secondary">{t('dashboard.children.empty')}</Typography.Paragraph>
          )}
        </div>
      )}
      {drill && query && (
        <DrillDrawer
          key={`${drill}:${query.from}:${query.to}:${unitId}`}
          query={query}
          figure={drill}
          onClose={() => update({ drill: undefined }, true)}
        />
      )}
    </>
  );
}
