import type { TPage, TUser } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { api } from '../../shared/api';
import { useDebouncedValue } from '../../shared/use-debounced-value';

interface Props {
  value: { id: string; name: string } | undefined;
  onChange: (actor: { id: string; name: string } | undefined) => void;
}

/** Finds the user who acted, by name or username, searching on the server (administrators only). */
export function ActorSelect({ value, onChange }: Props) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const users = useQuery({
    queryKey: ['users', 'actor-search', q],
    queryFn: () => api.get<TPage<TUser>>('/api/users', { query: { q, pageSize: 20, sort: 'fullName' } }),
  });
  const options = (users.data?.items ?? []).map((user) => ({
    value: user.id,
    label: `${user.fullName} (${user.username})`,
  }));
  if (value && !options.some((option) => option.value === value.id))
    options.unshift({ value: value.id, label: value.name });

  return (
    <Select<string>
      allowClear
      aria-label={t('audit.filter.actor')}
      placeholder={t('audit.filter.actor')}
      value={value?.id}
      options={options}
      loading={users.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={t('common.noMatch')}
      onChange={(id) => {
        const option = options.find((item) => item.value === id);
        onChange(id && option ? { id, name: option.label } : undefined);
      }}
      style={{ width: 260 }}
    />
  );
}
