import { DownloadOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { EVENT_KIND_LABELS, EVENT_KINDS, type TEventOverride, type TRestriction } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, List, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { eventKeys, listOverrides } from '../events/events.api';
import { RestrictionCreateModal, RestrictionLiftModal } from './restriction-modals';
import { exportRestrictions, listRestrictions, restrictionKeys, type RestrictionFilters } from './restrictions.api';

const STATES = ['in_force', 'lifted', 'ended'] as const;

/** Hạn chế truyền thông trực tiếp: the epidemic rule's restrictions by area and period, and their lifting. */
export function RestrictionsPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [creating, setCreating] = useState(false);
  const [lifting, setLifting] = useState<TRestriction | null>(null);
  const canCreate = hasAnyRole(user, ['admin', 'leader', 'comms_center']);

  const filters: RestrictionFilters = {
    q: params.get('q') ?? undefined,
    state: STATES.find((s) => s === params.get('state')),
  };
  const restrictions = useQuery({
    queryKey: restrictionKeys.list(filters, page, pageSize),
    queryFn: () => listRestrictions(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const overrides = useQuery({ queryKey: eventKeys.overrides, queryFn: listOverrides });
  const exportList = useDownload(() => exportRestrictions(filters));

  const kindsText = (r: TRestriction) =>
    r.kinds.length === EVENT_KINDS.length
      ? t('restrictions.allKinds')
      : r.kinds.map((k) => EVENT_KIND_LABELS[k][locale]).join(', ');

  const columns: TableColumnsType<TRestriction> = [
    {
      title: t('restrictions.field.area'),
      key: 'area',
      render: (_: unknown, r) => <Typography.Text strong>{r.orgUnit.name}</Typography.Text>,
    },
    {
      title: t('restrictions.field.period'),
      key: 'period',
      render: (_: unknown, r) =>
        `${formatDate(r.startsOn)} – ${r.endsOn ? formatDate(r.endsOn) : t('restrictions.untilLifted')}`,
    },
    {
      title: t('restrictions.field.basis'),
      key: 'basis',
      render: (_: unknown, r) => [r.regulation?.number, r.basisText].filter(Boolean).join('; '),
    },
    { title: t('restrictions.field.kinds'), key: 'kinds', responsive: ['lg'], render: (_: unknown, r) => kindsText(r) },
    {
      title: t('restrictions.field.state'),
      key: 'state',
      render: (_: unknown, r) => (
        <>
          <Tag color={r.inForce ? 'red' : 'default'}>
            {t(
              r.lifted
                ? 'restrictions.state.lifted'
                : r.inForce
                  ? 'restrictions.state.in_force'
                  : 'restrictions.state.ended',
            )}
          </Tag>
          {r.lifted && (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('restrictions.liftedBy', {
                at: formatDateTime(r.lifted.at),
                by: r.lifted.by ?? '—',
                reason: r.lifted.reason,
              })}
            </Typography.Paragraph>
          )}
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r) =>
        r.canLift && (
          <Button
            size="small"
            icon={<UnlockOutlined />}
            data-testid="restriction-lift"
            aria-label={`${t('restrictions.lift')} ${r.orgUnit.name}`}
            onClick={() => setLifting(r)}
          >
            {t('restrictions.lift')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('restrictions.title')}
        subtitle={t('restrictions.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="create-restriction"
                onClick={() => setCreating(true)}
              >
                {t('restrictions.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('restrictions.searchLabel')}
          placeholder={t('restrictions.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 320 }}
        />
        <Select
          allowClear
          aria-label={t('restrictions.field.state')}
          placeholder={t('restrictions.field.state')}
          value={filters.state}
          onChange={(value?: (typeof STATES)[number]) => update({ state: value })}
          options={STATES.map((s) => ({ value: s, label: t(`restrictions.state.${s}`) }))}
          style={{ width: 200 }}
        />
      </Flex>
      <Table<TRestriction>
        rowKey="id"
        aria-label={t('restrictions.tableLabel')}
        data-testid="restrictions-table"
        columns={columns}
        dataSource={restrictions.data?.items ?? []}
        loading={restrictions.isFetching}
        locale={{ emptyText: restrictions.isError ? errorText(restrictions.error, t) : t('restrictions.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: restrictions.data?.total ?? 0 }, (p, s) =>
          update({ page: p, pageSize: s }, true),
        )}
        scroll={{ x: 900 }}
      />
      <Card title={t('restrictions.overridesTitle')} style={{ marginTop: 16 }} data-testid="overrides-list">
        <List<TEventOverride>
          dataSource={overrides.data ?? []}
          loading={overrides.isLoading}
          locale={{ emptyText: overrides.isError ? errorText(overrides.error, t) : t('restrictions.overridesEmpty') }}
          renderItem={(o) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/events/${o.eventId}`}>{o.eventTitle}</Link>}
                description={
                  <>
                    <div>{t('restrictions.overrideAt', { at: formatDateTime(o.at), by: o.by ?? '—' })}</div>
                    <div>{o.reason}</div>
                    <Typography.Text type="secondary">
                      {o.restrictions.map((r) => `${r.area} (${r.basis})`).join('; ')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {creating && <RestrictionCreateModal onClose={() => setCreating(false)} />}
      {lifting && <RestrictionLiftModal restriction={lifting} onClose={() => setLifting(null)} />}
    </>
  );
}
