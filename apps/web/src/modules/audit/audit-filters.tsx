import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditLabel } from '@loa/contracts';
import { DatePicker, Flex, Input, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { endOfVnDay, startOfVnDay } from '../../shared/format';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { ActorSelect } from './actor-select';
import type { AuditFilters } from './audit.api';

export interface Actor {
  id: string;
  name: string;
}

interface Props {
  actor: Actor | undefined;
  onActorChange: (actor: Actor | undefined) => void;
  /** Whether the user may search users to pick an actor (administrators). */
  canSearchActors: boolean;
  /** Values seen in the log, offered as suggestions. */
  entityTypes: string[];
  actions: string[];
  onChange: (filters: Omit<AuditFilters, 'actorId' | 'sort'>) => void;
}

/** Every known code and every code seen in the log, labelled in the UI language. */
const choices = (kind: 'action' | 'entity', seen: string[], locale: 'vi' | 'en') =>
  [...new Set([...Object.keys(kind === 'action' ? AUDIT_ACTION_LABELS : AUDIT_ENTITY_LABELS), ...seen])]
    .map((value) => ({ value, label: auditLabel(kind, value, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));

/** The audit log's filters: free text, entity type, action, actor and a date range in Vietnamese days. */
export function AuditFiltersBar({ actor, onActorChange, canSearchActors, entityTypes, actions, onChange }: Props) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const [entityType, setEntityType] = useState('');
  const [action, setAction] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const text = {
    q: useDebouncedValue(q.trim(), 300),
    entityType: useDebouncedValue(entityType.trim(), 300),
    action: useDebouncedValue(action.trim(), 300),
  };
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');

  useEffect(() => {
    onChange({
      q: text.q || undefined,
      entityType: text.entityType || undefined,
      action: text.action || undefined,
      from: from ? startOfVnDay(from) : undefined,
      to: to ? endOfVnDay(to) : undefined,
    });
  }, [text.q, text.entityType, text.action, from, to, onChange]);

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        aria-label={t('audit.filter.search')}
        placeholder={t('audit.filter.searchPlaceholder')}
        value={q}
        onChange={(event) => setQ(event.target.value)}
        style={{ width: 260 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('audit.filter.entityType')}
        placeholder={t('audit.filter.entityType')}
        value={entityType || undefined}
        options={choices('entity', entityTypes, locale)}
        onChange={(value: string | undefined) => setEntityType(value ?? '')}
        style={{ width: 180 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('audit.filter.action')}
        placeholder={t('audit.filter.action')}
        value={action || undefined}
        options={choices('action', actions, locale)}
        onChange={(value: string | undefined) => setAction(value ?? '')}
        style={{ width: 200 }}
      />
      {canSearchActors ? (
        <ActorSelect value={actor} onChange={onActorChange} />
      ) : (
        actor && (
          <Tag
            closable
            onClose={() => onActorChange(undefined)}
            closeIcon={<span aria-label={t('audit.filter.clearActor')}>×</span>}
          >
            {t('audit.filter.actorTag', { name: actor.name })}
          </Tag>
        )
      )}
      <DatePicker.RangePicker
        aria-label={t('audit.filter.period')}
        format="DD/MM/YYYY"
        allowEmpty={[true, true]}
        value={range}
        onChange={(value) => setRange(value ? [value[0], value[1]] : null)}
        placeholder={[t('audit.filter.from'), t('audit.filter.to')]}
      />
    </Flex>
  );
}
