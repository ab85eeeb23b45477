import {
  PROPOSAL_KIND_LABELS,
  PROPOSAL_STATUS_LABELS,
  WORKING_ROLES,
  ZAcceptProposalRequest,
  ZCreateProposalRequest,
  ZDeclineProposalRequest,
  ZId,
  ZMergeProposalRequest,
  ZProposal,
  ZProposalDetail,
  ZProposalListQuery,
  ZProposalRules,
  ZUnitRef,
  ZUpdateProposalRequest,
  ZWithdrawProposalRequest,
  zPage,
  viDate,
  type TProposal,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { ProposalDecisionsService } from './proposal-decisions.service.js';
import type { ProposalsService } from './proposals.service.js';

const tags = ['proposals'];
const ZIdParams = z.strictObject({ id: ZId });
const joined = (codes: string[]) => codes.join(', ');

const COLUMNS: ExcelColumn<TProposal>[] = [
  { key: 'kind', header: 'Loại đề xuất', width: 22, value: (p) => PROPOSAL_KIND_LABELS[p.kind].vi },
  { key: 'title', header: 'Tiêu đề', width: 40, value: (p) => p.title },
  { key: 'description', header: 'Nội dung đề xuất', width: 60, value: (p) => p.description },
  { key: 'ownerUnit', header: 'Đơn vị đề xuất', width: 28, value: (p) => p.ownerUnit.name },
  { key: 'proposer', header: 'Người đề xuất', width: 24, value: (p) => p.proposer?.fullName ?? null },
  { key: 'periodFrom', header: 'Từ ngày', width: 12, value: (p) => viDate(p.periodFrom) },
  { key: 'periodTo', header: 'Đến ngày', width: 12, value: (p) => viDate(p.periodTo) },
  { key: 'guidanceYear', header: 'Hướng dẫn năm', width: 14, value: (p) => p.guidanceYear },
  { key: 'themes', header: 'Mã chủ đề', width: 18, value: (p) => joined(p.themeCodes) },
  { key: 'audiences', header: 'Mã đối tượng', width: 18, value: (p) => joined(p.audienceCodes) },
  { key: 'forms', header: 'Mã hình thức', width: 18, value: (p) => joined(p.formCodes) },
  { key: 'channels', header: 'Mã kênh', width: 18, value: (p) => joined(p.channelCodes) },
  { key: 'regulation', header: 'Văn bản liên quan', width: 18, value: (p) => p.regulation?.number ?? null },
  { key: 'status', header: 'Trạng thái', width: 16, value: (p) => PROPOSAL_STATUS_LABELS[p.status].vi },
  { key: 'decisionNote', header: 'Lý do / ghi chú', width: 40, value: (p) => p.decisionNote },
  { key: 'mergedInto', header: 'Gộp vào', width: 30, value: (p) => p.mergedInto?.title ?? null },
  { key: 'createdAt', header: 'Ngày gửi', width: 12, value: (p) => viDate(p.createdAt.slice(0, 10)) },
];

export function registerProposalsRoutes(
  app: HttpApp,
  service: ProposalsService,
  decisions: ProposalDecisionsService,
): void {
  app.get(
    '/api/proposals',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Content proposals I may see (all of them for the Communication Center); mine=true for my own',
        querystring: ZProposalListQuery,
        response: { 200: zPage(ZProposal) },
      },
    },
    async (request) => service.listProposals(actorOf(request), request.query),
  );

  app.get(
    '/api/proposals/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Proposals matching the filters, as Excel', querystring: ZProposalListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listProposals(actorOf(request), request.query, true);
      const body = await workbook('De xuat', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('de-xuat-noi-dung.xlsx')).send(body);
    },
  );

  app.get(
    '/api/proposals/units',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'The proposing units of the proposals I may see (for the unit filter)',
        response: { 200: zPage(ZUnitRef) },
      },
    },
    async (request) => service.listProposingUnits(actorOf(request)),
  );

  app.get(
    '/api/proposals/rules',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'The period rules in force today: closing day, today, first open month',
        response: { 200: ZProposalRules },
      },
    },
    async (request) => service.rules(actorOf(request)),
  );

  app.get(
    '/api/proposals/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'One proposal, with those merged into it',
        params: ZIdParams,
        response: { 200: ZProposalDetail },
      },
    },
    async (request) => service.getProposal(actorOf(request), request.params.id),
  );

  app.post(
    '/api/proposals',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Propose content to the Communication Center (monthly, thematic or emerging)',
        body: ZCreateProposalRequest,
        response: { 201: ZProposalDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createProposal(actorOf(request), request.body)),
  );

  app.patch(
    '/api/proposals/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Change a proposal awaiting a decision',
        params: ZIdParams,
        body: ZUpdateProposalRequest,
        response: { 200: ZProposalDetail },
      },
    },
    async (request) => service.updateProposal(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/proposals/:id/withdraw',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Withdraw a proposal awaiting a decision',
        params: ZIdParams,
        body: ZWithdrawProposalRequest,
        response: { 200: ZProposalDetail },
      },
    },
    async (request) => service.withdrawProposal(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/proposals/:id/accept',
    {
      config: allow(['admin', 'comms_center'], 'unit'),
      schema: {
        tags,
        summary: 'Accept a proposal: it becomes a calendar item (dates and channel may be set)',
        params: ZIdParams,
        body: ZAcceptProposalRequest,
        response: { 200: ZProposalDetail },
      },
    },
    async (request) => decisions.acceptProposal(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/proposals/:id/merge',
    {
      config: allow(['admin', 'comms_center'], 'unit'),
      schema: {
        tags,
        summary: 'Merge a proposal into another open or accepted one of the same guidance year',
        params: ZIdParams,
        body: ZMergeProposalRequest,
        response: { 200: ZProposalDetail },
      },
    },
    async (request) => decisions.mergeProposal(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/proposals/:id/decline',
    {
      config: allow(['admin', 'comms_center'], 'unit'),
      schema: {
        tags,
        summary: 'Decline a proposal with a reason',
        params: ZIdParams,
        body: ZDeclineProposalRequest,
        response: { 200: ZProposalDetail },
      },
    },
    async (request) => decisions.declineProposal(actorOf(request), request.params.id, request.body),
  );
}
