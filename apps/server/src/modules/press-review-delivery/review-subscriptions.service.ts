import { createHash, randomBytes } from 'node:crypto';
import {
  OWNING_UNIT_CODES,
  REVIEW_SECTIONS,
  type TCreateSubscriptionRequest,
  type TPage,
  type TReviewKind,
  type TReviewSection,
  type TReviewSubscription,
  type TSubscriptionFeedToken,
  type TSubscriptionListQuery,
  type TUpdateSubscriptionRequest,
  type TPeopleQuery,
  type TPerson,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { reviewDeliveryPolicy, type SubscriptionTarget } from './review-delivery.policy.js';
import type { ReviewSubscriptionsRepository, SubscriptionRow, UnitRow } from './review-subscriptions.repository.js';

export interface ReviewSubscriptionsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: ReviewSubscriptionsRepository;
  recordAudit: RecordAudit;
  /** Where users open Loa (LOA_PUBLIC_URL): the start of feed addresses; relative addresses without it. */
  publicUrl?: string | undefined;
}

/** The Communication Center compiles the agency-wide editions. */
const CENTRE_CODE = OWNING_UNIT_CODES.truyenthong!;
/** Besides the Communication Center, provinces and the agency's press offices compile editions of their own. */
const EDITION_UNIT_KINDS: ReadonlySet<string> = new Set(['province', 'press_office']);

