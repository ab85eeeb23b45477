import { REGULATION_KIND_LABELS, REGULATION_KINDS, type TRegulation, type TRegulationKind } from '@loa/contracts';
import { Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDate } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { tablePagination } from '../../shared/ui/table-pagination';
import type { RegulationFilters } from './regulations.api';

interface Props {
  items: TRegulation[];
  total: number;
  loading: boolean;
  emptyText: string;
  filters: RegulationFilters;
  page: number;
  pageSize: number;
  onFiltersChange: (changes: Partial<RegulationFilters>) => void;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (regulation: TRegulation) => void;
}

/** The registry: sorting, the kind filter and paging run on the server; the number opens the document. */
export function RegulationsTable(props: Props) {
  const { t, locale } = useI18n();
  const { filters } = props;
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  const columns: TableColumnsType<TRegulation> = [
    {
      title: t('regulations.field.number'),
      dataIndex: 'number',
      ...sortable('number'),
      width: 160,
      render: (number: string, regulation) => (
        <Typography.Link
          onClick={() => props.onOpen(regulation)}
          aria-label={t('regulations.detail.open', { number })}
          style={{ whiteSpace: 'nowrap' }}
        >
          {number}
        </Typography.Link>
      ),
    },
    {
      title: t('regulations.field.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 130,
      filters: REGULATION_KINDS.map((kind) => ({ text: REGULATION_KIND_LABELS[kind][locale], value: kind })),
      filterMultiple: false,
      filteredValue: filters.kind ? [filters.kind] : null,
      render: (kind: TRegulationKind) => REGULATION_KIND_LABELS[kind][locale],
    },
    {
      title: t('regulations.field.issuedOn'),
      dataIndex: 'issuedOn',
      ...sortable('issuedOn'),
      width: 120,
      render: (value: string) => formatDate(value),
    },
    {
      title: t('regulations.field.effectiveOn'),
      dataIndex: 'effectiveOn',
      ...sortable('effectiveOn'),
      width: 120,
      render: (value: string | null) => formatDate(value) || t('common.none'),
    },
    {
      title: t('regulations.field.summary'),
      dataIndex: 'summary',
      ...sortable('summary'),
      render: (summary: string, regulation) => (
        <>
          {summary}
          {regulation.needsCommunication && (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              {t('regulations.filter.needsCommunication')}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('regulations.field.draftingUnit'),
      ...sortable('draftingUnit'),
      width: 220,
      render: (_, regulation) => regulation.draftingUnitName ?? regulation.draftingUnit?.name ?? t('common.none'),
    },
  ];

  const onChange: TableProps<TRegulation>['onChange'] = (_pagination, tableFilters, sorter, extra) => {
    if (extra.action === 'paginate') return;
    const kind = tableFilters.kind?.[0];
    props.onFiltersChange({
      kind: typeof kind === 'string' ? (kind as TRegulationKind) : undefined,
      sort: sortParam(sorter),
    });
  };

  return (
    <div data-testid="regulations-table">
      <Table<TRegulation>
        size="small"
        rowKey="id"
        aria-label={t('regulations.tableLabel')}
        columns={columns}
        dataSource={props.items}
        loading={props.loading}
        onChange={onChange}
        locale={{ emptyText: props.emptyText }}
        pagination={tablePagination(
          t,
          { page: props.page, pageSize: props.pageSize, total: props.total },
          props.onPageChange,
        )}
        scroll={{ x: 1100 }}
      />
    </div>
  );
}
