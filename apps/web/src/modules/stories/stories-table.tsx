import {
  CONSENT_STATUSES,
  STORY_KIND_LABELS,
  STORY_KINDS,
  STORY_STATUSES,
  type TConsentStatus,
  type TStory,
  type TStoryKind,
  type TStoryStatus,
} from '@loa/contracts';
import { Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDate } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { tablePagination } from '../../shared/ui/table-pagination';
import type { StoryFilters } from './stories.api';
import { ConsentTag, StoryStatusTag } from './story-labels';

interface Props {
  items: TStory[];
  total: number;
  loading: boolean;
  emptyText: string;
  filters: StoryFilters;
  page: number;
  pageSize: number;
  onFiltersChange: (changes: Partial<StoryFilters>) => void;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (story: TStory) => void;
}

const first = <T extends string>(values: readonly unknown[] | null | undefined, allowed: readonly T[]) =>
  allowed.find((value) => value === values?.[0]);

/** The library: sorting, the kind, status and consent filters and paging run on the server. */
export function StoriesTable(props: Props) {
  const { t, locale } = useI18n();
  const { filters } = props;
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  const columns: TableColumnsType<TStory> = [
    {
      title: t('stories.field.title'),
      dataIndex: 'title',
      ...sortable('title'),
      render: (title: string, story) => (
        <>
          <Typography.Link onClick={() => props.onOpen(story)} aria-label={t('stories.open', { title })}>
            {title}
          </Typography.Link>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
            {story.people.map((p) => p.name).join(', ')}
            {story.people.length > 0 && story.place ? ' · ' : ''}
            {story.place}
          </Typography.Paragraph>
        </>
      ),
    },
    {
      title: t('stories.field.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 170,
      filters: STORY_KINDS.map((kind) => ({ text: STORY_KIND_LABELS[kind][locale], value: kind })),
      filterMultiple: false,
      filteredValue: filters.kind ? [filters.kind] : null,
      render: (kind: TStoryKind) => STORY_KIND_LABELS[kind][locale],
    },
    {
      title: t('stories.field.occurredOn'),
      dataIndex: 'occurredOn',
      ...sortable('occurredOn'),
      width: 130,
      render: (value: string | null) => formatDate(value) || t('common.none'),
    },
    {
      title: t('stories.field.orgUnit'),
      key: 'orgUnit',
      width: 200,
      render: (_, story) => story.orgUnit.name,
    },
    {
      title: t('stories.field.consent'),
      dataIndex: ['consent', 'status'],
      key: 'consent',
      width: 130,
      filters: CONSENT_STATUSES.map((value) => ({ text: t(`stories.consent.${value}`), value })),
      filterMultiple: false,
      filteredValue: filters.consent ? [filters.consent] : null,
      render: (consent: TConsentStatus) => <ConsentTag consent={consent} />,
    },
    {
      title: t('stories.field.status'),
      dataIndex: 'status',
      key: 'status',
      width: 140,
      filters: STORY_STATUSES.map((value) => ({ text: t(`stories.status.${value}`), value })),
      filterMultiple: false,
      filteredValue: filters.status ? [filters.status] : null,
      render: (status: TStoryStatus) => <StoryStatusTag status={status} />,
    },
  ];

  const onChange: TableProps<TStory>['onChange'] = (_pagination, tableFilters, sorter, extra) => {
    if (extra.action === 'paginate') return;
    props.onFiltersChange({
      kind: first(tableFilters.kind, STORY_KINDS),
      consent: first(tableFilters.consent, CONSENT_STATUSES),
      status: first(tableFilters.status, STORY_STATUSES),
      sort: sortParam(sorter),
    });
  };

  return (
    <div data-testid="stories-table">
      <Table<TStory>
        size="small"
        rowKey="id"
        aria-label={t('stories.tableLabel')}
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
        scroll={{ x: 1000 }}
      />
    </div>
  );
}
