// How an edition leaves the server: rows to the contract's shapes. Pure.
import type {
  MonitoringFlag,
  OwningUnit,
  RelevanceLevel,
  TArticleSentiment,
  TReview,
  TReviewEntry,
  TReviewKind,
  TReviewSection,
  TReviewStatus,
  TReviewSummary,
} from '@loa/contracts';

/** An edition as read from the database. */
export interface EditionRecord {
  id: string;
  kind: string;
  orgUnitId: string;
  orgUnitCode: string;
  orgUnitName: string;
  editionDate: string;
  title: string;
  intro: string | null;
  windowFrom: Date;
  windowTo: Date;
  status: string;
  approvedAt: Date | null;
  approvedByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  entryCount: number;
  riskCount: number;
  delivery: { pending: number; sent: number; failed: number; held: number };
}

/** An entry as read from the database. */
export interface EntryRecord {
  id: string;
  clusterId: string;
  section: string;
  theme: string;
  position: number;
  headline: string;
  extract: string;
  comment: string | null;
  excluded: boolean;
  outlets: string[];
  links: TReviewEntry['links'];
  relevanceLevel: string;
  sentiment: string;
  flags: string[];
  provinceId: string | null;
  provinceCode: string | null;
  provinceName: string | null;
  score: number;
  publishedAt: Date;
}

export function toSummary(row: EditionRecord): TReviewSummary {
  return {
    id: row.id,
    kind: row.kind as TReviewKind,
    title: row.title,
    editionDate: row.editionDate,
    windowFrom: row.windowFrom.toISOString(),
    windowTo: row.windowTo.toISOString(),
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName },
    status: row.status as TReviewStatus,
    entryCount: row.entryCount,
    riskCount: row.riskCount,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvedBy: row.approvedByName,
    delivery: {
      pending: Number(row.delivery.pending),
      sent: Number(row.delivery.sent),
      failed: Number(row.delivery.failed),
      held: Number(row.delivery.held),
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toEntry(row: EntryRecord): TReviewEntry {
  return {
    id: row.id,
    clusterId: row.clusterId,
    section: row.section as TReviewSection,
    theme: row.theme as OwningUnit,
    position: row.position,
    headline: row.headline,
    extract: row.extract,
    comment: row.comment,
    excluded: row.excluded,
    outlets: row.outlets,
    links: row.links,
    relevance: row.relevanceLevel as RelevanceLevel,
    sentiment: row.sentiment as TArticleSentiment,
    flags: row.flags as MonitoringFlag[],
    province:
      row.provinceId && row.provinceCode && row.provinceName
        ? { id: row.provinceId, code: row.provinceCode, name: row.provinceName }
        : null,
    score: row.score,
    publishedAt: row.publishedAt.toISOString(),
  };
}

/** What the caller may do with the edition, and whether they see the entries the editor left out. */
export interface ViewAccess {
  canEdit: boolean;
  canApprove: boolean;
  /** Editors and approvers see left-out entries (to put them back); readers of the edition do not. */
  withExcluded: boolean;
}

export function toReview(row: EditionRecord, entries: readonly EntryRecord[], access: ViewAccess): TReview {
  const draft = row.status === 'draft';
  return {
    ...toSummary(row),
    intro: row.intro,
    entries: entries.filter((e) => access.withExcluded || !e.excluded).map(toEntry),
    canEdit: draft && access.canEdit,
    canApprove: draft && access.canApprove,
    version: row.version,
  };
}
