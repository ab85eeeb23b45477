import {
  formatDong,
  linesBeyondDelivered,
  paysBeyondValue,
  type TCreateAcceptanceRequest,
  type TCreateContractPaymentRequest,
  type TCreateDeliverableRequest,
  type TLinkPublicationRequest,
  type TPressContract,
  type TUpdateDeliverableRequest,
} from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound, type FieldError } from '../../platform/errors.js';
import { pressContractsPolicy as policy } from './press-contracts.policy.js';
import type { ContractRow } from './press-contracts.repository.js';
import { CONTRACT_CATEGORY, contractsCore, type PressContractsDeps } from './press-contract-core.service.js';

export type PressContractDeliveryService = ReturnType<typeof createPressContractDeliveryService>;

/**
 * What a contract delivers and what is paid for it: deliverables (while draft or signed), publications counted
 * towards them, acceptances (nghiệm thu) and payments recorded as budget expenditures. Every write locks the
 * contract row first, so concurrent acceptances and payments see each other's totals.
 */
export function createPressContractDeliveryService(deps: PressContractsDeps) {
  const { runInTransaction, repo, ledger } = deps;
  const { editable, audit, view, assertOwnFile } = contractsCore(deps);

  async function themeChecked(tx: Executor, row: ContractRow, theme: string | null | undefined) {
    if (!theme) return null;
    const codes = await repo.themeCodes(tx, row.fiscalYear);
    if (!codes?.has(theme)) throw fieldError('theme', 'validation.invalid_value');
    return theme;
  }

  async function deliverableOf(tx: Executor, row: ContractRow, deliverableId: string, field = 'deliverableId') {
    const found = (await repo.deliverables(tx, row.id)).find((d) => d.id === deliverableId);
    if (!found) throw fieldError(field, 'validation.invalid_value');
    return found;
  }

  const deliverableEntity = (id: string) => ({ type: 'press_contract_deliverable', id });

  return {
    async addDeliverable(actor: Actor, id: string, input: TCreateDeliverableRequest): Promise<TPressContract> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, ['draft', 'signed']);
        const values = {
          contractId: id,
          kind: input.kind,
          theme: await themeChecked(tx, row, input.theme),
          description: input.description || null,
          planned: input.planned,
        };
        const deliverableId = await repo.insertDeliverable(tx, values);
        await repo.touch(tx, id);
        await audit(tx, actor, 'create', row, null, values, deliverableEntity(deliverableId));
        return view(tx, actor, (await repo.find(tx, id))!);
      });
    },

    async updateDeliverable(
      actor: Actor,
      id: string,
      deliverableId: string,
      input: TUpdateDeliverableRequest,
    ): Promise<TPressContract> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, ['draft', 'signed']);
        const before = (await repo.deliverables(tx, id)).find((d) => d.id === deliverableId);
        if (!before) throw notFound('press_contract_deliverable');
        const values = {
          kind: input.kind ?? before.kind,
          theme: input.theme !== undefined ? await themeChecked(tx, row, input.theme) : before.theme,
          description: input.description !== undefined ? input.description || null : before.description,
          planned: input.planned ?? before.planned,
        };
        await repo.updateDeliverable(tx, deliverableId, values);
        await repo.touch(tx, id);
        const { kind, theme, description, planned } = before;
        await audit(
          tx,
          actor,
          'update',
          row,
          { kind, theme, description, planned },
          values,
          deliverableEntity(deliverableId),
        );
        return view(tx, actor, (await repo.find(tx, id))!);
      });
    },

    /** Removes a deliverable nothing counts towards yet. */
    async removeDeliverable(actor: Actor, id: string, deliverableId: string): Promise<void> {
      policy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, ['draft', 'signed']);
        const before = (await repo.deliverables(tx, id)).find((d) => d.id === deliverableId);
        if (!before) throw notFound('press_contract_deliverable');
        if (await repo.deliverableInUse(tx, deliverableId)) throw new AppError('press_contract.deliverable_in_use');
        await repo.deleteDeliverable(tx, deliverableId);
        await repo.touch(tx, id);
        const { kind, theme, planned } = before;
        await audit(tx, actor, 'delete', row, { kind, theme, planned }, null, deliverableEntity(deliverableId));
      });
    },

    /** Counts a publication of the actor's scope, made within the period, towards a deliverable (once per contract). */
    async link(actor: Actor, id: string, input: TLinkPublicationRequest): Promise<TPressContract> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, ['signed']);
        await deliverableOf(tx, row, input.deliverableId);
        const publication = await repo.publicationFacts(tx, input.publicationId);
        if (!publication || !inScope(actor, publication.orgUnitPath))
          throw fieldError('publicationId', 'validation.invalid_value');
        if (publication.publishedOn < row.periodFrom || publication.publishedOn > row.periodTo)
          throw fieldError('publicationId', 'press_contract.publication_outside_period', {
            from: row.periodFrom,
            to: row.periodTo,
          });
        const duplicate = () =>
          new AppError('conflict.duplicate', { value: input.publicationId }, [
            { field: 'publicationId', code: 'press_contract.publication_linked' },
          ]);
        if (await repo.linkOfPublication(tx, id, input.publicationId)) throw duplicate();
        const values = {
          contractId: id,
          deliverableId: input.deliverableId,
          publicationId: input.publicationId,
          quantity: input.quantity ?? 1,
          linkedBy: actor.userId,
          linkedByName: actor.fullName,
        };
        try {
          await repo.insertLink(tx, values);
        } catch (error) {
          if ((error as { code?: string }).code === '23505') throw duplicate();
          throw error;
        }
        await repo.touch(tx, id);
        const { deliverableId, publicationId, quantity } = values;
        await audit(tx, actor, 'link_item', row, null, { deliverableId, publicationId, quantity });
        return view(tx, actor, (await repo.find(tx, id))!);
      });
    },

    /** Stops counting a publication, until an acceptance has counted it. */
    async unlink(actor: Actor, id: string, linkId: string): Promise<void> {
      policy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, ['signed']);
        const link = await repo.findLink(tx, id, linkId);
        if (!link) throw notFound('press_contract_publication');
        if (link.acceptedIn) throw new AppError('press_contract.link_accepted');
        await repo.deleteLink(tx, linkId);
        await repo.touch(tx, id);
        const { deliverableId, publicationId, quantity } = link;
        await audit(tx, actor, 'unlink_item', row, { deliverableId, publicationId, quantity }, null);
      });
    },

    /**
     * Records an acceptance: cumulative accepted ≤ delivered per deliverable, unless an explicit reason is given
     * (recorded and audited); else 422 naming each line beyond it.
     */
    async accept(actor: Actor, id: string, input: TCreateAcceptanceRequest): Promise<TPressContract> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, ['signed']);
        const figures = new Map((await repo.deliverables(tx, id)).map((d) => [d.id, d]));
        const unknown = input.lines.findIndex((line) => !figures.has(line.deliverableId));
        if (unknown >= 0) throw fieldError(`lines.${unknown}.deliverableId`, 'validation.invalid_value');
        if (input.minutesFileId) await assertOwnFile(tx, actor, 'minutesFileId', input.minutesFileId);
        const beyond = linesBeyondDelivered(input.lines, figures);
        const reason = input.overDeliveryReason?.trim() || null;
        if (beyond.length > 0 && !reason) {
          const fields: FieldError[] = beyond.map((index) => {
            const figure = figures.get(input.lines[index]!.deliverableId)!;
            return {
              field: `lines.${index}.quantity`,
              code: 'press_contract.over_delivered',
              params: { delivered: figure.delivered, accepted: figure.accepted },
            };
          });
          throw new AppError('press_contract.over_delivered', {}, fields);
        }
        const merged = new Map<string, number>();
        for (const line of input.lines)
          merged.set(line.deliverableId, (merged.get(line.deliverableId) ?? 0) + line.quantity);
        const lines = [...merged].map(([deliverableId, quantity]) => ({ deliverableId, quantity }));
        const acceptanceId = await repo.insertAcceptance(
          tx,
          {
            contractId: id,
            acceptedOn: input.acceptedOn,
            note: input.note || null,
            overDeliveryReason: beyond.length > 0 ? reason : null,
            minutesFileId: input.minutesFileId ?? null,
            createdBy: actor.userId,
            createdByName: actor.fullName,
          },
          lines,
        );
        await repo.markLinksAccepted(tx, id, [...merged.keys()], acceptanceId);
        await repo.touch(tx, id);
        await audit(tx, actor, 'record_acceptance', row, null, {
          acceptanceId,
          acceptedOn: input.acceptedOn,
          lines,
          overDeliveryReason: beyond.length > 0 ? reason : null,
        });
        return view(tx, actor, (await repo.find(tx, id))!);
      });
    },

    /**
     * Records a payment as a budget expenditure of the signing unit (category press_contract, with the contract),
     * which also releases the commitment. The contract row is locked first: concurrent payments are serialised and
     * together never go beyond the value without a reason.
     */
    async pay(actor: Actor, id: string, input: TCreateContractPaymentRequest): Promise<TPressContract> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, ['signed', 'completed']);
        const paid = await ledger.paidOnContract(tx, id);
        const reason = input.overValueReason?.trim() || null;
        const beyond = paysBeyondValue(row.value, paid, input.amount);
        if (beyond && !reason)
          throw new AppError('press_contract.over_value', {}, [
            {
              field: 'amount',
              code: 'press_contract.over_value',
              params: { paid: formatDong(paid), value: formatDong(row.value) },
            },
          ]);
        const { id: expenditureId } = await ledger.recordExpenditure(tx, actor, {
          unitId: row.orgUnitId,
          category: CONTRACT_CATEGORY,
          amount: input.amount,
          spentOn: input.paidOn,
          voucherNo: input.voucherNo,
          description: input.description,
          contractId: id,
        });
        const payment = await repo.insertPayment(tx, {
          contractId: id,
          expenditureId,
          amount: input.amount,
          paidOn: input.paidOn,
          voucherNo: input.voucherNo,
          description: input.description,
          overValueReason: beyond ? reason : null,
          createdBy: actor.userId,
          createdByName: actor.fullName,
        });
        await repo.touch(tx, id);
        await audit(
          tx,
          actor,
          'pay',
          row,
          { paid },
          {
            paymentId: payment.id,
            expenditureId,
            amount: input.amount,
            paidOn: input.paidOn,
            voucherNo: input.voucherNo,
            overValueReason: payment.overValueReason,
          },
        );
        return view(tx, actor, (await repo.find(tx, id))!);
      });
    },
  };
}
