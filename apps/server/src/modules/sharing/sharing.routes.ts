import {
  ZCreateShareRequest,
  ZId,
  ZLeaderboard,
  ZLeaderboardQuery,
  ZListQuery,
  ZMySharesQuery,
  ZProductShares,
  ZShare,
  ZShareableProduct,
  ZUpdateShareRequest,
  zPage,
  type TLeaderboard,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { SharingService } from './sharing.service.js';

const tags = ['sharing'];
/** Who may share at all (`sharingPolicy.mayShare`): every role but viewers. */
const SHARERS = [
  'admin',
  'leader',
  'comms_center',
  'unit_officer',
  'press_office',
  'province_officer',
  'district_officer',
] as const;
const ZIdParams = z.strictObject({ id: ZId });

/** One line of the leaderboard workbook: an officer, or a unit directly under the chosen one. */
interface BoardLine {
  kind: string;
  rank: number;
  name: string;
  unit: string;
  officerCount: number | null;
  shareCount: number;
  sharesPerOfficer: number | null;
  reach: number;
}

const BOARD_COLUMNS: ExcelColumn<BoardLine>[] = [
  { key: 'kind', header: 'Xếp hạng theo', width: 18, value: (r) => r.kind },
  { key: 'rank', header: 'Hạng', width: 8, value: (r) => r.rank },
  { key: 'name', header: 'Cán bộ / Đơn vị', width: 32, value: (r) => r.name },
  { key: 'unit', header: 'Đơn vị', width: 32, value: (r) => r.unit },
  { key: 'officerCount', header: 'Số cán bộ', width: 12, value: (r) => r.officerCount },
  { key: 'shareCount', header: 'Số lượt chia sẻ', width: 16, value: (r) => r.shareCount },
  { key: 'sharesPerOfficer', header: 'Chia sẻ / cán bộ', width: 16, value: (r) => r.sharesPerOfficer },
  { key: 'reach', header: 'Lượt tiếp cận', width: 16, value: (r) => r.reach },
];

function boardLines(board: TLeaderboard): BoardLine[] {
  return [
    ...board.officers.map((o) => ({
      kind: 'Cán bộ',
      rank: o.rank,
      name: o.user.fullName,
      unit: o.unit.name,
      officerCount: null,
      shareCount: o.shareCount,
      sharesPerOfficer: null,
      reach: o.reach,
    })),
    ...board.childUnits.map((u) => ({
      kind: 'Đơn vị trực thuộc',
      rank: u.rank,
      name: u.unit.name,
      unit: board.unit.name,
      officerCount: u.officerCount,
      shareCount: u.shareCount,
      sharesPerOfficer: u.sharesPerOfficer,
      reach: u.reach,
    })),
  ];
}

export function registerSharingRoutes(app: HttpApp, service: SharingService): void {
  app.get(
    '/api/products/:id/shares',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Who shared a product from their personal accounts, and the reach gained',
        params: ZIdParams,
        response: { 200: ZProductShares },
      },
    },
    async (request) => service.listProductShares(actorOf(request), request.params.id),
  );

  app.post(
    '/api/products/:id/shares',
    {
      config: allow(SHARERS, 'unit'),
      schema: {
        tags,
        summary: 'Record that I shared a published product from my personal account',
        params: ZIdParams,
        body: ZCreateShareRequest,
        response: { 201: ZShare },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createShare(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/shares/:id',
    {
      config: allow(SHARERS, 'self'),
      schema: {
        tags,
        summary: 'Change my share (e.g. its reach)',
        params: ZIdParams,
        body: ZUpdateShareRequest,
        response: { 200: ZShare },
      },
    },
    async (request) => service.updateShare(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/shares/:id',
    {
      config: allow('signed-in', 'self'),
      schema: { tags, summary: 'Delete my share, or a wrong one of a unit I lead', params: ZIdParams },
    },
    async (request, reply) => {
      await service.deleteShare(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/shares/mine',
    {
      config: allow('signed-in', 'self'),
      schema: {
        tags,
        summary: 'My shares, latest first',
        querystring: ZMySharesQuery,
        response: { 200: zPage(ZShare) },
      },
    },
    async (request) => service.listMyShares(actorOf(request), request.query),
  );

  app.get(
    '/api/shares/shareable-products',
    {
      config: allow('signed-in', 'global'),
      schema: {
        tags,
        summary: 'Published products officers may share, newest first',
        querystring: ZListQuery,
        response: { 200: zPage(ZShareableProduct) },
      },
    },
    async (request) => service.listShareableProducts(actorOf(request), request.query),
  );

  app.get(
    '/api/shares/leaderboard',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Officers and child units of a unit ranked by shares in a period (format=xlsx for Excel)',
        querystring: ZLeaderboardQuery,
        // JSON (ZLeaderboard) or a workbook: the service builds every field, so nothing extra leaves.
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const board = await service.getLeaderboard(actorOf(request), query);
      if (format !== 'xlsx') return reply.send(ZLeaderboard.parse(board));
      const body = await workbook('Chia se', BOARD_COLUMNS, boardLines(board));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment(`chia-se-${board.unit.code}.xlsx`))
        .send(body);
    },
  );
}
