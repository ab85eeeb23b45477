import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import {
  matchesVi,
  PROPOSAL_KIND_LABELS,
  PROPOSAL_KINDS,
  PROPOSAL_STATUS_LABELS,
  PROPOSAL_STATUSES,
  proposalDeadline,
  proposalMonthLabel,
  type TProposalKind,
  type TProposalStatus,
  WORKING_ROLES,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { GuidanceCodeSelect, useGuidanceYears } from './guidance-codes';
import { ProposalDetailDrawer } from './proposal-detail-drawer';
import { ProposalFormDrawer } from './proposal-form-drawer';
import {
  exportProposals,
  getProposalRules,
  listProposals,
  listProposingUnits,
  proposalKeys,
  type ProposalFilters,
} from './proposals.api';
import { ProposalsTable } from './proposals-table';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PROPOSERS = WORKING_ROLES;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);

/** Đề xuất nội dung: the Communication Center's inbox of every unit's proposals (leaders: their subtree). */
export function ProposalsInboxPage() {
  return <ProposalsList mode="inbox" />;
}

/** Đề xuất của tôi: the proposals of the user's unit (and its subtree) and their own. */
export function MyProposalsPage() {
  return <ProposalsList mode="mine" />;
}

function ProposalsList({ mode }: { mode: 'inbox' | 'mine' }) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [creating, setCreating] = useState(false);
  const canPropose = hasAnyRole(user, PROPOSERS);
  const years = useGuidanceYears();
  const rules = useQuery({ queryKey: proposalKeys.rules, queryFn: getProposalRules, staleTime: 60 * 60_000 });
  const units = useQuery({
    queryKey: proposalKeys.units,
    queryFn: listProposingUnits,
    enabled: mode === 'inbox',
    staleTime: 60_000,
  });

  const month = params.get('month');
  const filters: ProposalFilters = {
    q: params.get('q') ?? undefined,
    status: pick<TProposalStatus>(params.get('status'), PROPOSAL_STATUSES),
    kind: pick<TProposalKind>(params.get('kind'), PROPOSAL_KINDS),
    unitId: mode === 'inbox' ? (params.get('unitId') ?? undefined) : undefined,
    themeCode: params.get('themeCode') ?? undefined,
    month: month && MONTH.test(month) ? month : undefined,
    mine: mode === 'mine' ? 'true' : undefined,
    sort: params.get('sort') ?? undefined,
  };
  const openId = params.get('id');

  const proposals = useQuery({
    queryKey: proposalKeys.list(filters, page, pageSize),
    queryFn: () => listProposals(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const exportList = useDownload(() => exportProposals(filters));

  const open = rules.data?.firstOpenMonth;
  const deadline =
    open && rules.data
      ? t('proposals.deadlineNote', {
          month: proposalMonthLabel(open),
          deadline: formatDate(proposalDeadline(open, rules.data.closingDay)),
        })
      : null;

  return (
    <>
      <PageHeader
        title={t(mode === 'inbox' ? 'proposals.inbox.title' : 'proposals.mine.title')}
        subtitle={
          <>
            {t(mode === 'inbox' ? 'proposals.inbox.subtitle' : 'proposals.mine.subtitle')}
            {deadline && (
              <>
                <br />
                {deadline}
              </>
            )}
          </>
        }
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canPropose && (
              <Button
                type="primary"
                icon={<SendOutlined />}
                data-testid="create-proposal"
                onClick={() => setCreating(true)}
              >
                {t('proposals.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('proposals.searchLabel')}
          placeholder={t('proposals.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 300 }}
        />
        <Select<TProposalStatus>
          allowClear
          aria-label={t('proposals.filter.status')}
          placeholder={t('proposals.filter.status')}
          value={filters.status}
          onChange={(value) => update({ status: value })}
          options={PROPOSAL_STATUSES.map((value) => ({ value, label: PROPOSAL_STATUS_LABELS[value][locale] }))}
          style={{ width: 170 }}
        />
        <Select<TProposalKind>
          allowClear
          aria-label={t('proposals.filter.kind')}
          placeholder={t('proposals.filter.kind')}
          value={filters.kind}
          onChange={(value) => update({ kind: value })}
          options={PROPOSAL_KINDS.map((value) => ({ value, label: PROPOSAL_KIND_LABELS[value][locale] }))}
          style={{ width: 200 }}
        />
        {mode === 'inbox' && (
          <Select<string>
            allowClear
            aria-label={t('proposals.filter.unit')}
            placeholder={t('proposals.filter.unit')}
            value={filters.unitId}
            loading={units.isLoading}
            onChange={(value) => update({ unitId: value })}
            options={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
            showSearch={{ filterOption: (input, option) => matchesVi(String(option?.label ?? ''), input) }}
            popupMatchSelectWidth={false}
            style={{ width: 240 }}
          />
        )}
        <GuidanceCodeSelect
          aria-label={t('proposals.filter.theme')}
          placeholder={t('proposals.filter.theme')}
          year={years.data?.[0]?.year}
          segment="themes"
          value={filters.themeCode}
          onChange={(value) => update({ themeCode: typeof value === 'string' ? value : undefined })}
          style={{ width: 220 }}
        />
        <DatePicker
          picker="month"
          format="MM/YYYY"
          aria-label={t('proposals.filter.month')}
          placeholder={t('proposals.filter.month')}
          value={filters.month ? dayjs(`${filters.month}-01`) : null}
          onChange={(value) => update({ month: value ? value.format('YYYY-MM') : undefined })}
        />
      </Flex>
      <ProposalsTable
        items={proposals.data?.items ?? []}
        total={proposals.data?.total ?? 0}
        loading={proposals.isFetching}
        emptyText={proposals.isError ? errorText(proposals.error, t) : t('proposals.empty')}
        filters={filters}
        page={page}
        pageSize={pageSize}
        showUnit={mode === 'inbox' || !hasAnyRole(user, ['district_officer'])}
        onSortChange={(sort) => update({ sort })}
        onPageChange={(nextPage, nextSize) => update({ page: nextPage, pageSize: nextSize }, true)}
        onOpen={(proposal) => update({ id: proposal.id }, true)}
      />
      {openId && (
        <ProposalDetailDrawer
          key={openId}
          id={openId}
          onClose={() => update({ id: undefined }, true)}
          onOpen={(id) => update({ id }, true)}
        />
      )}
      {creating && (
        <ProposalFormDrawer
          proposal={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            update({ id: saved.id }, true);
          }}
        />
      )}
    </>
  );
}
