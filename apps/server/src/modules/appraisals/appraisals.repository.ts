import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TAppraisalVerdict } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { appraisalOpinionFiles, appraisalOpinions, productAppraisals } from './appraisals.table.js';

export type UnitRef = {
  id: string;
  code: string;
  name: string;
};

export type AppraisalRow = {
  id: string;
  productId: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  note: string | null;
  requestedBy: string | null;
  requestedByName: string;
  requestedAt: Date;
  dueOn: string;
  withdrawnAt: Date | null;
};

export type OpinionRow = {
  id: string;
  appraisalId: string;
  productVersion: number;
  verdict: TAppraisalVerdict;
  comments: string;
  signedBy: string | null;
  signerName: string;
  signedAt: Date;
};

/** An active request with its product and latest opinion, as queues and reminders need it. */
export type QueueRow = AppraisalRow & {
  productTitle: string;
  productStatus: string;
  currentVersion: number;
  ownerUnitId: string;
  ownerUnitCode: string;
  ownerUnitName: string;
  lastVersion: number | null;
  lastVerdict: TAppraisalVerdict | null;
  lastSignedAt: Date | null;
};

const columns = {
  id: productAppraisals.id,
  productId: productAppraisals.productId,
  unitId: productAppraisals.unitId,
  unitCode: sql<string>`(SELECT code FROM org_units u WHERE u.id = product_appraisals.unit_id)`,
  unitName: sql<string>`(SELECT name FROM org_units u WHERE u.id = product_appraisals.unit_id)`,
  note: productAppraisals.note,
  requestedBy: productAppraisals.requestedBy,
  requestedByName: productAppraisals.requestedByName,
  requestedAt: productAppraisals.requestedAt,
  dueOn: productAppraisals.dueOn,
  withdrawnAt: productAppraisals.withdrawnAt,
};

const opinionColumns = {
  id: appraisalOpinions.id,
  appraisalId: appraisalOpinions.appraisalId,
  productVersion: appraisalOpinions.productVersion,
  verdict: sql<TAppraisalVerdict>`${appraisalOpinions.verdict}`,
  comments: appraisalOpinions.comments,
  signedBy: appraisalOpinions.signedBy,
  signerName: appraisalOpinions.signerName,
  signedAt: appraisalOpinions.signedAt,
};

/** Active requests joined with their product, owner unit and latest opinion; `where` narrows them. */
async function queueQuery(tx: Executor, where: ReturnType<typeof sql>): Promise<QueueRow[]> {
  const { rows } = await tx.execute<QueueRow>(sql`
    SELECT a.id, a.product_id AS "productId", a.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName",
           a.note, a.requested_by AS "requestedBy", a.requested_by_name AS "requestedByName", a.requested_at AS "requestedAt", a.due_on AS "dueOn",
           a.withdrawn_at AS "withdrawnAt", p.title AS "productTitle", p.status AS "productStatus",
           p.current_version AS "currentVersion", p.owner_unit_id AS "ownerUnitId", o.code AS "ownerUnitCode",
           o.name AS "ownerUnitName", l.product_version AS "lastVersion", l.verdict AS "lastVerdict",
           l.signed_at AS "lastSignedAt"
    FROM product_appraisals a
    JOIN products p ON p.id = a.product_id
    JOIN org_units u ON u.id = a.unit_id
    JOIN org_units o ON o.id = p.owner_unit_id
    LEFT JOIN LATERAL (
      SELECT product_version, verdict, signed_at FROM appraisal_opinions
      WHERE appraisal_id = a.id ORDER BY signed_at DESC LIMIT 1
    ) l ON true
    WHERE a.withdrawn_at IS NULL AND p.status <> 'archived' AND ${where}
    ORDER BY a.due_on, a.requested_at, a.id`);
  // Raw queries return timestamps as text.
  const at = (value: Date | string | null) => (value === null ? null : new Date(value));
  return rows.map((row) => ({
    ...row,
    requestedAt: at(row.requestedAt)!,
    withdrawnAt: at(row.withdrawnAt),
    lastSignedAt: at(row.lastSignedAt),
  }));
}

