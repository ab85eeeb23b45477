import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  PRESS_CONFERENCE_STATUSES,
  PRESS_CONFERENCE_STATUS_LABELS,
  type TPressConference,
  type TPressConferenceStatus,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { ConferenceDrawer } from './conference-drawer';
import { exportConferences, listConferences, pressKeys, type ConferenceFilters } from './press-requests.api';

const COLORS: Record<TPressConferenceStatus, string> = { planned: 'blue', held: 'green', cancelled: 'default' };

/** Hội nghị cung cấp thông tin: press conferences of the caller's units, with invitees, materials and coverage. */
export function PressConferencesPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [editing, setEditing] = useState<TPressConference | 'new' | null>(null);
  const canCreate = hasAnyRole(user, [
    'admin',
    'comms_center',
    'unit_officer',
    'press_office',
    'province_officer',
    'district_officer',
  ]);
  const filters: ConferenceFilters = {
    q: params.get('q') ?? undefined,
    status: PRESS_CONFERENCE_STATUSES.find((s) => s === params.get('status')),
    sort: params.get('sort') ?? undefined,
  };
  const list = useQuery({
    queryKey: pressKeys.conferenceList(filters, page, pageSize),
    queryFn: () => listConferences(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const exportList = useDownload(() => exportConferences(filters));
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  const columns: TableProps<TPressConference>['columns'] = [
    {
      title: t('conference.field.heldAt'),
      dataIndex: 'heldAt',
      ...sortable('heldAt'),
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('conference.field.title'),
      dataIndex: 'title',
      ...sortable('title'),
      render: (title: string, item) => <Typography.Link onClick={() => setEditing(item)}>{title}</Typography.Link>,
    },
    { title: t('conference.field.place'), dataIndex: 'place', width: 200 },
    { title: t('conference.field.hostUnit'), width: 180, render: (_, item) => item.hostUnit.name },
    {
      title: t('conference.field.spokespersons'),
      width: 180,
      render: (_, item) => item.spokespersons.map((p) => p.name).join(', '),
    },
    {
      title: t('conference.field.invitees'),
      width: 170,
      render: (_, item) => t('conference.count', { invitees: item.invitees.length, coverage: item.coverage.length }),
    },
    {
      title: t('conference.field.status'),
      dataIndex: 'status',
      ...sortable('status'),
      width: 130,
      render: (status: TPressConferenceStatus) => (
        <Tag color={COLORS[status]}>{PRESS_CONFERENCE_STATUS_LABELS[status][locale]}</Tag>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('conference.title')}
        subtitle={t('conference.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('conference.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('conference.searchLabel')}
          placeholder={t('conference.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 300 }}
        />
        <Select<TPressConferenceStatus>
          allowClear
          aria-label={t('conference.field.status')}
          placeholder={t('conference.field.status')}
          value={filters.status}
          onChange={(value) => update({ status: value })}
          options={PRESS_CONFERENCE_STATUSES.map((s) => ({
            value: s,
            label: PRESS_CONFERENCE_STATUS_LABELS[s][locale],
          }))}
          style={{ width: 170 }}
        />
      </Flex>
      <Table<TPressConference>
        size="small"
        rowKey="id"
        aria-label={t('conference.tableLabel')}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: list.isError ? errorText(list.error, t) : t('conference.empty') }}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        pagination={tablePagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) =>
          update({ page: p, pageSize: s }, true),
        )}
        scroll={{ x: 1200 }}
      />
      {editing && <ConferenceDrawer conference={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
