import {
  ALERT_KIND_LABELS,
  ALERT_KINDS,
  FLAG_LABELS,
  MONITORING_FLAGS,
  type MonitoringFlag,
  type TAlertKind,
} from '@loa/contracts';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import type { ListChanges } from '../../shared/use-url-list-state';
import { UnitPicker } from '../monitoring/source-pickers';
import { AlertRulePicker } from './alert-pickers';
import type { AlertFilters } from './alerts.api';

interface Props {
  filters: AlertFilters;
  update: (changes: ListChanges) => void;
  updateLater: (changes: ListChanges) => void;
}

const FILTER_KEYS = ['q', 'kind', 'orgUnitId', 'ruleId', 'flag', 'from', 'to'] as const;

/** The inbox's search and filters (kind, unit, rule, flag, period), all kept in the URL. */
export function AlertFiltersBar({ filters, update, updateLater }: Props) {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState(filters.q ?? '');
  const anyFilter = FILTER_KEYS.some((key) => filters[key] !== undefined);

  const clear = () => {
    setSearch('');
    update(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])));
  };

  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        aria-label={t('monAlerts.searchLabel')}
        placeholder={t('monAlerts.searchPlaceholder')}
        value={search}
        onChange={(event) => {
          setSearch(event.target.value);
          updateLater({ q: event.target.value.trim() });
        }}
        onSearch={(value) => update({ q: value.trim() })}
        style={{ width: 300 }}
      />
      <Select
        allowClear
        aria-label={t('monAlerts.filter.kind')}
        placeholder={t('monAlerts.filter.kind')}
        value={filters.kind}
        onChange={(value?: TAlertKind) => update({ kind: value })}
        options={ALERT_KINDS.map((kind) => ({ value: kind, label: ALERT_KIND_LABELS[kind][locale] }))}
        style={{ width: 170 }}
      />
      <UnitPicker
        allowClear
        placeholder={t('monAlerts.filter.orgUnit')}
        value={filters.orgUnitId ?? null}
        onChange={(value) => update({ orgUnitId: value ?? undefined })}
        style={{ width: 260 }}
      />
      <AlertRulePicker value={filters.ruleId} onChange={(value) => update({ ruleId: value })} style={{ width: 240 }} />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('monAlerts.filter.flag')}
        placeholder={t('monAlerts.filter.flag')}
        value={filters.flag}
        onChange={(value?: MonitoringFlag) => update({ flag: value })}
        options={MONITORING_FLAGS.map((flag) => ({ value: flag, label: FLAG_LABELS[flag][locale] }))}
        style={{ width: 240 }}
      />
      <DatePicker.RangePicker
        format="DD/MM/YYYY"
        allowEmpty={[true, true]}
        aria-label={t('monAlerts.filter.period')}
        placeholder={[t('monAlerts.filter.from'), t('monAlerts.filter.to')]}
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
      />
      {anyFilter && (
        <Button type="link" onClick={clear}>
          {t('monAlerts.filter.clear')}
        </Button>
      )}
    </Flex>
  );
}
