import {
  CONTRACT_STATUS_LABELS,
  OUTLET_KIND_LABELS,
  ZAttachContractFileRequest,
  ZCompleteContractRequest,
  ZCreateAcceptanceRequest,
  ZCreateContractPaymentRequest,
  ZCreateDeliverableRequest,
  ZCreatePressContractRequest,
  ZId,
  ZLinkPublicationRequest,
  ZPressContract,
  ZPressContractListQuery,
  ZPressContractSummary,
  ZSignContractRequest,
  ZTerminateContractRequest,
  ZUpdateDeliverableRequest,
  ZUpdatePressContractRequest,
  remainingToPay,
  zPage,
  type TPressContractSummary,
  type TRole,
  WORKING_ROLES,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { sendStoredFile } from '../files/index.js';
import type { PressContractDeliveryService } from './press-contract-delivery.service.js';
import type { PressContractsService } from './press-contracts.service.js';

const tags = ['press'];
const ZIdParams = z.strictObject({ id: ZId });
const ZFileParams = z.strictObject({ id: ZId, fileId: ZId });
const ZDeliverableParams = z.strictObject({ id: ZId, deliverableId: ZId });
const ZLinkParams = z.strictObject({ id: ZId, linkId: ZId });
const contract = { 200: ZPressContract };

const COLUMNS: ExcelColumn<TPressContractSummary>[] = [
  { key: 'number', header: 'Số hợp đồng', width: 20, value: (c) => c.number },
  { key: 'title', header: 'Nội dung', width: 44, value: (c) => c.title },
  { key: 'outlet', header: 'Cơ quan báo chí', width: 30, value: (c) => c.outlet.name },
  { key: 'outletKind', header: 'Loại hình', width: 18, value: (c) => OUTLET_KIND_LABELS[c.outlet.kind].vi },
  { key: 'unit', header: 'Đơn vị ký', width: 28, value: (c) => c.unit.name },
  { key: 'year', header: 'Năm ngân sách', width: 12, value: (c) => c.year },
  { key: 'periodFrom', header: 'Từ ngày', width: 12, value: (c) => c.periodFrom },
  { key: 'periodTo', header: 'Đến ngày', width: 12, value: (c) => c.periodTo },
  { key: 'value', header: 'Giá trị (đồng)', width: 18, value: (c) => c.value },
  { key: 'paid', header: 'Đã thanh toán (đồng)', width: 18, value: (c) => c.paid },
  { key: 'remaining', header: 'Còn lại (đồng)', width: 18, value: (c) => remainingToPay(c.value, c.paid) },
  { key: 'status', header: 'Trạng thái', width: 16, value: (c) => CONTRACT_STATUS_LABELS[c.status].vi },
  { key: 'signedOn', header: 'Ngày ký', width: 12, value: (c) => c.signedOn },
  { key: 'themes', header: 'Chủ đề', width: 24, value: (c) => c.themes.join('; ') },
];

/**
 * Signing commits the contract's value on the budget and a payment is a budget expenditure: the working roles that
 * are also budget spending roles (press-contracts.policy.ts and budget.policy.ts both apply) — not the press office.
 */
const BUDGET_WORKERS: TRole[] = ['admin', 'comms_center', 'unit_officer', 'province_officer', 'district_officer'];

export function registerPressContractsRoutes(
  app: HttpApp,
  service: PressContractsService,
  delivery: PressContractDeliveryService,
): void {
  app.get(
    '/api/press/contracts',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Press contracts signed by units in my scope',
        querystring: ZPressContractListQuery,
        response: { 200: zPage(ZPressContractSummary) },
      },
    },
    async (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/press/contracts/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Contracts matching the filters, as Excel', querystring: ZPressContractListQuery },
    },
    async (request, reply) => {
      const { items } = await service.list(actorOf(request), request.query, true);
      const body = await workbook('Hop dong bao chi', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('hop-dong-bao-chi.xlsx')).send(body);
    },
  );

  app.get(
    '/api/press/contracts/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'One contract with its deliveries, acceptances and payments',
        params: ZIdParams,
        response: contract,
      },
    },
    async (request) => service.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/press/contracts',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Draft a contract',
        body: ZCreatePressContractRequest,
        response: { 201: ZPressContract },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/press/contracts/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Change a draft',
        params: ZIdParams,
        body: ZUpdatePressContractRequest,
        response: contract,
      },
    },
    async (request) => service.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/press/contracts/:id/sign',
    {
      config: allow(BUDGET_WORKERS, 'unit'),
      schema: {
        tags,
        summary: 'Sign a draft: commits its value on the budget (409 budget.insufficient when short)',
        params: ZIdParams,
        body: ZSignContractRequest,
        response: contract,
      },
    },
    async (request) => service.sign(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/press/contracts/:id/complete',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Complete a signed contract: releases what remains committed',
        params: ZIdParams,
        body: ZCompleteContractRequest,
        response: contract,
      },
    },
    async (request) => service.complete(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/press/contracts/:id/terminate',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Terminate a signed contract, with the reason: releases what remains committed',
        params: ZIdParams,
        body: ZTerminateContractRequest,
        response: contract,
      },
    },
    async (request) => service.terminate(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/press/contracts/:id/deliverables',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Add a deliverable',
        params: ZIdParams,
        body: ZCreateDeliverableRequest,
        response: { 201: ZPressContract },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await delivery.addDeliverable(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/press/contracts/:id/deliverables/:deliverableId',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Change a deliverable',
        params: ZDeliverableParams,
        body: ZUpdateDeliverableRequest,
        response: contract,
      },
    },
    async (request) =>
      delivery.updateDeliverable(actorOf(request), request.params.id, request.params.deliverableId, request.body),
  );

  app.delete(
    '/api/press/contracts/:id/deliverables/:deliverableId',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Remove a deliverable nothing counts towards', params: ZDeliverableParams },
    },
    async (request, reply) => {
      await delivery.removeDeliverable(actorOf(request), request.params.id, request.params.deliverableId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/press/contracts/:id/publications',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Count a publication towards a deliverable (once per contract)',
        params: ZIdParams,
        body: ZLinkPublicationRequest,
        response: { 201: ZPressContract },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await delivery.link(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/press/contracts/:id/publications/:linkId',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Stop counting a publication (before it is accepted)', params: ZLinkParams },
    },
    async (request, reply) => {
      await delivery.unlink(actorOf(request), request.params.id, request.params.linkId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/press/contracts/:id/acceptances',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Record an acceptance (nghiệm thu); beyond what was delivered only with a reason',
        params: ZIdParams,
        body: ZCreateAcceptanceRequest,
        response: { 201: ZPressContract },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await delivery.accept(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/press/contracts/:id/payments',
    {
      config: allow(BUDGET_WORKERS, 'unit'),
      schema: {
        tags,
        summary: 'Record a payment as a budget expenditure; beyond the value only with overValueReason',
        params: ZIdParams,
        body: ZCreateContractPaymentRequest,
        response: { 201: ZPressContract },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await delivery.pay(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/press/contracts/:id/files',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Attach a file uploaded through /api/files (the signed scan)',
        params: ZIdParams,
        body: ZAttachContractFileRequest,
        response: { 201: ZPressContract },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.attach(actorOf(request), request.params.id, request.body.fileId)),
  );

  app.get(
    '/api/press/contracts/:id/files/:fileId',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Download a file of the contract (attachment or acceptance minutes)',
        params: ZFileParams,
      },
    },
    async (request, reply) => {
      const { file, content } = await service.openFile(actorOf(request), request.params.id, request.params.fileId);
      return sendStoredFile(reply, file, content);
    },
  );

  app.delete(
    '/api/press/contracts/:id/files/:fileId',
    { config: allow(WORKING_ROLES, 'unit'), schema: { tags, summary: 'Remove an attachment', params: ZFileParams } },
    async (request, reply) => {
      await service.detach(actorOf(request), request.params.id, request.params.fileId);
      return reply.status(204).send();
    },
  );
}
