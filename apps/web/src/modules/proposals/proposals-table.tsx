import type { TProposal } from '@loa/contracts';
import { Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDate } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { tablePagination } from '../../shared/ui/table-pagination';
import { formatPeriod, ProposalKindLabel, ProposalStatusTag } from './proposal-labels';
import type { ProposalFilters } from './proposals.api';

interface Props {
  items: TProposal[];
  total: number;
  loading: boolean;
  emptyText: string;
  filters: ProposalFilters;
  page: number;
  pageSize: number;
  /** Whether to show the proposing unit (the inbox spans units; "my proposals" mostly one). */
  showUnit: boolean;
  onSortChange: (sort: string | undefined) => void;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (proposal: TProposal) => void;
}

/** Proposals: sorting and paging run on the server; the title opens the proposal. */
export function ProposalsTable(props: Props) {
  const { t } = useI18n();
  const { filters } = props;
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  const columns: TableColumnsType<TProposal> = [
    {
      title: t('proposals.field.title'),
      dataIndex: 'title',
      ...sortable('title'),
      minWidth: 280,
      render: (title: string, proposal) => (
        <Typography.Link
          href={`?id=${proposal.id}`}
          onClick={(event) => {
            event.preventDefault();
            props.onOpen(proposal);
          }}
          aria-label={t('proposals.open', { title })}
        >
          {title}
        </Typography.Link>
      ),
    },
    {
      title: t('proposals.field.kind'),
      dataIndex: 'kind',
      ...sortable('kind'),
      width: 170,
      render: (_, proposal) => <ProposalKindLabel kind={proposal.kind} />,
    },
    ...(props.showUnit
      ? [
          {
            title: t('proposals.field.ownerUnit'),
            ...sortable('ownerUnit'),
            width: 220,
            render: (_: unknown, proposal: TProposal) => proposal.ownerUnit.name,
          },
        ]
      : []),
    {
      title: t('proposals.field.period'),
      ...sortable('periodFrom'),
      width: 200,
      render: (_, proposal) => formatPeriod(proposal.periodFrom, proposal.periodTo),
    },
    {
      title: t('proposals.field.themes'),
      width: 160,
      render: (_, proposal) => proposal.themeCodes.map((code) => <Tag key={code}>{code}</Tag>),
    },
    {
      title: t('proposals.field.status'),
      ...sortable('status'),
      width: 140,
      render: (_, proposal) => <ProposalStatusTag status={proposal.status} />,
    },
    {
      title: t('proposals.field.createdAt'),
      ...sortable('createdAt'),
      width: 110,
      render: (_, proposal) => formatDate(proposal.createdAt),
    },
  ];

  const onChange: TableProps<TProposal>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') props.onSortChange(sortParam(sorter));
  };

  return (
    <div data-testid="proposals-table">
      <Table<TProposal>
        size="small"
        rowKey="id"
        aria-label={t('proposals.tableLabel')}
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
        scroll={{ x: 1200 }}
      />
    </div>
  );
}
