import type { TNotificationKind, TRole } from '@loa/contracts';

/** What a notice needs to know of a plan. */
export interface PlanFacts {
  planId: string;
  year: number;
  unitId: string;
  unitName: string;
  /** The unit above the plan's; null for the root (BHXH Việt Nam). */
  parentUnitId: string | null;
  submittedBy: string | null;
}

export interface PlanNotice {
  recipients: { userIds?: string[]; orgUnitIds?: string[]; roles?: TRole[] };
  kind: TNotificationKind;
  title: { vi: string; en: string };
  body?: { vi: string; en: string };
  link: string;
  entityType: 'plan';
  entityId: string;
}

/** The roles of a unit who prepare and submit its plan, and hear how it was decided. */
const PLAN_OWNERS: TRole[] = [
  'leader',
  'comms_center',
  'unit_officer',
  'press_office',
  'province_officer',
  'district_officer',
];

/** The plans screen of the plan's year, with the plan open. */
export const planLink = (plan: Pick<PlanFacts, 'planId' | 'year'>) => `/plans?year=${plan.year}&id=${plan.planId}`;

const about = (plan: PlanFacts) => ({ link: planLink(plan), entityType: 'plan' as const, entityId: plan.planId });

/**
 * A plan was submitted: the leaders of the unit above are asked to review it (for the root, its own leaders),
 * and the Communication Center too unless the plan is its own.
 */
export function submittedNotices(plan: PlanFacts, commsCenterUnitId: string | null): PlanNotice[] {
  const title = {
    vi: `Kế hoạch năm ${plan.year} của ${plan.unitName} chờ duyệt`,
    en: `The ${plan.year} plan of ${plan.unitName} awaits approval`,
  };
  const notices: PlanNotice[] = [
    {
      recipients: { orgUnitIds: [plan.parentUnitId ?? plan.unitId], roles: ['leader'] },
      kind: 'status_change',
      title,
      ...about(plan),
    },
  ];
  if (plan.parentUnitId && commsCenterUnitId && commsCenterUnitId !== plan.unitId) {
    notices.push({
      recipients: { orgUnitIds: [commsCenterUnitId], roles: ['comms_center'] },
      kind: 'status_change',
      title,
      ...about(plan),
    });
  }
  return notices;
}

/** Who hears a decision: whoever submitted the plan, and the people of its unit who prepare plans. */
const decisionRecipients = (plan: PlanFacts): PlanNotice['recipients'] => ({
  userIds: plan.submittedBy ? [plan.submittedBy] : [],
  orgUnitIds: [plan.unitId],
  roles: PLAN_OWNERS,
});

export function approvedNotice(plan: PlanFacts): PlanNotice {
  return {
    recipients: decisionRecipients(plan),
    kind: 'status_change',
    title: {
      vi: `Kế hoạch năm ${plan.year} của ${plan.unitName} đã được duyệt`,
      en: `The ${plan.year} plan of ${plan.unitName} was approved`,
    },
    ...about(plan),
  };
}

export function returnedNotice(plan: PlanFacts, reason: string): PlanNotice {
  return {
    recipients: decisionRecipients(plan),
    kind: 'status_change',
    title: {
      vi: `Kế hoạch năm ${plan.year} của ${plan.unitName} bị trả lại`,
      en: `The ${plan.year} plan of ${plan.unitName} was returned`,
    },
    body: { vi: `Lý do: ${reason}`, en: `Reason: ${reason}` },
    ...about(plan),
  };
}
