import { matchesVi, type TGuidanceItem } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { guidanceKeys, listItems, listYears, type GuidanceSegment } from '../guidance/guidance.api';
import { regulationKeys, searchRegulations } from '../regulations/regulations.api';
import { guidanceYearFor } from './calendar-days';

/** The catalog years there are, and the one in force on `day` (the filters and new items use it). */
export function useGuidanceYear(day: string) {
  const years = useQuery({ queryKey: guidanceKeys.years, queryFn: listYears, staleTime: 10 * 60_000 });
  const year = guidanceYearFor(
    (years.data ?? []).map((y) => y.year),
    day,
  );
  return { year, loading: years.isLoading, missing: years.isSuccess && year === undefined };
}

type CodeSelectProps = Omit<SelectProps<string | string[]>, 'options' | 'showSearch'> & {
  year: number | undefined;
  segment: GuidanceSegment;
};

/**
 * Picks codes of one kind (themes, audiences, channels, forms) from the guidance catalog of `year`, shown as
 * "II.1.a — name"; typing searches codes and names without accents.
 */
export function GuidanceCodeSelect({ year, segment, ...props }: CodeSelectProps) {
  const { t, locale } = useI18n();
  const items = useQuery({
    queryKey: guidanceKeys.items(year ?? 0, segment),
    queryFn: () => listItems(year!, segment),
    enabled: year !== undefined,
    staleTime: 10 * 60_000,
  });
  const options = useMemo(
    () =>
      (items.data ?? []).map((item: TGuidanceItem) => ({
        value: item.code,
        label: `${item.code} — ${locale === 'vi' ? item.nameVi : item.nameEn}`,
      })),
    [items.data, locale],
  );
  return (
    <Select<string | string[]>
      allowClear
      options={options}
      loading={items.isLoading}
      showSearch={{ filterOption: (input, option) => matchesVi(String(option?.label ?? ''), input) }}
      notFoundContent={items.isError ? errorText(items.error, t) : t('common.noMatch')}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}

interface RegulationSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  current?: { id: string; number: string } | null;
  id?: string;
}

/** Picks a document of the registry by number or summary (searched on the server, accents optional). */
export function RegulationSelect({ value, onChange, current, id }: RegulationSelectProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const found = useQuery({
    queryKey: regulationKeys.search(q),
    queryFn: () => searchRegulations(q),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const list = (found.data ?? []).map((r) => ({ value: r.id, label: `${r.number} — ${r.summary}` }));
    if (current && !list.some((o) => o.value === current.id))
      list.unshift({ value: current.id, label: current.number });
    return list;
  }, [found.data, current]);
  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      loading={found.isFetching}
      placeholder={t('calendar.field.regulationPlaceholder')}
      notFoundContent={found.isError ? errorText(found.error, t) : t('common.noMatch')}
      popupMatchSelectWidth={false}
    />
  );
}
