import { PROPOSAL_KIND_LABELS, PROPOSAL_STATUS_LABELS, type TProposalKind, type TProposalStatus } from '@loa/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDate } from '../../shared/format';

const STATUS_COLORS: Record<TProposalStatus, string> = {
  submitted: 'gold',
  accepted: 'green',
  merged: 'blue',
  declined: 'red',
  withdrawn: 'default',
};

export function ProposalStatusTag({ status }: { status: TProposalStatus }) {
  const { locale } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{PROPOSAL_STATUS_LABELS[status][locale]}</Tag>;
}

export function ProposalKindLabel({ kind }: { kind: TProposalKind }) {
  const { locale } = useI18n();
  return <>{PROPOSAL_KIND_LABELS[kind][locale]}</>;
}

/** A period as `dd/mm/yyyy – dd/mm/yyyy`, or one day. */
export function formatPeriod(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}
