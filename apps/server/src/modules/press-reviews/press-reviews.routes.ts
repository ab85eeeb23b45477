import {
  REVIEW_STATUS_LABELS,
  ZAddReviewEntryRequest,
  ZApproveReviewRequest,
  ZCompileReviewRequest,
  ZId,
  ZReorderReviewRequest,
  ZReview,
  ZReviewListQuery,
  ZReviewSummary,
  ZUpdateReviewEntryRequest,
  ZUpdateReviewRequest,
  zPage,
  type TLocale,
  type TReviewKind,
  type TReviewSummary,
  viDate,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, streamWorkbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { PressReviewsService } from './press-reviews.service.js';

const ZIdParams = z.strictObject({ id: ZId });
const ZEntryParams = z.strictObject({ id: ZId, entryId: ZId });

type Header = { vi: string; en: string };
const column =
  (key: string, header: Header, width: number, value: ExcelColumn<TReviewSummary>['value']) =>
  (lang: TLocale): ExcelColumn<TReviewSummary> => ({ key, header: header[lang], width, value });

const at = (iso: string | null, lang: TLocale) =>
  iso ? new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' }) : null;

/** The archive's columns; headers and labels in the caller's language. */
function exportColumns(lang: TLocale): ExcelColumn<TReviewSummary>[] {
  return [
    column('editionDate', { vi: 'Ngày', en: 'Day' }, 12, (r) =>
      lang === 'vi' ? viDate(r.editionDate) : r.editionDate,
    ),
    column('title', { vi: 'Tiêu đề', en: 'Title' }, 50, (r) => r.title),
    column('orgUnit', { vi: 'Đơn vị', en: 'Unit' }, 30, (r) => r.orgUnit.name),
    column('status', { vi: 'Trạng thái', en: 'Status' }, 18, (r) => REVIEW_STATUS_LABELS[r.status][lang]),
    column('entryCount', { vi: 'Số tin', en: 'Entries' }, 10, (r) => r.entryCount),
    column('riskCount', { vi: 'Tin rủi ro', en: 'Risk items' }, 10, (r) => r.riskCount),
    column('approvedBy', { vi: 'Người duyệt', en: 'Approved by' }, 26, (r) => r.approvedBy),
    column('approvedAt', { vi: 'Thời điểm duyệt', en: 'Approved at' }, 20, (r) => at(r.approvedAt, lang)),
    column('sent', { vi: 'Đã gửi thư', en: 'E-mails sent' }, 12, (r) => r.delivery.sent),
    column('failed', { vi: 'Gửi lỗi', en: 'E-mails failed' }, 12, (r) => r.delivery.failed),
  ].map((make) => make(lang));
}

const EDITIONS: { kind: TReviewKind; base: string; tag: string; file: Header; name: string }[] = [
  {
    kind: 'review',
    base: '/api/reviews',
    tag: 'press-reviews',
    file: { vi: 'diem-bao.xlsx', en: 'press-reviews.xlsx' },
    name: 'daily press review',
  },
  {
    kind: 'bulletin',
    base: '/api/bulletins',
    tag: 'bulletins',
    file: { vi: 'ban-tin-24h.xlsx', en: 'bulletins.xlsx' },
    name: '24-hour bulletin',
  },
];

/** The same handlers for both kinds: the daily press review under /api/reviews, the bulletin under /api/bulletins. */
export function registerPressReviewsRoutes(app: HttpApp, service: PressReviewsService): void {
  for (const { kind, base, tag, file, name } of EDITIONS) {
    const tags = [tag];

    app.get(
      base,
      {
        config: allow('signed-in', 'unit'),
        schema: {
          tags,
          summary: `Archive of the ${name}: approved editions, and drafts in my scope`,
          querystring: ZReviewListQuery,
          response: { 200: zPage(ZReviewSummary) },
        },
      },
      async (request) => service.listReviews(actorOf(request), kind, request.query),
    );

    app.get(
      `${base}/export.xlsx`,
      {
        config: allow('signed-in', 'unit'),
        schema: {
          tags,
          summary: `Editions of the ${name} matching the filters, as Excel`,
          querystring: ZReviewListQuery,
        },
      },
      async (request, reply) => {
        const lang = request.locale;
        const chunks = await service.exportChunks(actorOf(request), kind, request.query);
        const body = streamWorkbook(lang === 'vi' ? 'Ban tin' : 'Editions', exportColumns(lang), chunks);
        return reply.type(XLSX_TYPE).header('content-disposition', attachment(file[lang])).send(body);
      },
    );

    app.post(
      base,
      {
        config: allow(['admin', 'comms_center', 'province_officer', 'press_office'], 'unit'),
        schema: {
          tags,
          summary: `Compile the ${name} now (201), or return the edition that exists for the unit and day (200)`,
          body: ZCompileReviewRequest,
          response: { 200: ZReview, 201: ZReview },
        },
      },
      async (request, reply) => {
        const { review, created } = await service.compile(actorOf(request), kind, request.body);
        return reply.status(created ? 201 : 200).send(review);
      },
    );

    app.get(
      `${base}/:id`,
      {
        config: allow('signed-in', 'unit'),
        schema: { tags, summary: `One edition of the ${name}`, params: ZIdParams, response: { 200: ZReview } },
      },
      async (request) => service.getReview(actorOf(request), kind, request.params.id),
    );

    app.patch(
      `${base}/:id`,
      {
        config: allow(['admin', 'comms_center', 'province_officer', 'press_office'], 'unit'),
        schema: {
          tags,
          summary: 'Change the title or the opening paragraph of a draft',
          params: ZIdParams,
          body: ZUpdateReviewRequest,
          response: { 200: ZReview },
        },
      },
      async (request) => service.updateReview(actorOf(request), kind, request.params.id, request.body),
    );

    app.patch(
      `${base}/:id/entries/:entryId`,
      {
        config: allow(['admin', 'comms_center', 'province_officer', 'press_office'], 'unit'),
        schema: {
          tags,
          summary: 'Edit an entry of a draft: headline, extract, comment, left out, section',
          params: ZEntryParams,
          body: ZUpdateReviewEntryRequest,
          response: { 200: ZReview },
        },
      },
      async (request) =>
        service.updateEntry(actorOf(request), kind, request.params.id, request.params.entryId, request.body),
    );

    app.post(
      `${base}/:id/entries`,
      {
        config: allow(['admin', 'comms_center', 'province_officer', 'press_office'], 'unit'),
        schema: {
          tags,
          summary: "Add a monitored article's story to a draft",
          params: ZIdParams,
          body: ZAddReviewEntryRequest,
          response: { 201: ZReview },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.addEntry(actorOf(request), kind, request.params.id, request.body)),
    );

    app.put(
      `${base}/:id/order`,
      {
        config: allow(['admin', 'comms_center', 'province_officer', 'press_office'], 'unit'),
        schema: {
          tags,
          summary: 'Reorder a draft: every entry exactly once, section by section',
          params: ZIdParams,
          body: ZReorderReviewRequest,
          response: { 200: ZReview },
        },
      },
      async (request) => service.reorder(actorOf(request), kind, request.params.id, request.body),
    );

    app.post(
      `${base}/:id/approve`,
      {
        config: allow(['admin', 'leader', 'comms_center', 'province_officer', 'press_office'], 'unit'),
        schema: {
          tags,
          summary: 'Approve a draft: it is sent to its subscribers, once',
          params: ZIdParams,
          body: ZApproveReviewRequest,
          response: { 200: ZReview },
        },
      },
      async (request) => service.approve(actorOf(request), kind, request.params.id, request.body),
    );
  }
}
