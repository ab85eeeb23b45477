import {
  ZPeopleQuery,
  ZPerson,
  REVIEW_KIND_LABELS,
  REVIEW_SECTION_LABELS,
  ZCreateSubscriptionRequest,
  ZDeliveryListQuery,
  ZId,
  ZReviewDelivery,
  ZReviewSubscription,
  ZSubscriptionFeedToken,
  ZSubscriptionListQuery,
  ZUpdateSubscriptionRequest,
  zPage,
  type TReviewKind,
  type TReviewSubscription,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { ReviewDeliveryService } from './review-delivery.service.js';
import type { DocumentFormat, ReviewDocumentsService } from './review-documents.service.js';
import type { ReviewFeedsService } from './review-feeds.service.js';
import type { ReviewSubscriptionsService } from './review-subscriptions.service.js';

/** The services of the module, as composition-listen.ts names them. */
export interface ReviewDeliveryServices {
  reviewDelivery: ReviewDeliveryService;
  reviewDocuments: ReviewDocumentsService;
  reviewSubscriptions: ReviewSubscriptionsService;
  reviewFeeds: ReviewFeedsService;
}

const ZIdParams = z.strictObject({ id: ZId });
const ZDeliveryParams = z.strictObject({ id: ZId, deliveryId: ZId });
const ZDocumentQuery = z.strictObject({ mine: z.enum(['true', 'false']).optional() });
const BASES: { kind: TReviewKind; base: string; tag: string }[] = [
  { kind: 'review', base: '/api/reviews', tag: 'press-reviews' },
  { kind: 'bulletin', base: '/api/bulletins', tag: 'bulletins' },
];
const FORMATS: DocumentFormat[] = ['html', 'pdf', 'docx'];
const subscriptionTags = ['review-subscriptions'];

const yesNo = (value: boolean) => (value ? 'Có' : 'Không');
const COLUMNS: ExcelColumn<TReviewSubscription>[] = [
  { key: 'kind', header: 'Loại bản tin', width: 22, value: (s) => REVIEW_KIND_LABELS[s.kind].vi },
  { key: 'user', header: 'Người nhận', width: 28, value: (s) => s.user.fullName },
  { key: 'username', header: 'Tên đăng nhập', width: 18, value: (s) => s.user.username },
  { key: 'email', header: 'Thư điện tử', width: 28, value: (s) => s.user.email },
  { key: 'unit', header: 'Đơn vị', width: 28, value: (s) => s.orgUnit.name },
  { key: 'sourceUnit', header: 'Bản tin của đơn vị', width: 28, value: (s) => s.sourceUnit.name },
  {
    key: 'sections',
    header: 'Chuyên mục',
    width: 40,
    value: (s) => (s.sections.length ? s.sections.map((x) => REVIEW_SECTION_LABELS[x].vi).join('; ') : 'Tất cả'),
  },
  {
    key: 'provinces',
    header: 'Tin địa phương của',
    width: 30,
    value: (s) => (s.provinces.length ? s.provinces.map((p) => p.name).join('; ') : 'Tất cả'),
  },
  { key: 'byEmail', header: 'Nhận thư điện tử', width: 14, value: (s) => yesNo(s.email) },
  { key: 'active', header: 'Đang nhận', width: 12, value: (s) => yesNo(s.active) },
  { key: 'feed', header: 'Có liên kết RSS', width: 14, value: (s) => yesNo(s.hasFeed) },
];

/** Documents, deliveries and in-app reading of editions; subscriptions; the secret feeds. */
export function registerReviewDeliveryRoutes(app: HttpApp, services: ReviewDeliveryServices): void {
  const { reviewDelivery: delivery, reviewDocuments: documents, reviewSubscriptions: subscriptions } = services;

  for (const { kind, base, tag } of BASES) {
    const tags = [tag];
    for (const format of FORMATS) {
      app.get(
        `${base}/:id/document.${format}`,
        {
          config: allow('signed-in', 'unit'),
          schema: {
            tags,
            summary: `The edition as ${format.toUpperCase()}: the whole edition, or with mine=true my own copy`,
            params: ZIdParams,
            querystring: ZDocumentQuery,
          },
        },
        async (request, reply) => {
          const mine = request.query.mine === 'true';
          const doc = await documents.getDocument(actorOf(request), kind, request.params.id, format, mine);
          const disposition = format === 'html' ? `inline; filename="${doc.filename}"` : attachment(doc.filename);
          return reply
            .type(doc.contentType)
            .header('content-disposition', disposition)
            .header('cache-control', 'private, no-cache')
            .send(doc.body);
        },
      );
    }

    app.get(
      `${base}/:id/deliveries`,
      {
        config: allow('signed-in', 'unit'),
        schema: {
          tags,
          summary: "Delivery status per recipient (editors and approvers: everyone's; others: their own)",
          params: ZIdParams,
          querystring: ZDeliveryListQuery,
          response: { 200: zPage(ZReviewDelivery) },
        },
      },
      async (request) => delivery.listDeliveries(actorOf(request), kind, request.params.id, request.query),
    );

    app.post(
      `${base}/:id/deliveries/:deliveryId/retry`,
      {
        config: allow(['admin', 'comms_center', 'province_officer', 'press_office'], 'unit'),
        schema: {
          tags,
          summary: 'Send a failed or held e-mail again (pending, queued at once)',
          params: ZDeliveryParams,
          response: { 200: ZReviewDelivery },
        },
      },
      async (request) => delivery.retryDelivery(actorOf(request), kind, request.params.id, request.params.deliveryId),
    );

    app.post(
      `${base}/:id/read`,
      {
        config: allow('signed-in', 'unit'),
        schema: { tags, summary: 'I read the edition in the app', params: ZIdParams },
      },
      async (request, reply) => {
        await delivery.markRead(actorOf(request), kind, request.params.id);
        return reply.status(204).send();
      },
    );
  }

  app.get(
    '/api/review-subscriptions',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags: subscriptionTags,
        summary: 'Subscriptions to press reviews and bulletins (mine, and those of the users I manage)',
        querystring: ZSubscriptionListQuery,
        response: { 200: zPage(ZReviewSubscription) },
      },
    },
    async (request) => subscriptions.list(actorOf(request), request.query),
  );

  app.get(
    '/api/review-subscriptions/people',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags: subscriptionTags,
        summary: 'Users I may subscribe (those whose subscriptions I manage, or only me)',
        querystring: ZPeopleQuery,
        response: { 200: z.array(ZPerson) },
      },
    },
    async (request) => subscriptions.people(actorOf(request), request.query),
  );

  app.get(
    '/api/review-subscriptions/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags: subscriptionTags,
        summary: 'Subscriptions matching the filters, as Excel',
        querystring: ZSubscriptionListQuery,
      },
    },
    async (request, reply) => {
      const { items } = await subscriptions.list(actorOf(request), request.query, true);
      const body = await workbook('Dang ky nhan diem bao', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('dang-ky-nhan-diem-bao.xlsx')).send(body);
    },
  );

  app.post(
    '/api/review-subscriptions',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags: subscriptionTags,
        summary: 'Subscribe a user to one unit’s reviews or bulletins',
        body: ZCreateSubscriptionRequest,
        response: { 201: ZReviewSubscription },
      },
    },
    async (request, reply) => reply.status(201).send(await subscriptions.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/review-subscriptions/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags: subscriptionTags,
        summary: 'One subscription',
        params: ZIdParams,
        response: { 200: ZReviewSubscription },
      },
    },
    async (request) => subscriptions.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/review-subscriptions/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags: subscriptionTags,
        summary: 'Change the sections, provinces, source unit, e-mail or active switch',
        params: ZIdParams,
        body: ZUpdateSubscriptionRequest,
        response: { 200: ZReviewSubscription },
      },
    },
    async (request) => subscriptions.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/review-subscriptions/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags: subscriptionTags, summary: 'End a subscription', params: ZIdParams },
    },
    async (request, reply) => {
      await subscriptions.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/review-subscriptions/:id/feed-token',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags: subscriptionTags,
        summary: 'A new secret Atom/RSS address (the old one stops working); shown once',
        params: ZIdParams,
        response: { 201: ZSubscriptionFeedToken },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await subscriptions.rotateFeedToken(actorOf(request), request.params.id)),
  );

  app.get(
    '/api/feeds/reviews/:file',
    {
      config: { public: true },
      schema: {
        tags: subscriptionTags,
        summary: 'A subscription’s editions as Atom (.atom) or RSS 2.0 (.rss); the secret token is the authentication',
        params: z.strictObject({ file: z.string().max(200) }),
      },
    },
    async (request, reply) => {
      const match = /^(.+)\.(atom|rss)$/.exec(request.params.file);
      const format = match?.[2] === 'rss' ? 'rss' : 'atom';
      const body = await services.reviewFeeds.render(match?.[1] ?? '', format, `${request.protocol}://${request.host}`);
      return reply
        .type(format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(body);
    },
  );
}
