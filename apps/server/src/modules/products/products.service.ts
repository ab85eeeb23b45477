import {
  ZProductSnapshot,
  type TArchiveProductRequest,
  type TCreateProductInput,
  type TPage,
  type TProduct,
  type TProductDetail,
  type TProductDiff,
  type TProductFile,
  type TProductLanguage,
  type TProductListQuery,
  type TProductSnapshot,
  type TProductStory,
  type TProductStatus,
  type TProductVersion,
  type TProductVersionDetail,
  type TUpdateProductRequest,
} from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound, type FieldError } from '../../platform/errors.js';
import type { UnitInfo, UnitLookup } from '../org-units/index.js';
import type { NewProductRow, ProductRow, ProductsRepository, ProductSummaryRow } from './products.repository.js';
import { productsPolicy } from './products.policy.js';
import { diffSnapshots } from './version-diff.js';

export interface ProductsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: ProductsRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
  /** The calendar item as the actor sees it; throws not-found when it is missing or out of their reach. */
  getCalendarItem: (actor: Actor, id: string) => Promise<{ id: string; title: string }>;
  /** The files of a product, in the order shown (product files service). */
  listFiles: (tx: Executor, productId: string) => Promise<TProductFile[]>;
  /** The linked stories the actor may read (product stories service). */
  listStories: (tx: Executor, actor: Actor, productId: string) => Promise<TProductStory[]>;
  /** Whether `unitId` is asked to appraise the product (its officers then read it, outside their subtree). */
  isAskedUnit?: (tx: Executor, productId: string, unitId: string) => Promise<boolean>;
}

