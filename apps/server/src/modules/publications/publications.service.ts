import type { Readable } from 'node:stream';
import {
  reachOf,
  type TCreatePublicationRequest,
  type TProofKind,
  type TPublication,
  type TPublicationChannel,
  type TPublicationListQuery,
  type TPublicationPage,
  type TStoredFile,
  type TUpdatePublicationRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { toStoredFile, type FilesService, type Upload } from '../files/index.js';
import { publicationProblems } from './publication-rules.js';
import type { NewPublicationRow, PublicationRow, PublicationsRepository } from './publications.repository.js';
import { publicationsPolicy } from './publications.policy.js';

/** What publications need of a product (the products module's row has these and more). */
export interface ProductRef {
  id: string;
  title: string;
  status: string;
  readyAt: Date | null;
  ownerUnitId: string;
  ownerUnitPath: string;
}

export interface ProductAccess {
  /** The product as the actor sees it, locked for the rest of `tx`; not-found outside their reach. */
  lockVisible(tx: Tx, actor: Actor, id: string): Promise<ProductRef>;
  /** A ready product's first publication makes it published (audited by the products module). */
  markPublished(tx: Tx, actor: Actor, id: string): Promise<void>;
}

export interface PublicationsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: PublicationsRepository;
  recordAudit: RecordAudit;
  products: ProductAccess;
  files: Pick<FilesService['internal'], 'storeThen' | 'open' | 'findByIds'>;
  now?: () => Date;
}

const PUBLISHABLE = ['ready', 'published'];

/** The title a proof gets when none is given: its file name without the extension. */
function defaultTitle(fileName: string | undefined): string {
  const name = (fileName ?? '').trim();
  return (name.replace(/\.[^.]+$/, '') || name || 'minh-chung').slice(0, 300);
}

/** What the audit log keeps of a publication. */
const auditOf = (row: PublicationRow) => ({
  productId: row.productId,
  channel: row.channel,
  outlet: row.outlet,
  url: row.url,
  publishedAt: row.publishedAt.toISOString(),
  note: row.note,
});
const summaryOf = (row: PublicationRow) => `${row.productTitle} — ${row.outlet}`.slice(0, 300);

