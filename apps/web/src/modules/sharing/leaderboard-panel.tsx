import { DownloadOutlined } from '@ant-design/icons';
import type { TLeaderboardOfficer, TLeaderboardUnit } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { downloadLeaderboard, getLeaderboard, sharingKeys, type LeaderboardFilters } from './sharing.api';

const number = (value: number) => value.toLocaleString('vi-VN');

/** Officers of a unit ranked by shares and reach in a period, the unit's totals, and its child units ranked. */
export function LeaderboardPanel() {
  const { t } = useI18n();
  const { params, update } = useUrlListState();
  const filters: LeaderboardFilters = {
    unitId: params.get('unitId') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const board = useQuery({
    queryKey: sharingKeys.leaderboard(filters),
    queryFn: () => getLeaderboard(filters),
    placeholderData: keepPreviousData,
  });
  const download = useDownload(() => downloadLeaderboard(filters));
  const totals = board.data?.totals;

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <OrgUnitTreeSelect
          allowClear
          aria-label={t('sharing.board.unit')}
          placeholder={t('sharing.board.unit')}
          value={filters.unitId}
          onChange={(value) => update({ unitId: value })}
          style={{ width: 300 }}
        />
        <DatePicker.RangePicker
          aria-label={t('sharing.board.period')}
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
        <Button icon={<DownloadOutlined />} loading={download.running} onClick={() => void download.run()}>
          {t('common.exportExcel')}
        </Button>
      </Flex>
      {board.isError && <Alert type="error" showIcon title={errorText(board.error, t)} />}
      {board.data && (
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {board.data.unit.name}
        </Typography.Title>
      )}
      <Flex gap={12} wrap>
        <Card size="small">
          <Statistic title={t('sharing.totals.shareCount')} value={totals?.shareCount ?? 0} />
        </Card>
        <Card size="small">
          <Statistic title={t('sharing.totals.sharerCount')} value={totals?.sharerCount ?? 0} />
        </Card>
        <Card size="small">
          <Statistic title={t('sharing.totals.reach')} value={totals?.reach ?? 0} groupSeparator="." />
        </Card>
      </Flex>
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {t('sharing.board.officers')}
      </Typography.Title>
      <Table<TLeaderboardOfficer>
        aria-label={t('sharing.board.officers')}
        size="small"
        rowKey={(row) => row.user.id}
        loading={board.isFetching}
        dataSource={board.data?.officers ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('sharing.board.noOfficers') }}
        columns={[
          { key: 'rank', title: t('sharing.board.rank'), width: 70, render: (_, r) => r.rank },
          { key: 'officer', title: t('sharing.field.officer'), render: (_, r) => r.user.fullName },
          { key: 'unit', title: t('sharing.field.unit'), render: (_, r) => r.unit.name },
          {
            key: 'shareCount',
            title: t('sharing.field.shareCount'),
            align: 'right',
            render: (_, r) => number(r.shareCount),
          },
          { key: 'reach', title: t('sharing.field.reach'), align: 'right', render: (_, r) => number(r.reach) },
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {t('sharing.board.units')}
      </Typography.Title>
      <Table<TLeaderboardUnit>
        aria-label={t('sharing.board.units')}
        size="small"
        rowKey={(row) => row.unit.id}
        loading={board.isFetching}
        dataSource={board.data?.childUnits ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('sharing.board.noUnits') }}
        columns={[
          { key: 'rank', title: t('sharing.board.rank'), width: 70, render: (_, r) => r.rank },
          { key: 'unit', title: t('sharing.field.unit'), render: (_, r) => r.unit.name },
          {
            key: 'officerCount',
            title: t('sharing.board.officerCount'),
            align: 'right',
            render: (_, r) => number(r.officerCount),
          },
          {
            key: 'sharerCount',
            title: t('sharing.board.sharerCount'),
            align: 'right',
            render: (_, r) => number(r.sharerCount),
          },
          {
            key: 'shareCount',
            title: t('sharing.field.shareCount'),
            align: 'right',
            render: (_, r) => number(r.shareCount),
          },
          {
            key: 'perOfficer',
            title: t('sharing.board.perOfficer'),
            align: 'right',
            render: (_, r) => r.sharesPerOfficer.toLocaleString('vi-VN'),
          },
          { key: 'reach', title: t('sharing.field.reach'), align: 'right', render: (_, r) => number(r.reach) },
        ]}
      />
    </Flex>
  );
}
