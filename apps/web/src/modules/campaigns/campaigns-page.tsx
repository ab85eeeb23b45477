import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CAMPAIGN_METRIC_LABELS,
  CAMPAIGN_STATUSES,
  WORKING_ROLES,
  type TCampaign,
  type TCampaignStatus,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { CampaignFormDrawer } from './campaign-form-drawer';
import { CampaignStatusTag } from './campaign-labels';
import { campaignKeys, exportCampaigns, listCampaigns, type CampaignFilters } from './campaigns.api';

/** Chiến dịch truyền thông: the campaigns the user's units own or take part in, with filters and export. */
export function CampaignsPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [creating, setCreating] = useState(false);

  const filters: CampaignFilters = {
    q: params.get('q') ?? undefined,
    status: CAMPAIGN_STATUSES.find((s) => s === params.get('status')),
    unitId: params.get('unitId') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const campaigns = useQuery({
    queryKey: campaignKeys.list(filters, page, pageSize),
    queryFn: () => listCampaigns(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const exportList = useDownload(() => exportCampaigns(filters));

  const columns: TableColumnsType<TCampaign> = [
    {
      title: t('campaigns.field.name'),
      key: 'name',
      render: (_: unknown, c) => (
        <Link to={`/campaigns/${c.id}`} aria-label={t('campaigns.open', { name: c.name })}>
          <Typography.Text strong>{c.name}</Typography.Text>
        </Link>
      ),
    },
    {
      title: t('campaigns.field.period'),
      key: 'period',
      render: (_: unknown, c) => `${formatDate(c.startsOn)} – ${formatDate(c.endsOn)}`,
    },
    { title: t('campaigns.field.ownerUnit'), key: 'owner', render: (_: unknown, c) => c.ownerUnit.name },
    {
      title: t('campaigns.field.participatingUnits'),
      key: 'units',
      responsive: ['lg'],
      render: (_: unknown, c) => c.participatingUnits.map((u) => u.name).join(', ') || t('common.none'),
    },
    {
      title: t('campaigns.field.goals'),
      key: 'goals',
      responsive: ['xl'],
      render: (_: unknown, c) =>
        c.goals
          .map((g) => `${CAMPAIGN_METRIC_LABELS[g.metric][locale]}: ${g.target.toLocaleString(locale)}`)
          .join('; '),
    },
    { title: t('campaigns.field.links'), key: 'links', dataIndex: 'linkCount', align: 'right' },
    { title: t('common.status'), key: 'status', render: (_: unknown, c) => <CampaignStatusTag status={c.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        subtitle={t('campaigns.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {hasAnyRole(user, WORKING_ROLES) && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="create-campaign"
                onClick={() => setCreating(true)}
              >
                {t('campaigns.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('campaigns.searchLabel')}
          placeholder={t('campaigns.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 300 }}
        />
        <Select
          allowClear
          aria-label={t('common.status')}
          placeholder={t('common.status')}
          value={filters.status}
          onChange={(value?: TCampaignStatus) => update({ status: value })}
          options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`campaigns.status.${s}`) }))}
          style={{ width: 180 }}
        />
        <OrgUnitTreeSelect
          allowClear
          aria-label={t('campaigns.filter.unit')}
          placeholder={t('campaigns.filter.unit')}
          value={filters.unitId}
          onChange={(value?: string) => update({ unitId: value })}
          style={{ width: 240 }}
        />
        <DatePicker.RangePicker
          aria-label={t('campaigns.filter.period')}
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
      </Flex>
      <Table<TCampaign>
        rowKey="id"
        aria-label={t('campaigns.tableLabel')}
        data-testid="campaigns-table"
        columns={columns}
        dataSource={campaigns.data?.items ?? []}
        loading={campaigns.isFetching}
        locale={{ emptyText: campaigns.isError ? errorText(campaigns.error, t) : t('campaigns.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: campaigns.data?.total ?? 0 }, (p, s) =>
          update({ page: p, pageSize: s }, true),
        )}
        scroll={{ x: 900 }}
      />
      {creating && (
        <CampaignFormDrawer
          campaign={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => void navigate(`/campaigns/${saved.id}`)}
        />
      )}
    </>
  );
}
