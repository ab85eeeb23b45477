import {
  STORY_KIND_LABELS,
  WORKING_ROLES,
  ZAddStoryMediaQuery,
  ZChangeStoryStatusRequest,
  ZCreateStoryRequest,
  ZId,
  ZRecordConsentRequest,
  ZStory,
  ZStoryDetail,
  ZStoryListQuery,
  ZStoryMedia,
  ZUpdateStoryRequest,
  zPage,
  type TConsentStatus,
  type TStory,
  type TStoryStatus,
  viDate,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { sendStoredFile, UPLOAD_TYPE, uploadErrorHandler, uploadOf } from '../files/index.js';
import type { StoriesService } from './stories.service.js';
import type { StoryMediaService } from './story-media.service.js';

const tags = ['stories'];
const ZIdParams = z.strictObject({ id: ZId });
const ZMediaParams = z.strictObject({ id: ZId, fileId: ZId });

const STATUS_VI: Record<TStoryStatus, string> = { draft: 'Bản nháp', usable: 'Được sử dụng', archived: 'Lưu trữ' };
const CONSENT_VI: Record<TConsentStatus, string> = {
  pending: 'Chưa có',
  obtained: 'Đã đồng ý',
  not_needed: 'Không cần',
  refused: 'Từ chối',
};

const COLUMNS: ExcelColumn<TStory>[] = [
  { key: 'title', header: 'Tiêu đề', width: 40, value: (s) => s.title },
  { key: 'kind', header: 'Loại', width: 20, value: (s) => STORY_KIND_LABELS[s.kind].vi },
  {
    key: 'people',
    header: 'Nhân vật',
    width: 30,
    value: (s) => s.people.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('; '),
  },
  { key: 'place', header: 'Địa điểm', width: 24, value: (s) => s.place ?? s.areaUnit?.name ?? null },
  { key: 'occurredOn', header: 'Thời gian', width: 14, value: (s) => (s.occurredOn ? viDate(s.occurredOn) : null) },
  { key: 'orgUnit', header: 'Đơn vị quản lý', width: 24, value: (s) => s.orgUnit.name },
  { key: 'themes', header: 'Chủ đề', width: 16, value: (s) => s.themes.join(', ') },
  { key: 'tags', header: 'Từ khóa', width: 20, value: (s) => s.tags.join(', ') },
  { key: 'consent', header: 'Sự đồng ý', width: 14, value: (s) => CONSENT_VI[s.consent.status] },
  { key: 'status', header: 'Trạng thái', width: 14, value: (s) => STATUS_VI[s.status] },
  { key: 'story', header: 'Nội dung', width: 80, value: (s) => s.story },
];

export function registerStoriesRoutes(
  app: HttpApp,
  service: StoriesService,
  media: StoryMediaService,
  maxUploadBytes: number,
): void {
  app.get(
    '/api/stories',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Stories and initiatives: usable ones of the whole agency, and every one of my scope',
        querystring: ZStoryListQuery,
        response: { 200: zPage(ZStory) },
      },
    },
    async (request) => service.listStories(actorOf(request), request.query),
  );

  app.get(
    '/api/stories/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Stories matching the filters, as Excel', querystring: ZStoryListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listStories(actorOf(request), request.query, true);
      const body = await workbook('Cau chuyen', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('cau-chuyen.xlsx')).send(body);
    },
  );

  app.get(
    '/api/stories/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'One story, with its files', params: ZIdParams, response: { 200: ZStoryDetail } },
    },
    async (request) => service.getStory(actorOf(request), request.params.id),
  );

  app.post(
    '/api/stories',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Add a story (a draft until consent allows use)',
        body: ZCreateStoryRequest,
        response: { 201: ZStoryDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createStory(actorOf(request), request.body)),
  );

  app.patch(
    '/api/stories/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Change a story',
        params: ZIdParams,
        body: ZUpdateStoryRequest,
        response: { 200: ZStoryDetail },
      },
    },
    async (request) => service.updateStory(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/stories/:id/consent',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Record the consent of the people in the story',
        params: ZIdParams,
        body: ZRecordConsentRequest,
        response: { 200: ZStoryDetail },
      },
    },
    async (request) => service.recordConsent(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/stories/:id/status',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Mark a story usable, return it to draft, or archive it',
        params: ZIdParams,
        body: ZChangeStoryStatusRequest,
        response: { 200: ZStoryDetail },
      },
    },
    async (request) => service.changeStatus(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/stories/:id/media',
    {
      config: allow(WORKING_ROLES, 'unit'),
      errorHandler: uploadErrorHandler(app, maxUploadBytes),
      schema: {
        tags,
        summary: 'Upload a photo, video or document of the story',
        description:
          `Body: the file itself, Content-Type ${UPLOAD_TYPE}; its name in X-File-Name (RFC 5987 or URI-encoded ` +
          'UTF-8) or `name`. Checked like POST /api/files.',
        params: ZIdParams,
        querystring: ZAddStoryMediaQuery,
        response: { 201: ZStoryMedia },
      },
    },
    async (request, reply) => {
      const upload = uploadOf(request, request.query.name);
      const added = await media.addMedia(actorOf(request), request.params.id, upload, request.query.caption);
      return reply.status(201).send(added);
    },
  );

  app.delete(
    '/api/stories/:id/media/:fileId',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Remove a file from the story', params: ZMediaParams },
    },
    async (request, reply) => {
      await media.removeMedia(actorOf(request), request.params.id, request.params.fileId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/stories/:id/media/:fileId/content',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Download a file of the story', params: ZMediaParams },
    },
    async (request, reply) => {
      const { file, content } = await media.openMedia(actorOf(request), request.params.id, request.params.fileId);
      return sendStoredFile(reply, file, content);
    },
  );
}
