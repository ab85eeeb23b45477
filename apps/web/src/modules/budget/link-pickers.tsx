import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formatDate } from '../../shared/format';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { searchEvents, searchProducts, searchPublications } from './budget.api';

/** A contract is not among them: its payments are recorded on the contract's page, checked against its value. */
export type LinkKind = 'event' | 'product' | 'publication';

interface Option {
  value: string;
  label: string;
}

async function search(kind: LinkKind, q: string): Promise<Option[]> {
  if (kind === 'event') {
    const page = await searchEvents(q);
    return page.items.map((e) => ({ value: e.id, label: `${e.title} — ${formatDate(e.startsAt)}` }));
  }
  if (kind === 'product') {
    const page = await searchProducts(q);
    return page.items.map((p) => ({ value: p.id, label: p.title }));
  }
  const page = await searchPublications(q);
  return page.items.map((p) => ({ value: p.id, label: `${p.outlet} — ${p.product.title}` }));
}

/**
 * Picks an event, a product or a publication for an expenditure, searching its own list as the officer types
 * (the list's scope rules apply: only records the officer may read are offered).
 */
export function LinkPicker(props: {
  kind: LinkKind;
  value?: string | null;
  onChange?: (value: string | null) => void;
  'aria-label'?: string;
  /** The option of a value chosen before the picker opened (an event the officer came from). */
  preset?: Option | undefined;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const options = useQuery({
    queryKey: ['budget', 'link-search', props.kind, q],
    queryFn: () => search(props.kind, q),
    staleTime: 30_000,
  });
  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      aria-label={props['aria-label']}
      placeholder={t('budget.link.searchPlaceholder')}
      value={props.value ?? undefined}
      onChange={(value?: string) => props.onChange?.(value ?? null)}
      loading={options.isFetching}
      notFoundContent={options.isError ? t('budget.link.loadFailed') : t('common.noMatch')}
      options={[
        ...(props.preset && !(options.data ?? []).some((o) => o.value === props.preset?.value) ? [props.preset] : []),
        ...(options.data ?? []),
      ]}
    />
  );
}
