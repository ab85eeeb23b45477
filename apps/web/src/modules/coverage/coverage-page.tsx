import { DownloadOutlined } from '@ant-design/icons';
import {
  COVERAGE_AXES,
  COVERAGE_MEASURES,
  ZCoverageAxis,
  ZCoverageMeasure,
  type TCoverageAxis,
  type TCoverageMeasure,
  type TCoverageQuery,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Flex, Form, Row, Segmented, Select } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDate, vnCalendarDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { useCurrentUser } from '../auth/session';
import { DashboardFilters, PeriodAlerts, readPeriod, type FilterChanges } from '../dashboard';
import { CoverageHeatmap } from './coverage-heatmap';
import { coverageKeys, exportCoverage, getCoverage } from './coverage.api';
import { UncoveredThemes } from './uncovered-themes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const axisParam = (value: string | null): TCoverageAxis => {
  const parsed = ZCoverageAxis.safeParse(value);
  return parsed.success ? parsed.data : 'audiences';
};
const measureParam = (value: string | null): TCoverageMeasure => {
  const parsed = ZCoverageMeasure.safeParse(value);
  return parsed.success ? parsed.data : 'all';
};

/** A failure as the server explained it (problem+json), with its field problems. */
/**
 * Độ phủ nội dung truyền thông: which themes of the guidance reached which audiences, or which provinces, in a period
 * — a heatmap with a table version and the list of themes nobody addressed. Period, scope, axis and measure live in
 * the URL, so a view can be shared.
 */
export function CoveragePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { params, update } = useUrlListState();
  const period = readPeriod(params, vnCalendarDate(new Date()));
  const urlUnit = params.get('unitId');
  const unitId = urlUnit && UUID.test(urlUnit) ? urlUnit : user.orgUnit.id;
  const axis = axisParam(params.get('axis'));
  const measure = measureParam(params.get('measure'));

  const query: TCoverageQuery | null = period.ok ? { ...period.range, orgUnitId: unitId, axis, measure } : null;
  const coverage = useQuery({
    queryKey: coverageKeys.matrix(query ?? { from: '', to: '', axis, measure }),
    queryFn: ({ signal }) => getCoverage(query as TCoverageQuery, signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
  const download = useDownload(() => exportCoverage(query as TCoverageQuery));
  const data = coverage.data;
  const change = (changes: FilterChanges | Partial<Record<'axis' | 'measure', string>>) => update(changes, true);

  return (
    <>
      <PageHeader
        title={t('coverage.title')}
        subtitle={
          data &&
          period.ok &&
          t('coverage.subtitle', {
            year: data.guidanceYear,
            unit: data.scope.name,
            from: formatDate(data.from),
            to: formatDate(data.to),
          })
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
      <Form layout="vertical" aria-label={t('coverage.controls')} style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="flex-end">
          <Form.Item label={t('coverage.axis.label')} style={{ marginBottom: 0 }}>
            <Segmented<TCoverageAxis>
              aria-label={t('coverage.axis.label')}
              value={axis}
              onChange={(value) => change({ axis: value })}
              options={COVERAGE_AXES.map((value) => ({ value, label: t(`coverage.axis.${value}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('coverage.measure.label')} htmlFor="coverage-measure" style={{ marginBottom: 0 }}>
            <Select<TCoverageMeasure>
              id="coverage-measure"
              value={measure}
              onChange={(value) => change({ measure: value })}
              options={COVERAGE_MEASURES.map((value) => ({ value, label: t(`coverage.measure.${value}`) }))}
              style={{ width: 320 }}
            />
          </Form.Item>
        </Flex>
      </Form>
      <PeriodAlerts period={period} answer={coverage} />
      {period.ok && !coverage.isError && (
        // While another view loads, the previous matrix stays, dimmed, instead of a blank screen.
        <div style={{ opacity: coverage.isPlaceholderData ? 0.55 : 1 }} aria-busy={coverage.isFetching}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t(axis === 'audiences' ? 'coverage.note.audiences' : 'coverage.note.provinces')}
          />
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={axis === 'provinces' ? 24 : 17}>
              <CoverageHeatmap coverage={data} loading={coverage.isLoading} />
            </Col>
            <Col xs={24} xl={axis === 'provinces' ? 24 : 7}>
              <UncoveredThemes coverage={data} loading={coverage.isLoading} />
            </Col>
          </Row>
        </div>
      )}
    </>
  );
}
