import { createHash, randomBytes } from 'node:crypto';
import {
  CALENDAR_STATUS_LABELS,
  type TCalendarEntry,
  type TCalendarFeedStatus,
  type TCalendarFeedToken,
  type TCalendarStatus,
  type TRole,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { calendarPolicy } from './calendar.policy.js';
import type { CalendarRepository } from './calendar.repository.js';
import type { CalendarService } from './calendar.service.js';
import { itemLink } from './calendar-notices.js';
import type { UserLookup } from './calendar-references.service.js';
import { addDays, vnDay } from './days.js';
import { buildCalendar, type IcsEvent } from './ical.js';

export interface CalendarFeedDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  recordAudit: RecordAudit;
  repo: CalendarRepository;
  users: UserLookup;
  calendar: Pick<CalendarService, 'list'>;
  /** Where users open Loa (LOA_PUBLIC_URL): events link to it when set. */
  publicUrl?: string | undefined;
  clock?: () => Date;
}

const TOKEN_PREFIX = 'loacal_';
const TOKEN_PATTERN = /^loacal_[A-Za-z0-9_-]{43}$/;
/** The feed covers a month back and a year ahead (within one calendar query's window). */
const FEED_DAYS_BACK = 30;
const FEED_DAYS_AHEAD = 365;
/** The most entries one feed holds, earliest first. */
const FEED_MAX_ENTRIES = 1000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const feedPath = (token: string) => `/api/calendar/feed/${token}.ics`;

const ITEM_STATUS: Record<TCalendarStatus, IcsEvent['status']> = {
  planned: 'TENTATIVE',
  in_production: 'CONFIRMED',
  published: 'CONFIRMED',
  cancelled: 'CANCELLED',
};

/** An entry of the calendar as an all-day event; text in Vietnamese, the feed's language. */
export function toEvent(entry: TCalendarEntry, publicUrl: string | undefined): IcsEvent {
  const base = publicUrl?.replace(/\/+$/, '');
  if (entry.kind === 'task') {
    return {
      uid: `regulation-task-${entry.id}@loa`,
      startsOn: entry.startsOn,
      endsOn: null,
      summary: `[${entry.regulation.number}] ${entry.title}`,
      description: `Nhiệm vụ truyền thông văn bản ${entry.regulation.number} — ${entry.ownerUnit.name}`,
      url: base ? `${base}/regulations?id=${entry.regulation.id}` : null,
      status: entry.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      categories: ['Nhiệm vụ truyền thông'],
    };
  }
  const lines = [
    entry.description,
    `${entry.ownerUnit.name} — ${CALENDAR_STATUS_LABELS[entry.status].vi}`,
    entry.assignee ? `Người thực hiện: ${entry.assignee.fullName}` : null,
  ].filter(Boolean);
  return {
    uid: `calendar-item-${entry.id}@loa`,
    startsOn: entry.startsOn,
    endsOn: entry.endsOn,
    summary: entry.title,
    description: lines.join('\n'),
    url: base ? `${base}${itemLink(entry)}` : null,
    status: ITEM_STATUS[entry.status],
    categories: ['Lịch biên tập'],
  };
}

export type CalendarFeedService = ReturnType<typeof createCalendarFeedService>;

/**
 * Each user's secret iCalendar feed: what they would see on the calendar (their scope, and what is assigned to
 * them), a month back and a year ahead. Only the token's SHA-256 is stored; a new token replaces the old.
 */
export function createCalendarFeedService(deps: CalendarFeedDeps) {
  const { db, runInTransaction, repo, recordAudit } = deps;
  const now = () => (deps.clock ? deps.clock() : new Date());

  return {
    async status(actor: Actor): Promise<TCalendarFeedStatus> {
      calendarPolicy.assertCanHaveFeed(actor);
      const row = await repo.findFeedToken(db, actor.userId!);
      return { active: row !== null, createdAt: row ? row.createdAt.toISOString() : null };
    },

    /** A new secret feed address for the actor (the old one stops working); shown once. */
    async rotate(actor: Actor): Promise<TCalendarFeedToken> {
      calendarPolicy.assertCanHaveFeed(actor);
      const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      const createdAt = await runInTransaction(async (tx) => {
        const at = await repo.replaceFeedToken(tx, actor.userId!, sha256(token));
        await recordAudit(tx, actor, {
          action: 'rotate_feed',
          entityType: 'calendar_feed',
          entityId: actor.userId,
          orgUnitId: actor.orgUnitId,
          summary: actor.username,
        });
        return at;
      });
      return { token, path: feedPath(token), createdAt: createdAt.toISOString() };
    },

    /** Stops the actor's feed; nothing happens when there is none. */
    async revoke(actor: Actor): Promise<void> {
      calendarPolicy.assertCanHaveFeed(actor);
      await runInTransaction(async (tx) => {
        if (!(await repo.deleteFeedToken(tx, actor.userId!))) return;
        await recordAudit(tx, actor, {
          action: 'revoke',
          entityType: 'calendar_feed',
          entityId: actor.userId,
          orgUnitId: actor.orgUnitId,
          summary: actor.username,
        });
      });
    },

    /** The feed of the token's owner as iCalendar text; an unknown token or a disabled user is refused. */
    async render(token: string): Promise<string> {
      if (!TOKEN_PATTERN.test(token)) throw new AppError('auth.invalid_token');
      const userId = await repo.useFeedToken(db, sha256(token));
      const user = userId ? await deps.users.findById(db, userId) : null;
      if (!user || user.disabled) throw new AppError('auth.invalid_token');
      const actor: Actor = {
        userId: user.id,
        username: user.username,
        fullName: user.fullName,
        roles: user.roles as TRole[],
        orgUnitId: user.orgUnitId,
        scopePath: user.orgUnitPath,
      };
      const instant = now();
      const today = vnDay(instant);
      const page = await deps.calendar.list(actor, {
        from: addDays(today, -FEED_DAYS_BACK),
        to: addDays(today, FEED_DAYS_AHEAD),
        page: 1,
        pageSize: FEED_MAX_ENTRIES,
      });
      const events = page.items.map((entry) => toEvent(entry, deps.publicUrl));
      return buildCalendar(`Loa — ${user.fullName}`, events, instant);
    },
  };
}
