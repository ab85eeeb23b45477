import type { TUnitRef } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { campaignKeys, listUnitOptions } from './campaigns.api';

type Props = Omit<SelectProps<string[]>, 'options' | 'showSearch' | 'mode'> & {
  /** Units already chosen, so that their names show before any search. */
  known: readonly TUnitRef[];
};

/** Picks units of the whole tree (the centre invites provinces); typing searches names and codes without accents. */
export function CampaignUnitSelect({ known, ...props }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const units = useQuery({ queryKey: campaignKeys.units(q), queryFn: () => listUnitOptions(q), staleTime: 60_000 });
  const options = useMemo(() => {
    const byId = new Map<string, TUnitRef>(known.map((u) => [u.id, u]));
    for (const unit of units.data?.items ?? []) byId.set(unit.id, unit);
    return [...byId.values()].map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }));
  }, [known, units.data]);
  return (
    <Select<string[]>
      mode="multiple"
      allowClear
      options={options}
      loading={units.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={units.isError ? errorText(units.error, t) : t('common.noMatch')}
      {...props}
    />
  );
}
