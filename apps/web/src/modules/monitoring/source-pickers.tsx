import { foldVi, type TOrgUnit, type TOutlet } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { fetchUnitsInScope, orgUnitKeys } from '../org-units/org-units.api';
import { listOutlets, pressKeys } from '../press-outlets/press-outlets.api';

type Named = { id: string; name: string };

interface PickerProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The entity the record already points to, so its name shows even when it is not among the options. */
  current?: Named | null;
  id?: string;
}

const withCurrent = (options: { value: string; label: string }[], current: Named | null | undefined) =>
  current && !options.some((o) => o.value === current.id)
    ? [{ value: current.id, label: current.name }, ...options]
    : options;

/** The outlet of the media database (/press/outlets) a source belongs to, searched as the officer types. */
export function OutletPicker({ value, onChange, current, id }: PickerProps) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 300);
  const filters = { q: debounced || undefined, active: 'true' as const };
  const outlets = useQuery({
    queryKey: pressKeys.outlets(filters, 1, 20),
    queryFn: () => listOutlets(filters, 1, 20),
  });
  const options = (outlets.data?.items ?? []).map((o: TOutlet) => ({ value: o.id, label: o.name }));
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      loading={outlets.isFetching}
      placeholder={t('monSources.field.outletPlaceholder')}
      notFoundContent={t('common.noMatch')}
      options={withCurrent(options, current)}
    />
  );
}

/** An org unit among those the user can see; `provincesOnly` for the area a source covers. */
export function UnitPicker({
  value,
  onChange,
  current,
  id,
  provincesOnly,
  allowClear,
  placeholder,
  style,
}: PickerProps & { provincesOnly?: boolean; allowClear?: boolean; placeholder?: string; style?: CSSProperties }) {
  const { t } = useI18n();
  const units = useQuery({ queryKey: orgUnitKeys.scope, queryFn: fetchUnitsInScope, staleTime: 60_000 });
  const options = (units.data ?? [])
    .filter((u: TOrgUnit) => !provincesOnly || u.kind === 'province')
    .map((u) => ({ value: u.id, label: `${u.code} — ${u.name}` }));
  return (
    <Select
      id={id}
      showSearch={{ filterOption: (input, option) => foldVi(String(option?.label ?? '')).includes(foldVi(input)) }}
      allowClear={allowClear ?? provincesOnly}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      loading={units.isFetching}
      placeholder={placeholder ?? (provincesOnly ? t('monSources.field.areaPlaceholder') : undefined)}
      style={style}
      aria-label={placeholder}
      notFoundContent={t('common.noMatch')}
      options={withCurrent(options, current)}
    />
  );
}
