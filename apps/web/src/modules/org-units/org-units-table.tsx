import { UNIT_KINDS, type TOrgUnit, type TUnitKind } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Table, type TableColumnsType, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { listUnits, orgUnitKeys, type OrgUnitListParams } from './org-units.api';
import { useUnitsInScope } from './use-units-in-scope';

/** Paged, searchable, sortable list of units; opening a unit shows it in the tree. */
export function OrgUnitsTable({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const [kind, setKind] = useState<TUnitKind | undefined>();
  const [sort, setSort] = useState<string | undefined>('code');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const params: OrgUnitListParams = { q, kind, sort, ...paging };
  const scope = useUnitsInScope();
  const names = useMemo(() => new Map((scope.data ?? []).map((unit) => [unit.id, unit.name])), [scope.data]);

  const list = useQuery({
    queryKey: orgUnitKeys.list(params),
    queryFn: () => listUnits(params),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<TOrgUnit> = [
    {
      title: t('orgUnits.field.code'),
      dataIndex: 'code',
      key: 'code',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'code'),
      width: 120,
    },
    {
      title: t('orgUnits.field.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
      render: (name: string, unit) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => onOpen(unit.id)}
        >
          {name}
        </Button>
      ),
    },
    { title: t('orgUnits.field.shortName'), dataIndex: 'shortName', render: (v: string | null) => v ?? '' },
    { title: t('orgUnits.field.kind'), dataIndex: 'kind', render: (v: TUnitKind) => t(`unitKind.${v}`) },
    {
      title: t('orgUnits.field.parent'),
      dataIndex: 'parentId',
      render: (id: string | null) => (id ? (names.get(id) ?? '') : ''),
    },
    { title: t('orgUnits.field.adminUnitCode'), dataIndex: 'adminUnitCode', render: (v: string | null) => v ?? '' },
    {
      title: t('orgUnits.field.activePeriod'),
      key: 'period',
      render: (_, unit) =>
        unit.activeFrom || unit.activeTo
          ? `${formatDate(unit.activeFrom) || '…'} – ${formatDate(unit.activeTo) || '…'}`
          : '',
    },
    { title: t('orgUnits.field.childCount'), dataIndex: 'childCount', align: 'end', width: 110 },
    { title: t('orgUnits.field.userCount'), dataIndex: 'userCount', align: 'end', width: 110 },
  ];

  const onChange: TableProps<TOrgUnit>['onChange'] = (pagination, _filters, sorter) => {
    const nextSort = sortParam(sorter) ?? 'code';
    if (nextSort !== sort) {
      setSort(nextSort);
      setPaging((p) => ({ ...p, page: 1 }));
    }
  };

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('orgUnits.searchLabel')}
          placeholder={t('orgUnits.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: 320 }}
        />
        <Select<TUnitKind>
          allowClear
          aria-label={t('orgUnits.kindFilter')}
          placeholder={t('orgUnits.kindFilter')}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={UNIT_KINDS.map((value) => ({ value, label: t(`unitKind.${value}`) }))}
          style={{ width: 240 }}
        />
      </Flex>
      <Table<TOrgUnit>
        size="small"
        rowKey="id"
        aria-label={t('orgUnits.listTitle')}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onChange={onChange}
        locale={{ emptyText: list.isError ? errorText(list.error, t) : t('orgUnits.empty') }}
        pagination={tablePagination(t, { ...paging, total: list.data?.total ?? 0 }, (page, pageSize) =>
          setPaging({ page, pageSize }),
        )}
        scroll={{ x: 1000 }}
      />
    </>
  );
}
