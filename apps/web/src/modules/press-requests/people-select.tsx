import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { pressKeys, searchPeople } from './press-requests.api';

/** A people picker for spokespersons: searches active leaders and officers by name, without accents. */
export function PeopleSelect(props: {
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  multiple?: boolean;
  known?: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 300);
  const people = useQuery({ queryKey: pressKeys.people(debounced), queryFn: () => searchPeople(debounced) });
  const options = new Map<string, string>((props.known ?? []).map((p) => [p.id, p.name]));
  for (const p of people.data ?? []) options.set(p.id, `${p.name} — ${p.unitName}`);
  return (
    <Select<string | string[]>
      showSearch={{ filterOption: false, onSearch: setQ }}
      mode={props.multiple ? 'multiple' : undefined}
      placeholder={t('press.peoplePlaceholder')}
      loading={people.isFetching}
      value={props.value}
      onChange={(value) => props.onChange?.(value)}
      options={[...options].map(([value, label]) => ({ value, label }))}
    />
  );
}
