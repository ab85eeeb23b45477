import { Button, DatePicker, Flex, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n/i18n';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { PERIOD_PRESETS, type PeriodPreset, type PeriodState } from './dashboard-period';

const DATE_FORMAT = 'DD/MM/YYYY';
const toDay = (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined);

/** Changes to the URL's period and scope keys (an undefined value removes the key). */
export type FilterChanges = Partial<Record<'period' | 'from' | 'to' | 'unitId', string | undefined>>;

/**
 * The period (a preset or two days, checked as they are picked: an end before the start is shown at once and nothing
 * is asked of the server) and the scope (a unit of the user's subtree).
 */
export function DashboardFilters({
  period,
  unitId,
  myUnitId,
  onChange,
}: {
  period: PeriodState;
  unitId: string;
  myUnitId: string;
  onChange: (changes: FilterChanges) => void;
}) {
  const { t } = useI18n();
  const from = period.ok ? period.range.from : period.from;
  const to = period.ok ? period.range.to : period.to;
  const problem = period.ok ? null : period.problem;

  const choosePreset = (preset: PeriodPreset) =>
    // A custom period starts from the days shown now, so switching to it never empties the screen.
    preset === 'custom'
      ? onChange({ period: preset, from: from ?? undefined, to: to ?? undefined })
      : onChange({ period: preset, from: undefined, to: undefined });

  return (
    <Form layout="vertical" aria-label={t('dashboard.filters')} style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap align="flex-start">
        <Form.Item label={t('dashboard.period.label')} htmlFor="dashboard-period" style={{ marginBottom: 0 }}>
          <Select<PeriodPreset>
            id="dashboard-period"
            value={period.preset}
            onChange={choosePreset}
            options={PERIOD_PRESETS.map((preset) => ({ value: preset, label: t(`dashboard.period.${preset}`) }))}
            style={{ width: 180 }}
          />
        </Form.Item>
        {period.preset === 'custom' && (
          <>
            <Form.Item
              label={t('dashboard.period.from')}
              htmlFor="dashboard-from"
              style={{ marginBottom: 0 }}
              validateStatus={problem === 'required' && !from ? 'error' : undefined}
              help={problem === 'required' && !from ? t('dashboard.period.required') : undefined}
            >
              <DatePicker
                id="dashboard-from"
                format={DATE_FORMAT}
                value={from ? dayjs(from) : null}
                onChange={(value) => onChange({ period: 'custom', from: toDay(value) })}
              />
            </Form.Item>
            <Form.Item
              label={t('dashboard.period.to')}
              htmlFor="dashboard-to"
              style={{ marginBottom: 0 }}
              validateStatus={problem === 'order' || (problem === 'required' && !to) ? 'error' : undefined}
              help={
                problem === 'order'
                  ? t('dashboard.period.order')
                  : problem === 'required' && !to
                    ? t('dashboard.period.required')
                    : undefined
              }
            >
              <DatePicker
                id="dashboard-to"
                format={DATE_FORMAT}
                value={to ? dayjs(to) : null}
                onChange={(value) => onChange({ period: 'custom', to: toDay(value) })}
                data-testid="dashboard-to"
              />
            </Form.Item>
          </>
        )}
        <Form.Item label={t('dashboard.scope.label')} htmlFor="dashboard-scope" style={{ marginBottom: 0 }}>
          <Flex gap={8}>
            <OrgUnitTreeSelect
              id="dashboard-scope"
              value={unitId}
              onChange={(value: string | undefined) => onChange({ unitId: value })}
              style={{ width: 320 }}
            />
            {unitId !== myUnitId && (
              <Button onClick={() => onChange({ unitId: undefined })}>{t('dashboard.scope.mine')}</Button>
            )}
          </Flex>
        </Form.Item>
      </Flex>
    </Form>
  );
}
