import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { lookupPeople, peopleKeys } from './users.api';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Offer only people of this unit's subtree (e.g. the owner unit of a task). */
  orgUnitId?: string | undefined;
  /** The person currently chosen, so their name shows before any search. */
  current?: { id: string; fullName: string } | null;
  id?: string;
  /** Another lookup of the same shape than the colleagues of the user's scope (see `lookupPeople`). */
  endpoint?: string;
}

/** Picks an active colleague of the user's scope; typing searches names without accents; can be cleared. */
export function PersonSelect({ value, onChange, orgUnitId, current, id, endpoint }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const people = useQuery({
    queryKey: peopleKeys.lookup(q, orgUnitId, endpoint),
    queryFn: () => lookupPeople(q, orgUnitId, endpoint),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const found = (people.data ?? []).map((p) => ({
      value: p.id,
      label: `${p.fullName} — ${p.orgUnit.name}`,
    }));
    if (current && !found.some((o) => o.value === current.id)) {
      found.unshift({ value: current.id, label: current.fullName });
    }
    return found;
  }, [people.data, current]);

  return (
    <Select<string>
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      loading={people.isFetching}
      placeholder={t('people.pick')}
      notFoundContent={people.isError ? t('people.loadError') : t('common.noMatch')}
    />
  );
}
