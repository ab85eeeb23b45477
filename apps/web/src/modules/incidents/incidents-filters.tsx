import {
  INCIDENT_SEVERITIES,
  INCIDENT_SEVERITY_LABELS,
  INCIDENT_STATUSES,
  INCIDENT_STATUS_LABELS,
  type TIncidentSeverity,
  type TIncidentStatus,
} from '@loa/contracts';
import { DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import type { ListChanges } from '../../shared/use-url-list-state';
import { IncidentUnitSelect } from './incident-pickers';
import type { IncidentFilters } from './incident-values';

interface Props {
  filters: IncidentFilters;
  /** A filter changed (back to page 1). */
  onChange: (changes: ListChanges) => void;
  /** The search box changed: applied once typing pauses. */
  onTyped: (changes: ListChanges) => void;
}

/** Search and filters shared by the board and the list; everything lives in the URL. */
export function IncidentsFilters({ filters, onChange, onTyped }: Props) {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState(filters.q ?? '');
  const [seen, setSeen] = useState(filters.q ?? '');
  if ((filters.q ?? '') !== seen) {
    // The URL changed under the box (back/forward, a shared link): show its words.
    setSeen(filters.q ?? '');
    if (search.trim() !== (filters.q ?? '')) setSearch(filters.q ?? '');
  }

  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }} role="search" aria-label={t('incidents.filters')}>
      <Input.Search
        allowClear
        aria-label={t('incidents.searchLabel')}
        placeholder={t('incidents.searchPlaceholder')}
        value={search}
        onChange={(event) => {
          setSearch(event.target.value);
          onTyped({ q: event.target.value.trim() });
        }}
        onSearch={(value) => onChange({ q: value.trim() })}
        style={{ width: 300 }}
      />
      <Select<TIncidentStatus[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        aria-label={t('incidents.filter.status')}
        placeholder={t('incidents.filter.status')}
        value={filters.status}
        onChange={(value) => onChange({ status: value.join(',') })}
        options={INCIDENT_STATUSES.map((status) => ({ value: status, label: INCIDENT_STATUS_LABELS[status][locale] }))}
        style={{ minWidth: 200 }}
      />
      <Select<TIncidentSeverity[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        aria-label={t('incidents.filter.severity')}
        placeholder={t('incidents.filter.severity')}
        value={filters.severity}
        onChange={(value) => onChange({ severity: value.join(',') })}
        options={INCIDENT_SEVERITIES.map((severity) => ({
          value: severity,
          label: INCIDENT_SEVERITY_LABELS[severity][locale],
        }))}
        style={{ minWidth: 180 }}
      />
      <IncidentUnitSelect
        purpose="owning"
        aria-label={t('incidents.filter.owningUnit')}
        placeholder={t('incidents.filter.owningUnit')}
        value={filters.owningUnitId}
        onChange={(value) => onChange({ owningUnitId: typeof value === 'string' ? value : undefined })}
        style={{ width: 240 }}
      />
      <Select<'true' | 'false'>
        allowClear
        aria-label={t('incidents.filter.overdue')}
        placeholder={t('incidents.filter.overdue')}
        value={filters.overdue}
        onChange={(value) => onChange({ overdue: value })}
        options={[
          { value: 'true', label: t('incidents.filter.overdueOnly') },
          { value: 'false', label: t('incidents.filter.onTime') },
        ]}
        style={{ width: 170 }}
      />
      <DatePicker.RangePicker
        format="DD/MM/YYYY"
        allowEmpty={[true, true]}
        aria-label={t('incidents.filter.openedPeriod')}
        placeholder={[t('incidents.filter.from'), t('incidents.filter.to')]}
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
      />
    </Flex>
  );
}
