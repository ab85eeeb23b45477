import type { Readable } from 'node:stream';
import {
  APPRAISAL_VERDICT_LABELS,
  WORKING_ROLES,
  type TAppraisal,
  type TGiveOpinionRequest,
  type TProductAppraisals,
  type TProductStatus,
  type TRequestAppraisalRequest,
  type TStoredFile,
} from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound, type FieldError } from '../../platform/errors.js';
import { toStoredFile, type FilesService } from '../files/index.js';
import type { NotifyInput } from '../notifications/index.js';
import type { UnitLookup } from '../org-units/index.js';
import type { ProductRow, ProductsService } from '../products/index.js';
import { suggestAppraisers } from './appraisal-suggestions.js';
import { appraisalState, isOverdue, readiness, vnDay } from './appraisal-state.js';
import { productAppraisalLink } from './appraisal-queue.service.js';
import type { AppraisalRow, AppraisalsRepository } from './appraisals.repository.js';
import { appraisalsPolicy } from './appraisals.policy.js';

export interface AppraisalsDeps {
  runInTransaction: RunInTransaction;
  repo: AppraisalsRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
  products: Pick<ProductsService['internal'], 'lockVisible' | 'lockEditable' | 'setAppraisalStatus' | 'canEdit'>;
  files: Pick<FilesService['internal'], 'findByIds' | 'open'>;
  notify: (tx: Tx, actor: Actor, input: NotifyInput) => Promise<number>;
  /** The clock (tests move it); defaults to now. */
  now?: () => Date;
}

export type AppraisalsService = ReturnType<typeof createAppraisalsService>;

