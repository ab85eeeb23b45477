import { NOTIFICATION_KINDS, type TNotificationKind, type TNotificationPreference, type TRole } from '@loa/contracts';

/** Who a notification is for: named users, and the users of named units (of those units only, not their subtrees). */
export interface Recipients {
  userIds?: readonly string[];
  orgUnitIds?: readonly string[];
  /** Narrows the users of `orgUnitIds` to those holding at least one of these roles; needs `orgUnitIds`. */
  roles?: readonly TRole[];
}

/** An enabled user who might receive a notification (the repository never returns disabled users). */
export interface RecipientCandidate {
  id: string;
  orgUnitId: string;
  roles: readonly string[];
}

/**
 * The users a notification goes to, each once, in the order of `candidates`: those named in `userIds`,
 * and those of `orgUnitIds` holding one of `roles` (any role when none are given). Never the actor.
 */
export function selectRecipients<T extends RecipientCandidate>(
  candidates: readonly T[],
  recipients: Recipients,
  actorUserId: string | null,
): T[] {
  const named = new Set(recipients.userIds ?? []);
  const units = new Set(recipients.orgUnitIds ?? []);
  const roles = recipients.roles && recipients.roles.length > 0 ? new Set<string>(recipients.roles) : null;
  const chosen = new Map<string, T>();
  for (const candidate of candidates) {
    if (candidate.id === actorUserId || chosen.has(candidate.id)) continue;
    const byName = named.has(candidate.id);
    const byUnit = units.has(candidate.orgUnitId) && (!roles || candidate.roles.some((role) => roles.has(role)));
    if (byName || byUnit) chosen.set(candidate.id, candidate);
  }
  return [...chosen.values()];
}

/** A user's switches for one kind; a kind the user never changed has both channels on. */
export function effectivePreference(
  stored: Pick<TNotificationPreference, 'inApp' | 'email'> | undefined,
): Pick<TNotificationPreference, 'inApp' | 'email'> {
  return { inApp: stored?.inApp ?? true, email: stored?.email ?? true };
}

/** Every kind's switches, in the order of NOTIFICATION_KINDS, defaults filled in. */
export function preferencesFor(stored: readonly TNotificationPreference[]): TNotificationPreference[] {
  const byKind = new Map(stored.map((p) => [p.kind, p]));
  return NOTIFICATION_KINDS.map((kind: TNotificationKind) => ({ kind, ...effectivePreference(byKind.get(kind)) }));
}

/** True for a path inside the web app ("/regulations?id=…"): never another site, not even "//host". */
export function isAppPath(link: string): boolean {
  return link === '/' || /^\/[^/\\]/.test(link);
}

/** Shortens `text` to at most `max` characters, marking the cut with "…". */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export type DeadlineState = 'approaching' | 'missed';

/** The key that keeps a deadline notice from being sent twice: `deadline:<source>:<id>:<state>`. */
export function deadlineDedupeKey(source: string, id: string, state: DeadlineState): string {
  return `deadline:${source}:${id}:${state}`;
}

/** What a module asks `notify` to say. */
export interface NotificationContent {
  kind: TNotificationKind;
  title: { vi: string; en: string };
  body?: { vi: string; en: string } | undefined;
  link?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  dedupeKey?: string | undefined;
}

/** The content as stored: texts trimmed and clipped to the column limits, nulls for what is absent. */
export interface StoredContent {
  kind: TNotificationKind;
  titleVi: string;
  titleEn: string;
  bodyVi: string | null;
  bodyEn: string | null;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  dedupeKey: string | null;
}

export const TITLE_MAX = 300;
export const BODY_MAX = 5000;

/**
 * Checks and normalises what a module asks to notify. Titles and bodies built from user text are clipped, not
 * refused; a missing title, an outside link or an over-long key is a programming error and throws.
 */
export function storedContent(content: NotificationContent, recipients: Recipients): StoredContent {
  if (recipients.roles?.length && !recipients.orgUnitIds?.length) {
    throw new Error('notify: `roles` narrows the users of `orgUnitIds`; give the units too');
  }
  const titleVi = content.title.vi.trim();
  const titleEn = content.title.en.trim();
  if (!titleVi || !titleEn) throw new Error('notify: a title in Vietnamese and in English is required');
  if (content.link !== undefined && !isAppPath(content.link)) {
    throw new Error(`notify: the link must be a path inside Loa, got "${content.link}"`);
  }
  if ((content.entityType?.length ?? 0) > 60 || (content.entityId?.length ?? 0) > 100) {
    throw new Error('notify: entityType has at most 60 characters, entityId at most 100');
  }
  if (content.dedupeKey !== undefined && (content.dedupeKey.length === 0 || content.dedupeKey.length > 300)) {
    throw new Error('notify: a dedupeKey has 1 to 300 characters');
  }
  const body = (text: string | undefined) => (text?.trim() ? clip(text.trim(), BODY_MAX) : null);
  return {
    kind: content.kind,
    titleVi: clip(titleVi, TITLE_MAX),
    titleEn: clip(titleEn, TITLE_MAX),
    bodyVi: body(content.body?.vi),
    bodyEn: body(content.body?.en),
    link: content.link ?? null,
    entityType: content.entityType ?? null,
    entityId: content.entityId ?? null,
    dedupeKey: content.dedupeKey ?? null,
  };
}