export const appraisalsRepository = {
  /** Every request of a product, newest first. */
  async listForProduct(tx: Executor, productId: string): Promise<AppraisalRow[]> {
    return tx
      .select(columns)
      .from(productAppraisals)
      .where(eq(productAppraisals.productId, productId))
      .orderBy(sql`${productAppraisals.requestedAt} DESC`, asc(productAppraisals.id));
  },

  async findById(tx: Executor, productId: string, id: string): Promise<AppraisalRow | null> {
    const [row] = await tx
      .select(columns)
      .from(productAppraisals)
      .where(and(eq(productAppraisals.id, id), eq(productAppraisals.productId, productId)));
    return row ?? null;
  },

  /** Whether the actor's unit has an active request on the product (it may then read the product). */
  async isAskedUnit(tx: Executor, productId: string, unitId: string): Promise<boolean> {
    const rows = await tx
      .select({ id: productAppraisals.id })
      .from(productAppraisals)
      .where(
        and(
          eq(productAppraisals.productId, productId),
          eq(productAppraisals.unitId, unitId),
          isNull(productAppraisals.withdrawnAt),
        ),
      );
    return rows.length > 0;
  },

  async insert(
    tx: Executor,
    values: {
      productId: string;
      unitId: string;
      note: string | null;
      requestedBy: string | null;
      requestedByName: string;
      dueOn: string;
    },
  ): Promise<string> {
    const [row] = await tx.insert(productAppraisals).values(values).returning({ id: productAppraisals.id });
    return row!.id;
  },

  async withdraw(tx: Executor, id: string, userId: string | null): Promise<void> {
    await tx
      .update(productAppraisals)
      .set({ withdrawnAt: sql`now()`, withdrawnBy: userId })
      .where(and(eq(productAppraisals.id, id), isNull(productAppraisals.withdrawnAt)));
  },

  /** The opinions of these requests, oldest first. */
  async opinionsFor(tx: Executor, appraisalIds: string[]): Promise<OpinionRow[]> {
    if (appraisalIds.length === 0) return [];
    return tx
      .select(opinionColumns)
      .from(appraisalOpinions)
      .where(inArray(appraisalOpinions.appraisalId, appraisalIds))
      .orderBy(asc(appraisalOpinions.signedAt), asc(appraisalOpinions.id));
  },

  async insertOpinion(tx: Executor, values: Omit<OpinionRow, 'id' | 'signedAt'>, fileIds: string[]): Promise<string> {
    const [row] = await tx.insert(appraisalOpinions).values(values).returning({ id: appraisalOpinions.id });
    if (fileIds.length > 0) {
      await tx
        .insert(appraisalOpinionFiles)
        .values(fileIds.map((fileId, index) => ({ opinionId: row!.id, fileId, sortOrder: index + 1 })));
    }
    return row!.id;
  },

  /** The files of these opinions in their order. */
  async opinionFiles(tx: Executor, opinionIds: string[]): Promise<{ opinionId: string; fileId: string }[]> {
    if (opinionIds.length === 0) return [];
    return tx
      .select({ opinionId: appraisalOpinionFiles.opinionId, fileId: appraisalOpinionFiles.fileId })
      .from(appraisalOpinionFiles)
      .where(inArray(appraisalOpinionFiles.opinionId, opinionIds))
      .orderBy(asc(appraisalOpinionFiles.sortOrder));
  },

  /** Whether `fileId` is attached to an opinion of request `appraisalId`. */
  async hasOpinionFile(tx: Executor, appraisalId: string, fileId: string): Promise<boolean> {
    const rows = await tx
      .select({ fileId: appraisalOpinionFiles.fileId })
      .from(appraisalOpinionFiles)
      .innerJoin(appraisalOpinions, eq(appraisalOpinions.id, appraisalOpinionFiles.opinionId))
      .where(and(eq(appraisalOpinions.appraisalId, appraisalId), eq(appraisalOpinionFiles.fileId, fileId)));
    return rows.length > 0;
  },

  /** The central units of the org tree in use today. */
  async centralUnits(tx: Executor): Promise<UnitRef[]> {
    const { rows } = await tx.execute<UnitRef>(sql`
      SELECT id, code, name FROM org_units
      WHERE kind = 'central_unit' AND (active_to IS NULL OR active_to >= current_date)
      ORDER BY code`);
    return rows;
  },

  /** A unit's active requests on products in use, matching `q` (product title, summary, authors). */
  async queueOf(tx: Executor, unitId: string, q: string | undefined): Promise<QueueRow[]> {
    const search = matchesSearch(q, sql`p.search_text`) ?? sql`true`;
    return queueQuery(tx, sql`a.unit_id = ${unitId} AND ${search}`);
  },

  /** Active requests due between the two days (inclusive), for the reminders. */
  async dueBetween(tx: Executor, from: string, to: string): Promise<QueueRow[]> {
    return queueQuery(tx, sql`a.due_on BETWEEN ${from}::date AND ${to}::date`);
  },
};

export type AppraisalsRepository = typeof appraisalsRepository;