export function createAppraisalsService(deps: AppraisalsDeps) {
  const { runInTransaction, repo, recordAudit, products, files, notify } = deps;
  const today = () => vnDay(deps.now?.() ?? new Date());

  /** The requests of a product with their derived states and opinions, as the actor sees them. */
  async function appraisalsOf(tx: Executor, actor: Actor, product: ProductRow): Promise<TAppraisal[]> {
    const rows = await repo.listForProduct(tx, product.id);
    const opinions = await repo.opinionsFor(
      tx,
      rows.map((r) => r.id),
    );
    const links = await repo.opinionFiles(
      tx,
      opinions.map((o) => o.id),
    );
    const stored = new Map(
      (
        await files.findByIds(
          tx,
          links.map((l) => l.fileId),
        )
      ).map((f) => [f.id, toStoredFile(f)]),
    );
    const day = today();
    const canEdit = products.canEdit(actor, product);
    const list = rows.map((row): TAppraisal => {
      const own = opinions.filter((o) => o.appraisalId === row.id);
      const state = appraisalState(row, own, product.currentVersion);
      return {
        id: row.id,
        productId: row.productId,
        unit: { id: row.unitId, code: row.unitCode, name: row.unitName },
        note: row.note,
        requestedBy: row.requestedByName,
        requestedAt: row.requestedAt.toISOString(),
        dueOn: row.dueOn,
        withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
        state,
        overdue: isOverdue(state, row.dueOn, day),
        canGiveOpinion:
          state !== 'withdrawn' && product.status !== 'archived' && appraisalsPolicy.isOfficerOf(actor, row.unitId),
        canWithdraw: state !== 'withdrawn' && canEdit,
        opinions: own.reverse().map((o) => ({
          id: o.id,
          productVersion: o.productVersion,
          verdict: o.verdict,
          comments: o.comments,
          signer: { id: o.signedBy, name: o.signerName },
          signedAt: o.signedAt.toISOString(),
          files: links.flatMap((l) => (l.opinionId === o.id && stored.has(l.fileId) ? [stored.get(l.fileId)!] : [])),
        })),
      };
    });
    // Active requests first, each group newest first (the repository's order).
    return [...list.filter((a) => a.state !== 'withdrawn'), ...list.filter((a) => a.state === 'withdrawn')];
  }

  async function overview(tx: Executor, actor: Actor, product: ProductRow): Promise<TProductAppraisals> {
    const appraisals = await appraisalsOf(tx, actor, product);
    const { ready, missing } = readiness(appraisals);
    const canRequest = products.canEdit(actor, product);
    const central = await repo.centralUnits(tx);
    const asked = new Set(appraisals.filter((a) => a.state !== 'withdrawn').map((a) => a.unit.code));
    const suggested = suggestAppraisers(product.themeCodes, new Set(central.map((u) => u.code)), asked);
    return {
      productId: product.id,
      status: product.status as TProductStatus,
      currentVersion: product.currentVersion,
      readyAt: product.readyAt?.toISOString() ?? null,
      appraisals,
      readyable: ready,
      missingUnits: missing.map((a) => a.unit),
      canRequest,
      suggestedUnits: suggested.map((code) => central.find((u) => u.code === code)!),
      centralUnits: canRequest ? central : [],
    };
  }

  async function audit(tx: Tx, actor: Actor, action: string, product: ProductRow, row: AppraisalRow, after: object) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'product_appraisal',
      entityId: row.id,
      orgUnitId: product.ownerUnitId,
      summary: `${product.title} — ${row.unitCode} (v${product.currentVersion})`.slice(0, 300),
      after: { productId: product.id, unitId: row.unitId, unitCode: row.unitCode, ...after },
    });
  }

  /** The request `appraisalId` of the product, or not-found. */
  async function appraisalOf(tx: Executor, productId: string, appraisalId: string): Promise<AppraisalRow> {
    const row = await repo.findById(tx, productId, appraisalId);
    if (!row) throw notFound('product_appraisal');
    return row;
  }

  /** Files the officer uploaded into their own scope; any other is a problem of its field. */
  async function assertOwnFiles(tx: Executor, actor: Actor, fileIds: string[]): Promise<void> {
    const found = new Map((await files.findByIds(tx, fileIds)).map((f) => [f.id, f]));
    const problems: FieldError[] = [];
    fileIds.forEach((id, index) => {
      const file = found.get(id);
      if (!file || !inScope(actor, file.orgUnitPath))
        problems.push({ field: `fileIds.${index}`, code: 'validation.invalid_value' });
    });
    if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
  }

  return {
    /** A product's requests, their states and opinions, whether it may be marked ready, and suggested units. */
    async getForProduct(actor: Actor, productId: string): Promise<TProductAppraisals> {
      return runInTransaction(async (tx) => overview(tx, actor, await products.lockVisible(tx, actor, productId)));
    },

    /**
     * The owner asks central units for their opinion, due on `dueOn`. The first request moves a draft into
     * appraisal; a new unit asked about a ready product takes it back into appraisal. Each unit is notified.
     */
    async request(actor: Actor, productId: string, input: TRequestAppraisalRequest): Promise<TProductAppraisals> {
      if (input.dueOn < today()) throw fieldError('dueOn', 'validation.due_in_past');
      return runInTransaction(async (tx) => {
        let product = await products.lockEditable(tx, actor, productId);
        const active = (await repo.listForProduct(tx, productId)).filter((r) => !r.withdrawnAt);
        const problems: FieldError[] = [];
        const units = await Promise.all(input.unitIds.map((id) => deps.units.findById(tx, id)));
        units.forEach((unit, index) => {
          if (!unit || unit.kind !== 'central_unit')
            problems.push({ field: `unitIds.${index}`, code: 'validation.not_central_unit' });
          else if (active.some((r) => r.unitId === unit.id))
            problems.push({
              field: `unitIds.${index}`,
              code: 'validation.appraisal_requested',
              params: { name: unit.name },
            });
        });
        if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
        for (const unit of units) {
          const id = await repo.insert(tx, {
            productId,
            unitId: unit!.id,
            note: input.note || null,
            requestedBy: actor.userId,
            requestedByName: actor.fullName,
            dueOn: input.dueOn,
          });
          const row = (await repo.findById(tx, productId, id))!;
          await audit(tx, actor, 'request_appraisal', product, row, { dueOn: input.dueOn, note: row.note });
          await notify(tx, actor, {
            recipients: { orgUnitIds: [unit!.id] },
            kind: 'assignment',
            title: {
              vi: `Đề nghị thẩm định: ${product.title}`,
              en: `Appraisal requested: ${product.title}`,
            },
            body: {
              vi: `${product.ownerUnitName} đề nghị ${unit!.name} cho ý kiến thẩm định trước ngày ${input.dueOn}.`,
              en: `${product.ownerUnitName} asks ${unit!.name} for its appraisal by ${input.dueOn}.`,
            },
            link: productAppraisalLink(productId),
            entityType: 'product_appraisal',
            entityId: id,
          });
        }
        if (product.status === 'draft' || product.status === 'ready')
          product = await products.setAppraisalStatus(tx, actor, product, 'in_appraisal', 'change_status');
        return overview(tx, actor, product);
      });
    },

    /** The owner withdraws a request; a product left with none goes back to draft. */
    async withdraw(actor: Actor, productId: string, appraisalId: string): Promise<TProductAppraisals> {
      return runInTransaction(async (tx) => {
        let product = await products.lockEditable(tx, actor, productId);
        const row = await appraisalOf(tx, productId, appraisalId);
        if (row.withdrawnAt) throw new AppError('appraisal.withdrawn');
        await repo.withdraw(tx, row.id, actor.userId);
        await audit(tx, actor, 'withdraw', product, row, { withdrawn: true });
        const left = (await repo.listForProduct(tx, productId)).filter((r) => !r.withdrawnAt);
        if (left.length === 0 && (product.status === 'in_appraisal' || product.status === 'ready'))
          product = await products.setAppraisalStatus(tx, actor, product, 'draft', 'change_status');
        return overview(tx, actor, product);
      });
    },

    /**
     * An officer of the asked unit signs its opinion on the product's current version, with the files they
     * uploaded. Anything but a plain approval of a ready product takes it back into appraisal.
     */
    async giveOpinion(
      actor: Actor,
      productId: string,
      appraisalId: string,
      input: TGiveOpinionRequest,
    ): Promise<TProductAppraisals> {
      return runInTransaction(async (tx) => {
        const asked = await appraisalOf(tx, productId, appraisalId);
        appraisalsPolicy.assertCanSign(actor, asked.unitId);
        if (asked.withdrawnAt) throw new AppError('appraisal.withdrawn');
        let product = await products.lockVisible(tx, actor, productId);
        if (product.status === 'archived') throw new AppError('product.archived');
        // Read again under the product's lock: a withdrawal may have just committed.
        const row = await appraisalOf(tx, productId, appraisalId);
        if (row.withdrawnAt) throw new AppError('appraisal.withdrawn');
        await assertOwnFiles(tx, actor, input.fileIds);
        const opinionId = await repo.insertOpinion(
          tx,
          {
            appraisalId: row.id,
            productVersion: product.currentVersion,
            verdict: input.verdict,
            comments: input.comments,
            signedBy: actor.userId,
            signerName: actor.fullName,
          },
          input.fileIds,
        );
        await audit(tx, actor, 'give_opinion', product, row, {
          opinionId,
          productVersion: product.currentVersion,
          verdict: input.verdict,
          comments: input.comments,
          fileIds: input.fileIds,
        });
        const verdict = APPRAISAL_VERDICT_LABELS[input.verdict];
        await notify(tx, actor, {
          recipients: {
            userIds: row.requestedBy ? [row.requestedBy] : [],
            orgUnitIds: [product.ownerUnitId],
            roles: WORKING_ROLES,
          },
          kind: 'status_change',
          title: {
            vi: `${row.unitName} cho ý kiến "${verdict.vi}": ${product.title}`,
            en: `${row.unitName}: "${verdict.en}" — ${product.title}`,
          },
          ...(input.comments ? { body: { vi: input.comments, en: input.comments } } : {}),
          link: productAppraisalLink(productId),
          entityType: 'product_appraisal',
          entityId: row.id,
        });
        if (product.status === 'ready' && input.verdict !== 'approve')
          product = await products.setAppraisalStatus(tx, actor, product, 'in_appraisal', 'change_status');
        return overview(tx, actor, product);
      });
    },

    /** The owner marks the product ready to publish: only when every active request approves its current version. */
    async markReady(actor: Actor, productId: string): Promise<TProductAppraisals> {
      return runInTransaction(async (tx) => {
        let product = await products.lockEditable(tx, actor, productId);
        if (product.status === 'ready' || product.status === 'published') return overview(tx, actor, product);
        const current = await overview(tx, actor, product);
        if (!current.readyable) {
          const missing = current.missingUnits;
          throw new AppError(
            missing.length === 0 ? 'appraisal.none_requested' : 'appraisal.not_approved',
            { units: missing.map((u) => u.name).join(', ') },
            current.appraisals
              .filter((a) => a.state !== 'withdrawn' && a.state !== 'approved')
              .map((a) => ({
                field: `appraisals.${a.unit.code}`,
                code: 'validation.appraisal_not_approved',
                params: { unit: a.unit.name },
              })),
          );
        }
        product = await products.setAppraisalStatus(tx, actor, product, 'ready', 'mark_ready');
        return overview(tx, actor, product);
      });
    },

    /** A file of an opinion, for anyone who reads the product. */
    async openOpinionFile(
      actor: Actor,
      productId: string,
      appraisalId: string,
      fileId: string,
    ): Promise<{ file: TStoredFile; content: Readable }> {
      return runInTransaction(async (tx) => {
        await products.lockVisible(tx, actor, productId);
        await appraisalOf(tx, productId, appraisalId);
        if (!(await repo.hasOpinionFile(tx, appraisalId, fileId))) throw notFound('file');
        return files.open(tx, fileId);
      });
    },
  };
}
