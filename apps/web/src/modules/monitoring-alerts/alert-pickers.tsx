import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { listQueries, queryKeys } from '../monitoring/queries.api';
import { alertRuleKeys, getAlertRule, listAlertRules } from './alerts.api';

type Named = { id: string; name: string };
type Option = { value: string; label: string };

const PICK_SIZE = 50;

/** The options with the already chosen records first, so their names show even when the search left them out. */
function withChosen(options: Option[], chosen: readonly Named[]): Option[] {
  const missing = chosen.filter((c) => !options.some((o) => o.value === c.id));
  return [...missing.map((c) => ({ value: c.id, label: c.name })), ...options];
}

/** One alert rule in the user's scope, searched as the officer types (the inbox's rule filter). */
export function AlertRulePicker(props: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  style?: CSSProperties;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 300);
  const filters = { q: debounced || undefined, sort: 'name' };
  const rules = useQuery({
    queryKey: alertRuleKeys.list(filters, 1, PICK_SIZE),
    queryFn: () => listAlertRules(filters, 1, PICK_SIZE),
  });
  const items = rules.data?.items ?? [];
  const chosenMissing = props.value !== undefined && rules.isSuccess && !items.some((r) => r.id === props.value);
  // A rule chosen earlier (from the URL) that the current search does not list: fetch its name.
  const chosen = useQuery({
    queryKey: alertRuleKeys.one(props.value ?? ''),
    queryFn: () => getAlertRule(props.value ?? ''),
    enabled: chosenMissing,
  });
  const options = withChosen(
    items.map((r) => ({ value: r.id, label: r.name })),
    chosen.data ? [chosen.data] : [],
  );
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      aria-label={t('monAlerts.filter.rule')}
      placeholder={t('monAlerts.filter.rule')}
      value={props.value}
      onChange={(next?: string) => props.onChange(next)}
      loading={rules.isFetching}
      notFoundContent={t('common.noMatch')}
      options={options}
      style={props.style}
    />
  );
}

/** Saved monitoring queries (several), searched on the server as the officer types; for the rule form. */
export function SavedQueryPicker({
  value,
  onChange,
  current,
  id,
  ...rest
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** The rule's queries, so their names show before any search. */
  current: readonly Named[];
  id?: string;
} & Pick<SelectProps, 'placeholder' | 'status' | 'aria-describedby'>) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 300);
  const filters = { q: debounced || undefined, sort: 'name' };
  const queries = useQuery({
    queryKey: queryKeys.list(filters, 1, PICK_SIZE),
    queryFn: () => listQueries(filters, 1, PICK_SIZE),
  });
  const options = withChosen(
    (queries.data?.items ?? []).map((query) => ({ value: query.id, label: `${query.name} — ${query.orgUnit.name}` })),
    current,
  );
  return (
    <Select
      {...rest}
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? []}
      onChange={(next: string[]) => onChange?.(next)}
      onBlur={() => setQ('')}
      loading={queries.isFetching}
      notFoundContent={t('common.noMatch')}
      options={options}
      data-testid="alert-rule-queries"
    />
  );
}
