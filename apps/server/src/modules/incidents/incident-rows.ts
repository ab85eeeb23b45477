// The rows the repositories return and present.ts shapes (kept here so that pure files can name them).
import type { TIncidentSeverity, TIncidentStatus } from '@loa/contracts';

/** A unit named on a case, with its place in the tree (for scope checks). */
export type UnitRef = {
  id: string;
  code: string;
  name: string;
  path: string;
};

/** A case as stored, with its owning unit, supporting units and number of items. */
export interface IncidentRow {
  id: string;
  code: string;
  title: string;
  description: string | null;
  severity: TIncidentSeverity;
  guide: unknown;
  status: TIncidentStatus;
  owningUnitId: string;
  owningUnitCode: string;
  owningUnitName: string;
  owningUnitPath: string;
  owningUnitParentId: string | null;
  supportingUnits: UnitRef[];
  queryId: string | null;
  assessDueAt: Date;
  assessMetAt: Date | null;
  assessEscalatedAt: Date | null;
  respondDueAt: Date;
  respondMetAt: Date | null;
  respondEscalatedAt: Date | null;
  lessons: string | null;
  openedBy: string | null;
  openedByName: string | null;
  openedAt: Date;
  closedAt: Date | null;
  version: number;
  updatedAt: Date;
  itemCount: number;
}

/** A monitored article linked to a case. */
export interface ItemRow {
  articleId: string;
  title: string;
  sourceName: string;
  url: string;
  publishedAt: Date;
  flags: string[];
  sentiment: string;
  addedBy: 'user' | 'matching';
  addedAt: Date;
}

/** One line of the timeline, with the publication's title and the officer's name. */
export interface TimelineRow {
  id: string;
  kind: string;
  system: boolean;
  text: string | null;
  publicationId: string | null;
  publicationTitle: string | null;
  url: string | null;
  detail: Record<string, unknown> | null;
  by: string | null;
  at: Date;
}
