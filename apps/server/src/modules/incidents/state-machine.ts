// The life of a media incident (issue 8 §5, decision 0040): open → assessing → responding → monitoring → closed.
import {
  requiredActions,
  type TIncidentActionKind,
  type TIncidentSeverity,
  type TIncidentStatus,
} from '@loa/contracts';

/**
 * The moves between statuses: forward one step; an assessed case that needs no public answer goes straight to
 * monitoring; a watched case that flares again goes back to responding; a case assessed as "not an incident" closes
 * early (from open or assessing, low severity only); closed is final.
 */
const MOVES: Record<TIncidentStatus, readonly TIncidentStatus[]> = {
  open: ['assessing', 'closed'],
  assessing: ['responding', 'monitoring', 'closed'],
  responding: ['monitoring'],
  monitoring: ['responding', 'closed'],
  closed: [],
};

function allowed(from: TIncidentStatus, to: TIncidentStatus, severity: TIncidentSeverity): boolean {
  if (!MOVES[from].includes(to)) return false;
  if (to === 'closed' && (from === 'open' || from === 'assessing')) return severity === 'low';
  return true;
}

/** The statuses a case of `severity` may move to from `status`, in the order of the workflow. */
export function nextStatuses(status: TIncidentStatus, severity: TIncidentSeverity): TIncidentStatus[] {
  return MOVES[status].filter((to) => allowed(status, to, severity));
}

/** The groups of `requiredActions(severity)` none of whose kinds is among `recorded` (each group: one of). */
export function missingActions(
  severity: TIncidentSeverity,
  recorded: Iterable<TIncidentActionKind>,
): TIncidentActionKind[][] {
  const done = new Set(recorded);
  return requiredActions(severity).filter((group) => !group.some((kind) => done.has(kind)));
}

export interface TransitionInput {
  from: TIncidentStatus;
  to: TIncidentStatus;
  severity: TIncidentSeverity;
  /** Kinds of the actions recorded so far. */
  recorded: Iterable<TIncidentActionKind>;
  /** Lessons learnt given with the move (closing needs them). */
  lessons?: string | undefined;
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; reason: 'not_allowed' }
  | { ok: false; reason: 'requirements'; missing: TIncidentActionKind[][]; lessonsMissing: boolean };

/**
 * Whether the move may happen now: it must be one of `nextStatuses`; answering or watching (responding, monitoring)
 * needs a first assessment on record; closing needs every group of `requiredActions` and lessons learnt.
 */
export function checkTransition(input: TransitionInput): TransitionCheck {
  const { from, to, severity } = input;
  if (!allowed(from, to, severity)) return { ok: false, reason: 'not_allowed' };
  const recorded = [...input.recorded];
  let missing: TIncidentActionKind[][] = [];
  let lessonsMissing = false;
  if (to === 'closed') {
    missing = missingActions(severity, recorded);
    lessonsMissing = !input.lessons?.trim();
  } else if (to === 'responding' || to === 'monitoring') {
    missing = recorded.includes('assessment') ? [] : [['assessment']];
  }
  if (missing.length > 0 || lessonsMissing) return { ok: false, reason: 'requirements', missing, lessonsMissing };
  return { ok: true };
}
