import {
  nextProposalMonth,
  proposalPeriodProblem,
  type TCreateProposalRequest,
  type TProposalDetail,
  type TProposalKind,
  type TProposalRules,
  type TUpdateProposalRequest,
} from '@loa/contracts';

/** The form's values with dates as yyyy-mm-dd (monthly proposals pick a month, yyyy-mm). */
export interface ProposalFormInput {
  kind: TProposalKind;
  title: string;
  description: string;
  guidanceYear: number;
  themeCodes: string[];
  audienceCodes: string[];
  formCodes: string[];
  channelCodes: string[];
  month: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  regulationId: string | null;
  ownerUnitId: string | null;
}

/** The first and last day of a month (yyyy-mm). */
export function monthPeriod(month: string): { periodFrom: string; periodTo: string } {
  const [year, mon] = nextProposalMonth(month).split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mon - 1, 1) - 86_400_000).toISOString().slice(0, 10);
  return { periodFrom: `${month}-01`, periodTo: last };
}

/** The period the form describes: a whole month for monthly content, else the two dates; null while incomplete. */
export function formPeriod(input: Pick<ProposalFormInput, 'kind' | 'month' | 'periodFrom' | 'periodTo'>) {
  if (input.kind === 'monthly') return input.month ? monthPeriod(input.month) : null;
  return input.periodFrom && input.periodTo ? { periodFrom: input.periodFrom, periodTo: input.periodTo } : null;
}

/** Where a period problem shows in the form: monthly content has one month field instead of two dates. */
export function periodFieldOf(field: string, kind: TProposalKind): string {
  return kind === 'monthly' && (field === 'periodFrom' || field === 'periodTo') ? 'month' : field;
}

/** The period rule the server applies, checked as the user types (null when fine or still incomplete). */
export function periodProblem(input: ProposalFormInput, rules: TProposalRules | undefined) {
  const period = formPeriod(input);
  if (!period || !rules) return null;
  return proposalPeriodProblem({ kind: input.kind, ...period }, rules.today, rules.closingDay);
}

const trimmedCodes = (codes: string[]) => codes.map((code) => code.trim()).filter(Boolean);

export function toCreateRequest(input: ProposalFormInput): TCreateProposalRequest {
  const period = formPeriod(input) ?? { periodFrom: '', periodTo: '' };
  return {
    kind: input.kind,
    title: input.title.trim(),
    description: input.description.trim(),
    guidanceYear: input.guidanceYear,
    themeCodes: trimmedCodes(input.themeCodes),
    audienceCodes: trimmedCodes(input.audienceCodes),
    formCodes: trimmedCodes(input.formCodes),
    channelCodes: trimmedCodes(input.channelCodes),
    ...period,
    regulationId: input.regulationId,
    ...(input.ownerUnitId ? { ownerUnitId: input.ownerUnitId } : {}),
  };
}

/** Only what changed is sent with an edit, with the version the user saw. */
export function changedFields(proposal: TProposalDetail, input: ProposalFormInput): TUpdateProposalRequest {
  const next = toCreateRequest(input);
  const before: Record<keyof TCreateProposalRequest, unknown> = {
    kind: proposal.kind,
    title: proposal.title,
    description: proposal.description,
    guidanceYear: proposal.guidanceYear,
    themeCodes: proposal.themeCodes,
    audienceCodes: proposal.audienceCodes,
    formCodes: proposal.formCodes,
    channelCodes: proposal.channelCodes,
    periodFrom: proposal.periodFrom,
    periodTo: proposal.periodTo,
    regulationId: proposal.regulation?.id ?? null,
    ownerUnitId: proposal.ownerUnit.id,
  };
  // A monthly proposal kept in its month keeps its own dates (the API may have set part of a month).
  if (input.kind === 'monthly' && proposal.kind === 'monthly' && input.month === proposal.periodFrom.slice(0, 7)) {
    next.periodFrom = proposal.periodFrom;
    next.periodTo = proposal.periodTo;
  }
  const patch: TUpdateProposalRequest = { version: proposal.version };
  for (const [key, value] of Object.entries(next) as [keyof TCreateProposalRequest, unknown][]) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) Object.assign(patch, { [key]: value });
  }
  return patch;
}

/** The form's starting values for a proposal being edited. */
export function inputOf(proposal: TProposalDetail): ProposalFormInput {
  const monthly = proposal.kind === 'monthly';
  return {
    kind: proposal.kind,
    title: proposal.title,
    description: proposal.description,
    guidanceYear: proposal.guidanceYear,
    themeCodes: proposal.themeCodes,
    audienceCodes: proposal.audienceCodes,
    formCodes: proposal.formCodes,
    channelCodes: proposal.channelCodes,
    month: monthly ? proposal.periodFrom.slice(0, 7) : null,
    periodFrom: monthly ? null : proposal.periodFrom,
    periodTo: monthly ? null : proposal.periodTo,
    regulationId: proposal.regulation?.id ?? null,
    ownerUnitId: proposal.ownerUnit.id,
  };
}
