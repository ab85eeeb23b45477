import {
  CAMPAIGN_TRANSITIONS,
  campaignPercent,
  type TCampaignGoal,
  type TCampaignLinkedItem,
  type TCampaignMetric,
  type TCampaignProgress,
  type TCampaignStatus,
  type TUnitRef,
} from '@loa/contracts';

/** Why a campaign may not move from `from` to `to` (an error code), or null when it may. */
export function transitionProblem(
  from: TCampaignStatus,
  to: TCampaignStatus,
  goalCount: number,
): 'campaign.invalid_transition' | 'campaign.no_goals' | null {
  if (!CAMPAIGN_TRANSITIONS[from].includes(to)) return 'campaign.invalid_transition';
  if (to === 'active' && goalCount === 0) return 'campaign.no_goals';
  return null;
}

/** True when a unit (materialised path) lies in the subtree of one of the campaign's units. */
export function takesPart(unitPath: string, campaignPaths: readonly string[]): boolean {
  return campaignPaths.some((path) => unitPath.startsWith(path));
}

/**
 * Whoever works above or inside one of the campaign's units (owner or participant) reads it: a province that
 * takes part and its districts; the centre that owns it. `readScope` is "/" for the Communication Center.
 */
export function readsCampaign(readScope: string, campaignPaths: readonly string[]): boolean {
  return campaignPaths.some((path) => path.startsWith(readScope) || readScope.startsWith(path));
}

/**
 * The dated linked items, oldest first (an event by the day it starts); items of the same day by kind (calendar,
 * event, product, publication), then title.
 */
export function timelineOf(items: readonly TCampaignLinkedItem[]): TCampaignLinkedItem[] {
  const kindOrder = { calendar_item: 0, event: 1, product: 2, publication: 3 } as const;
  return items
    .filter((item) => item.date !== null)
    .sort(
      (a, b) =>
        a.date!.localeCompare(b.date!) || kindOrder[a.type] - kindOrder[b.type] || a.title.localeCompare(b.title, 'vi'),
    );
}

/** What a source measured for a metric: the campaign's value and, when it can tell, each unit's. */
export interface Measured {
  value: number | null;
  byUnit: ReadonlyMap<string, number> | null;
}

/** Goals with their measured value and percentage; a metric nobody measures stays without a value. */
export function progressOf(
  goals: readonly TCampaignGoal[],
  measured: ReadonlyMap<TCampaignMetric, Measured>,
  units: readonly TUnitRef[],
): TCampaignProgress[] {
  return goals.map(({ metric, target }) => {
    const found = measured.get(metric);
    const value = found?.value ?? null;
    const byUnit = found?.byUnit;
    return {
      metric,
      target,
      value,
      percent: campaignPercent(value, target),
      byUnit: value !== null && byUnit ? units.map((unit) => ({ unit, value: byUnit.get(unit.id) ?? 0 })) : null,
    };
  });
}

/** Sums values recorded at units (by their path) into each campaign unit's subtree, and the campaign's total. */
export function sumByUnit(
  rows: readonly { path: string; value: number }[],
  units: readonly { id: string; path: string }[],
): Measured {
  const byUnit = new Map<string, number>();
  for (const unit of units) {
    byUnit.set(
      unit.id,
      rows.filter((row) => row.path.startsWith(unit.path)).reduce((sum, row) => sum + row.value, 0),
    );
  }
  // Only what lies in the campaign's units counts, each record once even when units nest.
  const value = rows
    .filter((row) =>
      takesPart(
        row.path,
        units.map((u) => u.path),
      ),
    )
    .reduce((s, r) => s + r.value, 0);
  return { value, byUnit };
}
