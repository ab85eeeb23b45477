import { proposalMonthLabel, viDate, type TNotificationKind, type TRole } from '@loa/contracts';
import { reminderDedupeKey, type DueReminder } from './proposal-reminders.js';

/** What a notice needs to know of a proposal. */
export interface ProposalFacts {
  id: string;
  title: string;
  ownerUnitId: string;
  ownerUnitName: string;
  proposerId: string | null;
}

export interface ProposalNotice {
  recipients: { userIds?: string[]; orgUnitIds?: string[]; roles?: TRole[] };
  kind: TNotificationKind;
  title: { vi: string; en: string };
  body?: { vi: string; en: string };
  link: string;
  entityType?: string;
  entityId?: string;
  dedupeKey?: string;
}

/** The roles that propose content; the officers of a unit hear about its proposals and are reminded. */
export const PROPOSING_ROLES: TRole[] = ['unit_officer', 'press_office', 'province_officer', 'district_officer'];

/** The proposer's screen and the Communication Center's inbox, each opened on the proposal. */
export const mineLink = (id: string) => `/proposals/mine?id=${id}`;
export const inboxLink = (id: string) => `/proposals?id=${id}`;

/** A unit submitted a proposal: the Communication Center's officers decide on it. */
export function submittedNotice(proposal: ProposalFacts, commsCenterUnitId: string): ProposalNotice {
  return {
    recipients: { orgUnitIds: [commsCenterUnitId], roles: ['comms_center'] },
    kind: 'assignment',
    title: {
      vi: `Đề xuất nội dung mới của ${proposal.ownerUnitName}: ${proposal.title}`,
      en: `New content proposal from ${proposal.ownerUnitName}: ${proposal.title}`,
    },
    link: inboxLink(proposal.id),
    entityType: 'proposal',
    entityId: proposal.id,
  };
}

export type ProposalDecision =
  | { kind: 'accepted'; startsOn: string; note: string | null }
  | { kind: 'merged'; targetTitle: string; note: string | null }
  | { kind: 'declined'; reason: string };

function decisionTitle(title: string, decision: ProposalDecision): { vi: string; en: string } {
  switch (decision.kind) {
    case 'accepted':
      return {
        vi: `Đề xuất "${title}" đã được tiếp nhận, đưa vào lịch ngày ${viDate(decision.startsOn)}`,
        en: `Your proposal "${title}" was accepted and scheduled for ${viDate(decision.startsOn)}`,
      };
    case 'merged':
      return {
        vi: `Đề xuất "${title}" đã được gộp vào đề xuất "${decision.targetTitle}"`,
        en: `Your proposal "${title}" was merged into "${decision.targetTitle}"`,
      };
    case 'declined':
      return {
        vi: `Đề xuất "${title}" không được tiếp nhận`,
        en: `Your proposal "${title}" was declined`,
      };
  }
}

/** The Communication Center decided: the proposer and the officers of the proposing unit hear of it. */
export function decisionNotice(proposal: ProposalFacts, decision: ProposalDecision): ProposalNotice {
  const note = decision.kind === 'declined' ? decision.reason : decision.note;
  const label = decision.kind === 'declined' ? { vi: 'Lý do', en: 'Reason' } : { vi: 'Ghi chú', en: 'Note' };
  return {
    recipients: {
      ...(proposal.proposerId ? { userIds: [proposal.proposerId] } : {}),
      orgUnitIds: [proposal.ownerUnitId],
      roles: PROPOSING_ROLES,
    },
    kind: 'proposal_decision',
    title: decisionTitle(proposal.title, decision),
    ...(note ? { body: { vi: `${label.vi}: ${note}`, en: `${label.en}: ${note}` } } : {}),
    link: mineLink(proposal.id),
    entityType: 'proposal',
    entityId: proposal.id,
  };
}

/** Units that have not proposed for `due.month` yet are reminded of the deadline. */
export function reminderNotice(due: DueReminder, unitIds: string[]): ProposalNotice {
  const month = proposalMonthLabel(due.month);
  const deadline = viDate(due.deadline);
  return {
    recipients: { orgUnitIds: unitIds, roles: PROPOSING_ROLES },
    kind: 'deadline_approaching',
    title: {
      vi: `Đơn vị chưa gửi đề xuất nội dung truyền thông tháng ${month} — hạn chót ${deadline}`,
      en: `Your unit has not proposed content for ${month} yet — the deadline is ${deadline}`,
    },
    body: {
      vi: 'Đề xuất nội dung hằng tháng, theo chuyên đề gửi Trung tâm Truyền thông trên Loa (mục V.1.a Công văn 1191/BHXH-TT).',
      en: 'Send monthly and thematic content proposals to the Communication Center in Loa (section V.1.a of 1191/BHXH-TT).',
    },
    link: '/proposals/mine',
    dedupeKey: reminderDedupeKey(due),
  };
}