/** The secret feed path of a token; `.atom` and `.rss` serve the same entries. */
export function feedPath(token: string, format: 'atom' | 'rss'): string {
  return `/api/feeds/reviews/${token}.${format}`;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function toSubscription(row: SubscriptionRow): TReviewSubscription {
  return {
    id: row.id,
    kind: row.kind as TReviewKind,
    user: { id: row.userId, username: row.username, fullName: row.fullName, email: row.userEmail },
    orgUnit: { id: row.userUnitId, code: row.userUnitCode, name: row.userUnitName },
    sections: row.sections as TReviewSection[],
    provinces: row.provinces,
    sourceUnit: { id: row.sourceUnitId, code: row.sourceUnitCode, name: row.sourceUnitName },
    email: row.email,
    active: row.active,
    feedUrl: null,
    hasFeed: row.hasFeed,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

function snapshot(row: SubscriptionRow) {
  return {
    kind: row.kind,
    user: row.username,
    sourceUnit: row.sourceUnitCode,
    sections: row.sections,
    provinces: row.provinces.map((p) => p.code),
    email: row.email,
    active: row.active,
  };
}

/** The chosen sections once each, in the order the edition prints them. */
const inPrintOrder = (sections: readonly TReviewSection[]) => REVIEW_SECTIONS.filter((s) => sections.includes(s));

const summaryOf = (row: SubscriptionRow) => `${row.fullName} (${row.username}) — ${row.kind} ${row.sourceUnitCode}`;

export type ReviewSubscriptionsService = ReturnType<typeof createReviewSubscriptionsService>;

/** Who receives which editions, by e-mail, in the app and by a secret feed. */
export function createReviewSubscriptionsService(deps: ReviewSubscriptionsDeps) {
  const { db, runInTransaction, repo, recordAudit } = deps;
  const base = deps.publicUrl?.replace(/\/+$/, '') ?? '';

  async function getVisible(tx: Executor, actor: Actor, id: string, lock = false): Promise<SubscriptionRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !reviewDeliveryPolicy.canSeeSubscription(actor, { userId: row.userId, userPath: row.userUnitPath }))
      throw notFound('review_subscription');
    return row;
  }

  const targetOf = (row: SubscriptionRow): SubscriptionTarget => ({
    userId: row.userId,
    userPath: row.userUnitPath,
    sourceUnit: { id: row.sourceUnitId, path: row.sourceUnitPath, kind: row.sourceUnitKind },
    sourceIsCentre: row.sourceUnitCode === CENTRE_CODE,
  });

  /** The edition's unit: the Communication Center (the default), a province or a press office. */
  async function sourceUnit(tx: Executor, id: string | undefined): Promise<UnitRow> {
    const unit = id ? (await repo.findUnits(tx, [id]))[0] : await repo.findUnitByCode(tx, CENTRE_CODE);
    if (!unit || (unit.code !== CENTRE_CODE && !EDITION_UNIT_KINDS.has(unit.kind)))
      throw fieldError('sourceUnitId', 'subscription.source_unit_invalid');
    return unit;
  }

  /** Provinces named must be org units of kind province inside the actor's scope: else a 422 on `provinceIds`. */
  async function checkProvinces(tx: Executor, actor: Actor, ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const units = new Map((await repo.findUnits(tx, unique)).map((u) => [u.id, u]));
    const scope = reviewDeliveryPolicy.provinceScope(actor);
    const outside = unique.filter((id) => {
      const unit = units.get(id);
      return !unit || unit.kind !== 'province' || !unit.path.startsWith(scope);
    });
    if (outside.length > 0) {
      throw new AppError('subscription.province_out_of_scope', { count: outside.length }, [
        { field: 'provinceIds', code: 'subscription.province_out_of_scope', params: { ids: outside.join(', ') } },
      ]);
    }
    return unique;
  }

  function assertWritable(actor: Actor, target: SubscriptionTarget): void {
    const problem = reviewDeliveryPolicy.writeProblem(actor, target);
    if (problem === 'userId') throw fieldError('userId', 'subscription.user_out_of_scope');
    if (problem === 'sourceUnitId') throw fieldError('sourceUnitId', 'subscription.source_unit_out_of_scope');
  }

  async function audit(
    tx: Tx,
    actor: Actor,
    action: string,
    before: SubscriptionRow | null,
    after: SubscriptionRow | null,
  ) {
    const row = (after ?? before)!;
    await recordAudit(tx, actor, {
      action,
      entityType: 'review_subscription',
      entityId: row.id,
      orgUnitId: row.userUnitId,
      summary: summaryOf(row),
      before: before ? snapshot(before) : null,
      after: after ? snapshot(after) : null,
    });
  }

  const duplicate = (username: string) =>
    new AppError('conflict.duplicate', { field: 'userId', value: username }, [
      { field: 'userId', code: 'subscription.duplicate' },
    ]);

  const collator = new Intl.Collator('vi');
  return {
    /** Users the actor may subscribe (those they manage; Vietnamese order), or only themselves. */
    async people(actor: Actor, query: TPeopleQuery): Promise<TPerson[]> {
      const path = reviewDeliveryPolicy.peopleScope(actor);
      if (!path && !actor.userId) return [];
      const rows = await repo.findPeople(db, path ? { path } : { userId: actor.userId! }, query.q, query.limit);
      return rows
        .map((r) => ({
          id: r.id,
          fullName: r.fullName,
          title: r.title,
          orgUnit: { id: r.unitId, code: r.unitCode, name: r.unitName },
        }))
        .sort((a, b) => collator.compare(a.fullName, b.fullName));
    },

    /** The subscriptions the actor may see: their own, and those of the users they manage. */
    async list(actor: Actor, query: TSubscriptionListQuery, all = false): Promise<TPage<TReviewSubscription>> {
      const { rows, total } = await repo.list(db, reviewDeliveryPolicy.listScope(actor), query, all);
      return { items: rows.map(toSubscription), total };
    },

    async get(actor: Actor, id: string): Promise<TReviewSubscription> {
      return toSubscription(await getVisible(db, actor, id));
    },

    /** Subscribes a user to one unit's editions of one kind (once per user, kind and unit). */
    async create(actor: Actor, input: TCreateSubscriptionRequest): Promise<TReviewSubscription> {
      return runInTransaction(async (tx) => {
        const user = await repo.findUser(tx, input.userId);
        if (!user || user.disabled) throw fieldError('userId', 'subscription.user_out_of_scope');
        const source = await sourceUnit(tx, input.sourceUnitId);
        assertWritable(actor, {
          userId: user.id,
          userPath: user.orgUnitPath,
          sourceUnit: source,
          sourceIsCentre: source.code === CENTRE_CODE,
        });
        const provinceIds = await checkProvinces(tx, actor, input.provinceIds);
        const id = await repo.insert(tx, {
          kind: input.kind,
          userId: user.id,
          sourceUnitId: source.id,
          sections: inPrintOrder(input.sections),
          provinceIds,
          email: input.email,
          active: input.active,
          createdBy: actor.userId,
        });
        if (!id) throw duplicate(user.username);
        const created = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', null, created);
        return toSubscription(created);
      });
    },

    /** Changes sections, provinces, source, e-mail or active, under the version check. */
    async update(actor: Actor, id: string, input: TUpdateSubscriptionRequest): Promise<TReviewSubscription> {
      return runInTransaction(async (tx) => {
        const before = await getVisible(tx, actor, id, true);
        reviewDeliveryPolicy.assertCanWrite(actor, targetOf(before));
        const { version, sourceUnitId, provinceIds, sections, ...flags } = input;
        const values: Parameters<ReviewSubscriptionsRepository['update']>[3] = { ...flags };
        if (sourceUnitId !== undefined && sourceUnitId !== before.sourceUnitId) {
          const source = await sourceUnit(tx, sourceUnitId);
          assertWritable(actor, {
            ...targetOf(before),
            sourceUnit: source,
            sourceIsCentre: source.code === CENTRE_CODE,
          });
          const taken = await repo.findFor(tx, before.kind, before.userId, source.id);
          if (taken) throw duplicate(before.username);
          values.sourceUnitId = source.id;
        }
        if (provinceIds !== undefined) values.provinceIds = await checkProvinces(tx, actor, provinceIds);
        if (sections !== undefined) values.sections = inPrintOrder(sections);
        if (!(await repo.update(tx, id, version, values))) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'update', before, after);
        return toSubscription(after);
      });
    },

    /** Ends a subscription (deliveries already written keep their rows). */
    async remove(actor: Actor, id: string): Promise<void> {
      await runInTransaction(async (tx) => {
        const before = await getVisible(tx, actor, id, true);
        reviewDeliveryPolicy.assertCanWrite(actor, targetOf(before));
        await repo.delete(tx, id);
        await audit(tx, actor, 'delete', before, null);
      });
    },

    /** A new secret feed address for the subscription (the old one stops working); shown once. */
    async rotateFeedToken(actor: Actor, id: string): Promise<TSubscriptionFeedToken> {
      const token = randomBytes(32).toString('base64url');
      await runInTransaction(async (tx) => {
        const row = await getVisible(tx, actor, id, true);
        reviewDeliveryPolicy.assertCanWrite(actor, targetOf(row));
        await repo.setFeedTokenHash(tx, id, sha256(token));
        await recordAudit(tx, actor, {
          action: 'rotate_review_feed',
          entityType: 'review_subscription',
          entityId: id,
          orgUnitId: row.userUnitId,
          summary: summaryOf(row),
        });
      });
      return { feedUrl: `${base}${feedPath(token, 'atom')}`, rssUrl: `${base}${feedPath(token, 'rss')}` };
    },
  };
}
