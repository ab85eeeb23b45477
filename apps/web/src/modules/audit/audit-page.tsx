import { auditLabel, type TAuditEvent } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Table, type TableColumnsType, type TableProps } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useCurrentUser } from '../auth/session';
import { AuditFiltersBar, type Actor } from './audit-filters';
import { auditKeys, listAuditEvents, type AuditFilters } from './audit.api';
import { JsonDiffView } from './json-diff-view';

/** Nhật ký hệ thống: who changed what and when, with the before/after of each change. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const [filters, setFilters] = useState<Omit<AuditFilters, 'actorId' | 'sort'>>({});
  const [actor, setActor] = useState<Actor | undefined>();
  const [sort, setSort] = useState<string | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const seen = useRef({ entityTypes: new Set<string>(), actions: new Set<string>() });

  const query: AuditFilters = { ...filters, actorId: actor?.id, sort };
  const events = useQuery({
    queryKey: auditKeys.list(query, paging.page, paging.pageSize),
    queryFn: () => listAuditEvents(query, paging.page, paging.pageSize),
    placeholderData: keepPreviousData,
  });

  const suggestions = useMemo(() => {
    for (const event of events.data?.items ?? []) {
      seen.current.entityTypes.add(event.entityType);
      seen.current.actions.add(event.action);
    }
    return { entityTypes: [...seen.current.entityTypes].sort(), actions: [...seen.current.actions].sort() };
  }, [events.data]);

  const onFilters = useCallback((next: Omit<AuditFilters, 'actorId' | 'sort'>) => {
    setFilters(next);
    setPaging((p) => ({ ...p, page: 1 }));
  }, []);
  const chooseActor = (next: Actor | undefined) => {
    setActor(next);
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const columns: TableColumnsType<TAuditEvent> = [
    {
      title: t('audit.column.time'),
      dataIndex: 'occurredAt',
      key: 'occurredAt',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'occurredAt'),
      width: 150,
      render: formatDateTime,
    },
    {
      title: t('audit.column.actor'),
      key: 'actor',
      width: 200,
      render: (_, event) =>
        event.actorId ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto' }}
            title={t('audit.filterByActor')}
            onClick={() => chooseActor({ id: event.actorId ?? '', name: event.actorName ?? event.actorId ?? '' })}
          >
            {event.actorName ?? event.actorId}
          </Button>
        ) : (
          t('audit.system')
        ),
    },
    {
      title: t('audit.column.action'),
      dataIndex: 'action',
      width: 170,
      render: (v: string) => <span title={v}>{auditLabel('action', v, locale)}</span>,
    },
    {
      title: t('audit.column.entityType'),
      dataIndex: 'entityType',
      width: 150,
      render: (v: string) => <span title={v}>{auditLabel('entity', v, locale)}</span>,
    },
    { title: t('audit.column.summary'), dataIndex: 'summary' },
    { title: t('audit.column.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '' },
  ];

  const onChange: TableProps<TAuditEvent>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort') return;
    setSort(sortParam(sorter));
    setPaging((p) => ({ ...p, page: 1 }));
  };

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <AuditFiltersBar
        actor={actor}
        onActorChange={chooseActor}
        canSearchActors={user.roles.includes('admin')}
        entityTypes={suggestions.entityTypes}
        actions={suggestions.actions}
        onChange={onFilters}
      />
      <Table<TAuditEvent>
        size="small"
        rowKey="id"
        aria-label={t('audit.tableLabel')}
        columns={columns}
        dataSource={events.data?.items ?? []}
        loading={events.isFetching}
        onChange={onChange}
        expandable={{
          expandedRowRender: (event) => <JsonDiffView before={event.before} after={event.after} />,
          rowExpandable: (event) => event.before != null || event.after != null,
        }}
        locale={{ emptyText: events.isError ? errorText(events.error, t) : t('audit.empty') }}
        pagination={tablePagination(t, { ...paging, total: events.data?.total ?? 0 }, (page, pageSize) =>
          setPaging({ page, pageSize }),
        )}
        scroll={{ x: 1000 }}
      />
    </>
  );
}
