import { ClearOutlined } from '@ant-design/icons';
import { CALENDAR_ENTRY_KINDS, CALENDAR_STATUSES, type TCalendarEntryKind, type TCalendarStatus } from '@loa/contracts';
import { Button, Flex, Input, Select, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import type { ListChanges } from '../../shared/use-url-list-state';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { GuidanceCodeSelect } from './calendar-pickers';
import { FILTER_KEYS, hasFilters, type CalendarFilters } from './calendar-url';

interface Props {
  filters: CalendarFilters;
  /** The guidance catalog year whose themes, audiences and channels are offered. */
  year: number | undefined;
  update: (changes: ListChanges) => void;
  updateLater: (changes: ListChanges) => void;
}

/** Search, catalog codes, unit, status and entry type; every choice goes to the URL at once (search once typing pauses). */
export function CalendarFiltersBar({ filters, year, update, updateLater }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState(filters.q ?? '');
  // "Clear filters" and back/forward change the URL: the box follows, unless it only differs by spaces being typed.
  useEffect(
    () => setSearch((current) => (current.trim() === (filters.q ?? '') ? current : (filters.q ?? ''))),
    [filters.q],
  );
  const single = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);
  const catalogHint = year !== undefined ? t('calendar.filter.catalogYear', { year }) : undefined;

  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        aria-label={t('calendar.filter.search')}
        placeholder={t('calendar.filter.searchPlaceholder')}
        value={search}
        onChange={(event) => {
          setSearch(event.target.value);
          updateLater({ q: event.target.value.trim() });
        }}
        style={{ width: 280 }}
      />
      {(['theme', 'audience', 'channel'] as const).map((key) => (
        <Tooltip key={key} title={catalogHint}>
          <GuidanceCodeSelect
            aria-label={t(`calendar.filter.${key}`)}
            placeholder={t(`calendar.filter.${key}`)}
            year={year}
            segment={key === 'theme' ? 'themes' : key === 'audience' ? 'audiences' : 'channels'}
            value={filters[key]}
            onChange={(value) => update({ [key]: single(value) })}
            style={{ width: key === 'channel' ? 170 : 210 }}
          />
        </Tooltip>
      ))}
      <OrgUnitTreeSelect
        allowClear
        aria-label={t('calendar.filter.unit')}
        placeholder={t('calendar.filter.unit')}
        value={filters.unitId}
        onChange={(value) => update({ unitId: value ?? undefined })}
        style={{ width: 240 }}
      />
      <Select<TCalendarStatus>
        allowClear
        aria-label={t('calendar.filter.status')}
        placeholder={t('calendar.filter.status')}
        value={filters.status}
        onChange={(value) => update({ status: value })}
        options={CALENDAR_STATUSES.map((status) => ({ value: status, label: t(`calendar.status.${status}`) }))}
        style={{ width: 160 }}
      />
      <Select<TCalendarEntryKind>
        allowClear
        aria-label={t('calendar.filter.kind')}
        placeholder={t('calendar.filter.kind')}
        value={filters.kind}
        onChange={(value) => update({ kind: value })}
        options={CALENDAR_ENTRY_KINDS.map((kind) => ({ value: kind, label: t(`calendar.kind.${kind}`) }))}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
      />
      {hasFilters(filters) && (
        <Button
          icon={<ClearOutlined />}
          onClick={() => update(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])))}
        >
          {t('calendar.filter.clear')}
        </Button>
      )}
    </Flex>
  );
}