/** Publications as the API shows them: with their proofs and, per metric, the latest reading. */
export async function describePublications(
  deps: Pick<PublicationsDeps, 'repo' | 'files'>,
  tx: Executor,
  actor: Actor,
  rows: PublicationRow[],
): Promise<TPublication[]> {
  const ids = rows.map((r) => r.id);
  const [proofs, readings] = await Promise.all([deps.repo.listProofs(tx, ids), deps.repo.latestReadings(tx, ids)]);
  const stored = await deps.files.findByIds(
    tx,
    proofs.map((p) => p.fileId),
  );
  const fileById = new Map(stored.map((f) => [f.id, f]));
  return rows.map((row) => {
    const own = readings.filter((r) => r.publicationId === row.id);
    return {
      id: row.id,
      product: { id: row.productId, title: row.productTitle },
      unit: { id: row.ownerUnitId, code: row.ownerUnitCode, name: row.ownerUnitName },
      channel: row.channel as TPublicationChannel,
      outlet: row.outlet,
      url: row.url,
      publishedAt: row.publishedAt.toISOString(),
      note: row.note,
      proofs: proofs
        .filter((p) => p.publicationId === row.id && fileById.has(p.fileId))
        .map((p) => ({
          file: toStoredFile(fileById.get(p.fileId)!),
          kind: p.kind as TProofKind,
          title: p.title,
          addedBy: p.adderName,
          addedAt: p.addedAt.toISOString(),
        })),
      reach: reachOf(own),
      readOn: own.reduce<string | null>((day, r) => (day === null || r.readOn > day ? r.readOn : day), null),
      canEdit: row.productStatus !== 'archived' && publicationsPolicy.canEdit(actor, row),
      createdBy: row.creatorName,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

export type PublicationsService = ReturnType<typeof createPublicationsService>;

/**
 * Where and when products went out (issue 4 §4). Only a product that passed appraisal (ready or published) is
 * published, never before it was approved; its first publication makes it published, in the same transaction.
 */
export function createPublicationsService(deps: PublicationsDeps) {
  const { db, runInTransaction, repo, recordAudit, products, files } = deps;
  const now = deps.now ?? (() => new Date());

  /** A publication whose product the actor sees, with the product locked; not-found otherwise. */
  async function lockVisible(tx: Tx, actor: Actor, id: string) {
    const found = await repo.findById(tx, id);
    if (!found) throw notFound('publication');
    const product = await products.lockVisible(tx, actor, found.productId);
    const row = (await repo.findById(tx, id, true))!;
    return { row, product };
  }

  /** A publication the actor may read, without locks; not-found otherwise. */
  async function readable(tx: Executor, actor: Actor, id: string): Promise<PublicationRow> {
    const row = await repo.findById(tx, id);
    if (!row || !publicationsPolicy.canSee(actor, row)) throw notFound('publication');
    return row;
  }

  function assertEditable(actor: Actor, product: ProductRef): void {
    publicationsPolicy.assertCanEdit(actor, product);
    if (product.status === 'archived') throw new AppError('product.archived');
  }

  async function assertValid(tx: Tx, product: ProductRef, values: NewPublicationRow, exceptId: string | null) {
    const problems = publicationProblems(
      { channel: values.channel as TPublicationChannel, url: values.url ?? null, publishedAt: values.publishedAt },
      product.readyAt,
      now(),
    );
    if (values.url && !problems.some((p) => p.field === 'url'))
      if (await repo.urlTaken(tx, product.id, values.url, exceptId))
        problems.push({ field: 'url', code: 'validation.duplicate' });
    if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
  }

  async function one(tx: Executor, actor: Actor, id: string): Promise<TPublication> {
    const [publication] = await describePublications(deps, tx, actor, [(await repo.findById(tx, id))!]);
    return publication!;
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: PublicationRow | null, after: PublicationRow) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'publication',
      entityId: after.id,
      orgUnitId: after.ownerUnitId,
      summary: summaryOf(after),
      before: before ? auditOf(before) : null,
      after: action === 'delete' ? null : auditOf(after),
    });
  }

  return {
    readable,

    /** A page of the publications the actor may read, with the total reach of every match. */
    async list(actor: Actor, query: TPublicationListQuery, all = false): Promise<TPublicationPage> {
      const { rows, total, sums } = await repo.list(db, query, publicationsPolicy.readScopePath(actor), all);
      return { items: await describePublications(deps, db, actor, rows), total, reach: reachOf(sums) };
    },

    async get(actor: Actor, id: string): Promise<TPublication> {
      return one(db, actor, (await readable(db, actor, id)).id);
    },

    /** Records a publication of a ready or published product; a ready product's first one publishes it. */
    async create(actor: Actor, input: TCreatePublicationRequest): Promise<TPublication> {
      publicationsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const product = await products.lockVisible(tx, actor, input.productId);
        assertEditable(actor, product);
        if (!PUBLISHABLE.includes(product.status)) throw fieldError('productId', 'publication.product_not_ready');
        const values: NewPublicationRow = {
          productId: product.id,
          channel: input.channel,
          outlet: input.outlet,
          url: input.url || null,
          publishedAt: new Date(input.publishedAt),
          note: input.note || null,
          orgUnitId: product.ownerUnitId,
          createdBy: actor.userId,
        };
        await assertValid(tx, product, values, null);
        const id = await repo.insert(tx, values);
        await products.markPublished(tx, actor, product.id);
        await audit(tx, actor, 'create', null, (await repo.findById(tx, id))!);
        return one(tx, actor, id);
      });
    },

    /** Changes where or when; only the fields sent, with the version last read. */
    async update(actor: Actor, id: string, input: TUpdatePublicationRequest): Promise<TPublication> {
      publicationsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const { row, product } = await lockVisible(tx, actor, id);
        assertEditable(actor, product);
        if (row.version !== input.version) throw new AppError('conflict.version');
        const values: NewPublicationRow = {
          productId: row.productId,
          channel: input.channel ?? row.channel,
          outlet: input.outlet ?? row.outlet,
          url: input.url === undefined ? row.url : input.url || null,
          publishedAt: input.publishedAt ? new Date(input.publishedAt) : row.publishedAt,
          note: input.note === undefined ? row.note : input.note || null,
          orgUnitId: product.ownerUnitId,
        };
        await assertValid(tx, product, values, id);
        if (!(await repo.update(tx, id, input.version, values))) throw new AppError('conflict.version');
        await audit(tx, actor, 'update', row, (await repo.findById(tx, id))!);
        return one(tx, actor, id);
      });
    },

    /** Deletes a publication recorded by mistake, with its proofs' links and figures (the files stay). */
    async remove(actor: Actor, id: string, version: number): Promise<void> {
      publicationsPolicy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const { row, product } = await lockVisible(tx, actor, id);
        assertEditable(actor, product);
        if (row.version !== version) throw new AppError('conflict.version');
        await repo.delete(tx, id);
        await audit(tx, actor, 'delete', row, row);
      });
    },

    /** Uploads a proof and links it in one transaction with its audit; nothing remains if a check fails. */
    async addProof(actor: Actor, id: string, upload: Upload, kind: TProofKind, title?: string): Promise<TPublication> {
      publicationsPolicy.assertCanWrite(actor);
      // Checked before the upload is stored, and again under the lock.
      const owner = await runInTransaction(async (tx) => {
        const { product } = await lockVisible(tx, actor, id);
        assertEditable(actor, product);
        return product.ownerUnitId;
      });
      return files.storeThen(actor, upload, owner, async (tx, file) => {
        const { row, product } = await lockVisible(tx, actor, id);
        assertEditable(actor, product);
        const proofTitle = title?.trim() || defaultTitle(file.name);
        await repo.insertProof(tx, {
          publicationId: id,
          fileId: file.id,
          kind,
          title: proofTitle,
          addedBy: actor.userId,
        });
        await recordAudit(tx, actor, {
          action: 'attach',
          entityType: 'publication',
          entityId: id,
          orgUnitId: row.ownerUnitId,
          summary: `${summaryOf(row)}: ${proofTitle} (${file.name})`.slice(0, 300),
          after: { fileId: file.id, kind, title: proofTitle, name: file.name, sha256: file.sha256 },
        });
        return one(tx, actor, id);
      });
    },

    /** Takes a proof off the publication; the file itself stays, as its upload was audited. */
    async removeProof(actor: Actor, id: string, fileId: string): Promise<void> {
      publicationsPolicy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const { row, product } = await lockVisible(tx, actor, id);
        assertEditable(actor, product);
        const proof = (await repo.listProofs(tx, [id])).find((p) => p.fileId === fileId);
        if (!proof || !(await repo.deleteProof(tx, id, fileId))) throw notFound('publication_proof');
        await recordAudit(tx, actor, {
          action: 'detach',
          entityType: 'publication',
          entityId: id,
          orgUnitId: row.ownerUnitId,
          summary: `${summaryOf(row)}: ${proof.title}`.slice(0, 300),
          before: { fileId, kind: proof.kind, title: proof.title },
        });
      });
    },

    /** The content of a proof, for anyone who sees the product. */
    async openProof(actor: Actor, id: string, fileId: string): Promise<{ file: TStoredFile; content: Readable }> {
      await readable(db, actor, id);
      if (!(await repo.listProofs(db, [id])).some((p) => p.fileId === fileId)) throw notFound('publication_proof');
      return files.open(db, fileId);
    },
  };
}