export function toProduct(row: ProductSummaryRow, actor: Actor): TProduct {
  return {
    id: row.id,
    guidanceYear: row.guidanceYear,
    typeCode: row.typeCode,
    title: row.title,
    summary: row.summary,
    themeCodes: row.themeCodes,
    audienceCodes: row.audienceCodes,
    channelCodes: row.channelCodes,
    ownerUnit: { id: row.ownerUnitId, code: row.ownerUnitCode, name: row.ownerUnitName },
    authors: row.authors,
    partnerOutlet: row.partnerOutlet,
    language: row.language as TProductLanguage,
    calendarItem:
      row.calendarItemId && row.calendarItemTitle !== null
        ? { id: row.calendarItemId, title: row.calendarItemTitle }
        : null,
    status: row.status as TProductStatus,
    currentVersion: row.currentVersion,
    readyAt: row.readyAt?.toISOString() ?? null,
    canEdit: row.status !== 'archived' && productsPolicy.canEdit(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The editable fields of a product as a version keeps them. */
export function snapshotOf(row: ProductRow): TProductSnapshot {
  return {
    guidanceYear: row.guidanceYear,
    typeCode: row.typeCode,
    title: row.title,
    summary: row.summary,
    body: row.body,
    themeCodes: row.themeCodes,
    audienceCodes: row.audienceCodes,
    channelCodes: row.channelCodes,
    ownerUnitId: row.ownerUnitId,
    ownerUnitName: row.ownerUnitName,
    authors: row.authors,
    partnerOutlet: row.partnerOutlet,
    language: row.language,
    calendarItemId: row.calendarItemId,
    calendarItemTitle: row.calendarItemTitle,
  };
}

/** What the audit log keeps of a product: the snapshot without the long body. */
function auditSnapshot(row: ProductRow) {
  const { body, ...rest } = snapshotOf(row);
  return {
    ...rest,
    bodyLength: body.length,
    status: row.status,
    currentVersion: row.currentVersion,
    readyAt: row.readyAt?.toISOString() ?? null,
  };
}

/** Codes and names trimmed, each once, in the order given. */
const unique = (items: readonly string[]) => [...new Set(items.map((item) => item.trim()))];

const CODE_LISTS = [
  ['themeCodes', 'theme'],
  ['audienceCodes', 'audience'],
  ['channelCodes', 'channel'],
] as const;
type Codes = Pick<NewProductRow, 'typeCode' | 'themeCodes' | 'audienceCodes' | 'channelCodes'>;
const EDITABLE = [
  'guidanceYear',
  'typeCode',
  'title',
  'summary',
  'body',
  'themeCodes',
  'audienceCodes',
  'channelCodes',
  'ownerUnitId',
  'authors',
  'partnerOutlet',
  'language',
  'calendarItemId',
] as const;

export type ProductsService = ReturnType<typeof createProductsService>;

export function createProductsService(deps: ProductsDeps) {
  const { db, runInTransaction, repo, recordAudit, units } = deps;

  /** A product the actor may see, or not-found (outside their reach it does not exist for them). */
  async function getVisible(tx: Executor, actor: Actor, id: string, lock = false): Promise<ProductRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row) throw notFound('product');
    if (productsPolicy.canSee(actor, row)) return row;
    // An officer of a unit asked to appraise the product reads it (and only reads it).
    if (actor.orgUnitId && (await deps.isAskedUnit?.(tx, id, actor.orgUnitId))) return row;
    throw notFound('product');
  }

  /** A product the actor may change: visible, editable by them, not archived. */
  async function getEditable(tx: Executor, actor: Actor, id: string, lock = false): Promise<ProductRow> {
    productsPolicy.assertCanWrite(actor);
    const row = await getVisible(tx, actor, id, lock);
    productsPolicy.assertCanEdit(actor, row);
    if (row.status === 'archived') throw new AppError('product.archived');
    return row;
  }

  async function detail(tx: Executor, actor: Actor, row: ProductRow): Promise<TProductDetail> {
    return {
      ...toProduct(row, actor),
      body: row.body,
      files: await deps.listFiles(tx, row.id),
      stories: await deps.listStories(tx, actor, row.id),
    };
  }

  /** The owner unit must be one of the actor's scope. */
  async function ownerInScope(tx: Executor, actor: Actor, unitId: string | null): Promise<UnitInfo> {
    const unit = unitId ? await units.findById(tx, unitId) : null;
    if (!unit || !inScope(actor, unit.path)) throw fieldError('ownerUnitId', 'validation.unit_out_of_scope');
    return unit;
  }

  /** The type and every code must exist in the guidance of `year`; each unknown one is reported on its field. */
  async function assertCodes(tx: Executor, year: number, codes: Codes): Promise<void> {
    const catalog = await repo.guidanceCodes(tx, year);
    if (!catalog) throw fieldError('guidanceYear', 'validation.unknown_guidance_year');
    const problems: FieldError[] = [];
    const unknown = (field: string, code: string) =>
      problems.push({ field, code: 'validation.unknown_guidance_code', params: { code } });
    if (!catalog.get('product_type')?.has(codes.typeCode)) unknown('typeCode', codes.typeCode);
    for (const [field, kind] of CODE_LISTS) {
      const known = catalog.get(kind) ?? new Set<string>();
      (codes[field] ?? []).forEach((code, index) => {
        if (!known.has(code)) unknown(`${field}.${index}`, code);
      });
    }
    if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
  }

  /** A calendar item the actor sees; anything else is a problem of the field. */
  async function assertCalendarItem(actor: Actor, id: string | null | undefined): Promise<void> {
    if (!id) return;
    try {
      await deps.getCalendarItem(actor, id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'resource.not_found')
        throw fieldError('calendarItemId', 'validation.invalid_value');
      throw error;
    }
  }

  /** Records the product as it now is as version `number`, and the audit of the change, in `tx`. */
  async function saveVersion(tx: Tx, actor: Actor, before: ProductRow | null, id: string, note?: string) {
    const after = (await repo.findById(tx, id))!;
    await repo.insertVersion(tx, {
      productId: id,
      number: after.currentVersion,
      snapshot: snapshotOf(after),
      note: note?.trim() || null,
      createdBy: actor.userId,
    });
    await audit(tx, actor, before ? 'update' : 'create', before, after);
    return after;
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: ProductRow | null, after: ProductRow) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'product',
      entityId: after.id,
      orgUnitId: after.ownerUnitId,
      summary: `${after.ownerUnitCode} — ${after.title} (v${after.currentVersion})`.slice(0, 300),
      before: before ? auditSnapshot(before) : null,
      after: auditSnapshot(after),
    });
  }

  async function versionsOf(tx: Executor, id: string, numbers: number[]) {
    const rows = await repo.findVersions(tx, id, numbers);
    return numbers.map((number) => {
      const row = rows.find((r) => r.number === number);
      if (!row) throw notFound('product_version');
      return { ...row, snapshot: ZProductSnapshot.parse(row.snapshot) };
    });
  }

  return {
    /** A page of the products the actor may see (their subtree; everyone's for the Communication Center). */
    async listProducts(actor: Actor, query: TProductListQuery, all = false): Promise<TPage<TProduct>> {
      const { rows, total, totalCapped } = await repo.list(db, query, productsPolicy.readScopePath(actor), all);
      return { items: rows.map((row) => toProduct(row, actor)), total, totalCapped };
    },

    async getProduct(actor: Actor, id: string): Promise<TProductDetail> {
      return detail(db, actor, await getVisible(db, actor, id));
    },

    /** A new draft product of a unit of the actor's scope; its first version is saved with it. */
    async createProduct(actor: Actor, input: TCreateProductInput): Promise<TProductDetail> {
      productsPolicy.assertCanWrite(actor);
      await assertCalendarItem(actor, input.calendarItemId);
      return runInTransaction(async (tx) => {
        const owner = await ownerInScope(tx, actor, input.ownerUnitId ?? actor.orgUnitId);
        const codes: Codes = {
          typeCode: input.typeCode,
          themeCodes: unique(input.themeCodes),
          audienceCodes: unique(input.audienceCodes),
          channelCodes: unique(input.channelCodes),
        };
        await assertCodes(tx, input.guidanceYear, codes);
        const id = await repo.insert(tx, {
          guidanceYear: input.guidanceYear,
          ...codes,
          title: input.title,
          summary: input.summary,
          body: input.body,
          ownerUnitId: owner.id,
          authors: unique(input.authors),
          partnerOutlet: input.partnerOutlet || null,
          language: input.language,
          calendarItemId: input.calendarItemId ?? null,
          createdBy: actor.userId,
        });
        return detail(tx, actor, await saveVersion(tx, actor, null, id, input.note));
      });
    },

    /**
     * Saves an edit as the next version. Only the fields sent change; a save that changes nothing writes
     * nothing. New codes must exist in the guidance year, a new owner unit lie in the actor's scope.
     */
    async updateProduct(actor: Actor, id: string, input: TUpdateProductRequest): Promise<TProductDetail> {
      productsPolicy.assertCanWrite(actor);
      await assertCalendarItem(actor, input.calendarItemId);
      return runInTransaction(async (tx) => {
        const before = await getVisible(tx, actor, id, true);
        productsPolicy.assertCanEdit(actor, before);
        if (before.status === 'archived') throw new AppError('product.archived');
        if (before.version !== input.version) throw new AppError('conflict.version');
        const values: Partial<NewProductRow> = {};
        for (const field of EDITABLE) if (input[field] !== undefined) Object.assign(values, { [field]: input[field] });
        for (const [field] of CODE_LISTS) if (values[field]) values[field] = unique(values[field]);
        if (values.authors) values.authors = unique(values.authors);
        if (values.partnerOutlet === '') values.partnerOutlet = null;
        const current: Record<string, unknown> = snapshotOf(before);
        const changed = Object.entries(values).filter(
          ([field, value]) => JSON.stringify(current[field]) !== JSON.stringify(value),
        );
        if (changed.length === 0) return detail(tx, actor, before);
        const next = Object.fromEntries(changed) as Partial<NewProductRow>;
        if (next.ownerUnitId !== undefined) await ownerInScope(tx, actor, next.ownerUnitId);
        if (['guidanceYear', 'typeCode', ...CODE_LISTS.map(([f]) => f)].some((f) => f in next)) {
          await assertCodes(tx, next.guidanceYear ?? before.guidanceYear, {
            typeCode: next.typeCode ?? before.typeCode,
            themeCodes: next.themeCodes ?? before.themeCodes,
            audienceCodes: next.audienceCodes ?? before.audienceCodes,
            channelCodes: next.channelCodes ?? before.channelCodes,
          });
        }
        // A new version of a ready or published product needs its appraisals to approve it again (ADR 0016).
        const reappraise = before.status === 'ready' || before.status === 'published';
        const saved = await repo.update(tx, id, input.version, {
          ...next,
          currentVersion: before.currentVersion + 1,
          ...(reappraise ? { status: 'in_appraisal', readyAt: null } : {}),
        });
        if (!saved) throw new AppError('conflict.version');
        return detail(tx, actor, await saveVersion(tx, actor, before, id, input.note));
      });
    },

    /** Takes a product out of use; it stays readable with all its versions. */
    async archiveProduct(actor: Actor, id: string, input: TArchiveProductRequest): Promise<TProductDetail> {
      productsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await getVisible(tx, actor, id, true);
        productsPolicy.assertCanEdit(actor, before);
        if (before.status === 'archived') throw new AppError('product.archived');
        if (!(await repo.update(tx, id, input.version, { status: 'archived' }))) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'archive', before, after);
        return detail(tx, actor, after);
      });
    },

    /** What other modules of production (publications, sharing) need of a product, inside their transaction. */
    internal: {
      /** The product as the actor sees it, locked for the rest of `tx`; not-found outside their reach. */
      lockVisible(tx: Tx, actor: Actor, id: string): Promise<ProductRow> {
        return getVisible(tx, actor, id, true);
      },

      /** A ready product's first publication makes it published; later ones, or other states, change nothing. */
      async markPublished(tx: Tx, actor: Actor, id: string): Promise<void> {
        const before = (await repo.findById(tx, id, true))!;
        if (before.status !== 'ready') return;
        if (!(await repo.update(tx, id, before.version, { status: 'published' })))
          throw new AppError('conflict.version');
        await audit(tx, actor, 'publish', before, (await repo.findById(tx, id))!);
      },

      /** Whether the actor may change the product (as `canEdit` of the product they read). */
      canEdit: (actor: Actor, row: ProductRow) => row.status !== 'archived' && productsPolicy.canEdit(actor, row),

      /** The product, locked for the rest of `tx`, if the actor may change it (appraisal requests, ready). */
      lockEditable(tx: Tx, actor: Actor, id: string): Promise<ProductRow> {
        return getEditable(tx, actor, id, true);
      },

      /**
       * Moves a locked product along its appraisal life cycle (draft, in appraisal, ready; `ready_at` set only
       * when ready), audited as `action` on the product; returns it as it now is.
       */
      async setAppraisalStatus(
        tx: Tx,
        actor: Actor,
        before: ProductRow,
        status: 'draft' | 'in_appraisal' | 'ready',
        action: string,
      ): Promise<ProductRow> {
        const readyAt = status === 'ready' ? new Date() : null;
        if (!(await repo.update(tx, before.id, before.version, { status, readyAt })))
          throw new AppError('conflict.version');
        const after = (await repo.findById(tx, before.id))!;
        await audit(tx, actor, action, before, after);
        return after;
      },
    },

    /** Every saved version of a product, newest first. */
    async listVersions(actor: Actor, id: string): Promise<TProductVersion[]> {
      await getVisible(db, actor, id);
      const rows = await repo.listVersions(db, id);
      return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
    },

    async getVersion(actor: Actor, id: string, number: number): Promise<TProductVersionDetail> {
      await getVisible(db, actor, id);
      const [row] = await versionsOf(db, id, [number]);
      return { ...row!, createdAt: row!.createdAt.toISOString() };
    },

    /** How version `from` became version `to` (either may be the older), field by field. */
    async diffVersions(actor: Actor, id: string, from: number, to: number): Promise<TProductDiff> {
      await getVisible(db, actor, id);
      const [a, b] = await versionsOf(db, id, [from, to]);
      return { from, to, fields: diffSnapshots(a!.snapshot, b!.snapshot) };
    },
  };
}
