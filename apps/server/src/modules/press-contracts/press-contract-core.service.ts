import {
  type TBudgetCategory,
  type TContractStatus,
  type TCreateExpenditureRequest,
  type TDeliverableKind,
  type TPressContract,
  type TPressContractSummary,
  type TOutletKind,
  type TStoredFile,
} from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { toStoredFile, type FilesService } from '../files/index.js';
import { pressContractsPolicy as policy } from './press-contracts.policy.js';
import type { ContractRow, PressContractsRepository } from './press-contracts.repository.js';

/** What the contracts need from the budget ledger (modules/budget `BudgetLedger`). */
export interface ContractLedger {
  commit(
    tx: Executor,
    actor: Actor,
    input: {
      contractId: string;
      unitId: string;
      year: number;
      category: TBudgetCategory;
      amount: number;
      note: string;
    },
  ): Promise<void>;
  openCommitment(tx: Executor, contractId: string): Promise<number>;
  recordExpenditure(tx: Executor, actor: Actor, input: TCreateExpenditureRequest): Promise<{ id: string }>;
  paidOnContract(tx: Executor, contractId: string): Promise<number>;
}

export interface PressContractsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: PressContractsRepository;
  recordAudit: RecordAudit;
  ledger: ContractLedger;
  files: Pick<FilesService['internal'], 'open' | 'findByIds'>;
}

export const CONTRACT_CATEGORY: TBudgetCategory = 'press_contract';

export function toSummary(row: ContractRow, paid: number): TPressContractSummary {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    outlet: { id: row.outletId, name: row.outletName, kind: row.outletKind as TOutletKind },
    unit: { id: row.orgUnitId, code: row.unitCode, name: row.unitName },
    value: row.value,
    year: row.fiscalYear,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    themes: row.themes,
    status: row.status as TContractStatus,
    paid,
    signedOn: row.signedOn,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function snapshot(
  row: Pick<ContractRow, 'number' | 'title' | 'outletId' | 'orgUnitId' | 'value'> & {
    fiscalYear: number;
    periodFrom: string;
    periodTo: string;
    themes: string[];
    status: string;
  },
) {
  return {
    number: row.number,
    title: row.title,
    outletId: row.outletId,
    orgUnitId: row.orgUnitId,
    value: row.value,
    year: row.fiscalYear,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    themes: row.themes,
    status: row.status,
  };
}

/** The checks and the full view every contract service shares. */
export function contractsCore(deps: PressContractsDeps) {
  const { repo, recordAudit, ledger, files } = deps;

  async function readable(tx: Executor, actor: Actor, id: string, lock = false): Promise<ContractRow> {
    const row = await repo.find(tx, id, lock);
    if (!row || !policy.canRead(actor, row)) throw notFound('press_contract');
    return row;
  }

  /** A contract the actor may change, locked, in one of `statuses`. */
  async function editable(tx: Executor, actor: Actor, id: string, statuses: TContractStatus[]): Promise<ContractRow> {
    const row = await readable(tx, actor, id, true);
    policy.assertCanEdit(actor, row);
    if (!statuses.includes(row.status as TContractStatus))
      throw new AppError('press_contract.invalid_transition', { status: row.status });
    return row;
  }

  async function audit(
    tx: Tx,
    actor: Actor,
    action: string,
    row: ContractRow,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
    entity: { type: string; id: string } = { type: 'press_contract', id: row.id },
  ) {
    await recordAudit(tx, actor, {
      action,
      entityType: entity.type,
      entityId: entity.id,
      orgUnitId: row.orgUnitId,
      summary: `${row.number} — ${row.title}`.slice(0, 300),
      before,
      after,
    });
  }

  async function view(tx: Executor, actor: Actor, row: ContractRow): Promise<TPressContract> {
    const [deliverables, links, acceptances, payments, attached, paid, committed] = await Promise.all([
      repo.deliverables(tx, row.id),
      repo.links(tx, row.id),
      repo.acceptances(tx, row.id),
      repo.payments(tx, row.id),
      repo.files(tx, row.id),
      ledger.paidOnContract(tx, row.id),
      ledger.openCommitment(tx, row.id),
    ]);
    const fileIds = [
      ...attached.map((f) => f.fileId),
      ...acceptances.flatMap((a) => (a.minutesFileId ? [a.minutesFileId] : [])),
    ];
    const stored = new Map<string, TStoredFile>(
      (await files.findByIds(tx, fileIds)).map((f) => [f.id, toStoredFile(f)]),
    );
    return {
      ...toSummary(row, paid),
      note: row.note,
      terminationReason: row.terminationReason,
      committed,
      deliverables: deliverables.map((d) => ({
        id: d.id,
        kind: d.kind as TDeliverableKind,
        theme: d.theme,
        description: d.description,
        planned: d.planned,
        delivered: d.delivered,
        accepted: d.accepted,
      })),
      publications: links.map((l) => ({
        id: l.id,
        deliverableId: l.deliverableId,
        publication: {
          id: l.publicationId,
          outlet: l.outlet,
          channel: l.channel,
          url: l.url,
          publishedAt: l.publishedAt.toISOString(),
          productId: l.productId,
          productTitle: l.productTitle,
        },
        quantity: l.quantity,
        accepted: l.acceptedIn !== null,
        linkedBy: { id: l.linkedBy, name: l.linkedByName },
        linkedAt: l.linkedAt.toISOString(),
      })),
      acceptances: acceptances.map((a) => ({
        id: a.id,
        acceptedOn: a.acceptedOn,
        note: a.note,
        overDeliveryReason: a.overDeliveryReason,
        lines: a.lines.map((l) => ({ deliverableId: l.deliverableId, quantity: l.quantity })),
        minutesFile: a.minutesFileId ? (stored.get(a.minutesFileId) ?? null) : null,
        createdBy: { id: a.createdBy, name: a.createdByName },
        createdAt: a.createdAt.toISOString(),
      })),
      payments: payments.map((p) => ({
        id: p.id,
        expenditureId: p.expenditureId,
        amount: p.amount,
        paidOn: p.paidOn,
        voucherNo: p.voucherNo,
        description: p.description,
        overValueReason: p.overValueReason,
        createdBy: { id: p.createdBy, name: p.createdByName },
        createdAt: p.createdAt.toISOString(),
      })),
      attachments: attached.flatMap((f) => {
        const file = stored.get(f.fileId);
        return file
          ? [{ file, addedBy: { id: f.addedBy, name: f.addedByName }, addedAt: f.addedAt.toISOString() }]
          : [];
      }),
      createdBy: { id: row.createdBy, name: row.createdByName },
      createdAt: row.createdAt.toISOString(),
      canEdit: policy.canEdit(actor, row),
    };
  }

  /** A file uploaded through /api/files that the actor may attach (its unit in the actor's scope). */
  async function assertOwnFile(tx: Executor, actor: Actor, field: string, fileId: string) {
    const [file] = await files.findByIds(tx, [fileId]);
    if (!file || !inScope(actor, file.orgUnitPath)) throw fieldError(field, 'validation.invalid_value');
  }

  return { readable, editable, audit, view, assertOwnFile };
}
