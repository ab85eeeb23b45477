import type { TTaskPhase, TTaskStatus, TTemplateOwner } from '@loa/contracts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
// Vietnam keeps UTC+7 all year.
const VN_OFFSET_MS = 7 * 3_600_000;

/** `date` (yyyy-mm-dd) moved by `days` calendar days; weekends and holidays stay as computed. */
export function addDays(date: string, days: number): string {
  const match = DATE.exec(date);
  if (!match) throw new RangeError(`not a calendar date: ${date}`);
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + days * DAY_MS;
  return new Date(time).toISOString().slice(0, 10);
}

/** The calendar day it is in Vietnam at `now`. */
export function vnToday(now: Date = new Date()): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** A task still to do (or under way) after its due day. */
export function isOverdue(task: { status: TTaskStatus | string; dueOn: string }, today: string): boolean {
  return (task.status === 'todo' || task.status === 'in_progress') && task.dueOn < today;
}

/** A unit as the planner sees it: its id and materialised path (`/root/…/id/`). */
export interface PlannedUnit {
  id: string;
  path: string;
}

export interface TemplateStep {
  id: string;
  phase: TTaskPhase;
  offsetDays: number;
  owner: TTemplateOwner;
  /** The fixed unit of an `owner: 'unit'` step. */
  ownerUnit: PlannedUnit | null;
  titleVi: string;
  sortOrder: number;
}

export interface PlanContext {
  effectiveOn: string;
  /** The unit the document belongs to: the root for national documents, a province for local ones. */
  owningUnit: PlannedUnit;
  draftingUnit: PlannedUnit | null;
  /** The Communication Center (code TT), when the tree has one. */
  commsCenter: PlannedUnit | null;
}

export interface PlannedTask {
  templateId: string;
  phase: TTaskPhase;
  title: string;
  ownerUnitId: string;
  dueOn: string;
  offsetDays: number;
}

const within = (unit: PlannedUnit | null, root: PlannedUnit): unit is PlannedUnit =>
  unit !== null && unit.path.startsWith(root.path);

/**
 * Who owns a step's task. Owners stay inside the document's own subtree: a province's local document
 * gives the province the Communication Center's and a missing drafting unit's steps.
 */
export function stepOwner(step: TemplateStep, context: PlanContext): string {
  const wanted =
    step.owner === 'drafting_unit'
      ? context.draftingUnit
      : step.owner === 'comms_center'
        ? context.commsCenter
        : step.ownerUnit;
  return within(wanted, context.owningUnit) ? wanted.id : context.owningUnit.id;
}

/**
 * The tasks the template still owes a document: one per step not yet planned (by template step id),
 * due `offsetDays` from the effective date, in the template's order.
 */
export function planTasks(
  steps: readonly TemplateStep[],
  context: PlanContext,
  plannedStepIds: ReadonlySet<string>,
): PlannedTask[] {
  return [...steps]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .filter((step) => !plannedStepIds.has(step.id))
    .map((step) => ({
      templateId: step.id,
      phase: step.phase,
      title: step.titleVi,
      ownerUnitId: stepOwner(step, context),
      dueOn: addDays(context.effectiveOn, step.offsetDays),
      offsetDays: step.offsetDays,
    }));
}
