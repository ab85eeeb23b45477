import {
  PRODUCT_LANGUAGE_LABELS,
  PRODUCT_STATUS_LABELS,
  WORKING_ROLES,
  ZAddProductFileQuery,
  ZArchiveProductRequest,
  ZCreateProductRequest,
  ZId,
  ZLinkProductStoryRequest,
  ZProduct,
  ZProductDetail,
  ZProductDiff,
  ZProductDiffQuery,
  ZProductFile,
  ZProductListQuery,
  ZProductStory,
  ZProductVersion,
  ZProductVersionDetail,
  ZUpdateProductRequest,
  zPage,
  viDate,
  type TProduct,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { sendStoredFile, sendThumbnail, UPLOAD_TYPE, uploadErrorHandler, uploadOf } from '../files/index.js';
import type { ProductFilesService } from './product-files.service.js';
import type { ProductStoriesService } from './product-stories.service.js';
import type { ProductsService } from './products.service.js';

const tags = ['products'];
const ZIdParams = z.strictObject({ id: ZId });
const ZVersionParams = z.strictObject({ id: ZId, number: z.coerce.number().int().min(1) });
const ZFileParams = z.strictObject({ id: ZId, fileId: ZId });
const ZStoryParams = z.strictObject({ id: ZId, storyId: ZId });
const joined = (items: string[]) => items.join(', ');
const vnDay = (iso: string) => viDate(new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10));

const COLUMNS: ExcelColumn<TProduct>[] = [
  { key: 'title', header: 'Tên sản phẩm', width: 40, value: (p) => p.title },
  { key: 'type', header: 'Mã loại sản phẩm', width: 16, value: (p) => p.typeCode },
  { key: 'summary', header: 'Tóm tắt', width: 50, value: (p) => p.summary },
  { key: 'ownerUnit', header: 'Đơn vị', width: 28, value: (p) => p.ownerUnit.name },
  { key: 'authors', header: 'Tác giả', width: 28, value: (p) => joined(p.authors) },
  { key: 'partnerOutlet', header: 'Cơ quan báo chí phối hợp', width: 28, value: (p) => p.partnerOutlet },
  { key: 'language', header: 'Ngôn ngữ', width: 14, value: (p) => PRODUCT_LANGUAGE_LABELS[p.language].vi },
  { key: 'guidanceYear', header: 'Hướng dẫn năm', width: 14, value: (p) => p.guidanceYear },
  { key: 'themes', header: 'Mã chủ đề', width: 18, value: (p) => joined(p.themeCodes) },
  { key: 'audiences', header: 'Mã đối tượng', width: 18, value: (p) => joined(p.audienceCodes) },
  { key: 'channels', header: 'Mã kênh', width: 18, value: (p) => joined(p.channelCodes) },
  { key: 'calendarItem', header: 'Mục lịch biên tập', width: 30, value: (p) => p.calendarItem?.title ?? null },
  { key: 'status', header: 'Trạng thái', width: 16, value: (p) => PRODUCT_STATUS_LABELS[p.status].vi },
  { key: 'currentVersion', header: 'Phiên bản', width: 10, value: (p) => p.currentVersion },
  { key: 'createdAt', header: 'Ngày tạo', width: 12, value: (p) => vnDay(p.createdAt) },
  { key: 'updatedAt', header: 'Cập nhật', width: 12, value: (p) => vnDay(p.updatedAt) },
];

export function registerProductsRoutes(
  app: HttpApp,
  service: ProductsService,
  files: ProductFilesService,
  stories: ProductStoriesService,
  maxUploadBytes: number,
): void {
  app.get(
    '/api/products',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Communication products I may see (my subtree; every unit for the Communication Center)',
        querystring: ZProductListQuery,
        response: { 200: zPage(ZProduct) },
      },
    },
    async (request) => service.listProducts(actorOf(request), request.query),
  );

  app.get(
    '/api/products/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Products matching the filters, as Excel', querystring: ZProductListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listProducts(actorOf(request), request.query, true);
      const body = await workbook('San pham', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('san-pham-truyen-thong.xlsx')).send(body);
    },
  );

  app.get(
    '/api/products/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'One product, with its body and files',
        params: ZIdParams,
        response: { 200: ZProductDetail },
      },
    },
    async (request) => service.getProduct(actorOf(request), request.params.id),
  );

  app.post(
    '/api/products',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Create a draft product of a unit of my scope (its version 1)',
        body: ZCreateProductRequest,
        response: { 201: ZProductDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createProduct(actorOf(request), request.body)),
  );

  app.patch(
    '/api/products/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Save an edit of a product as its next version',
        params: ZIdParams,
        body: ZUpdateProductRequest,
        response: { 200: ZProductDetail },
      },
    },
    async (request) => service.updateProduct(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/products/:id/archive',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Archive a product (it stays readable)',
        params: ZIdParams,
        body: ZArchiveProductRequest,
        response: { 200: ZProductDetail },
      },
    },
    async (request) => service.archiveProduct(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/products/:id/versions',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Every saved version of a product, newest first',
        params: ZIdParams,
        response: { 200: z.array(ZProductVersion) },
      },
    },
    async (request) => service.listVersions(actorOf(request), request.params.id),
  );

  app.get(
    '/api/products/:id/versions/:number',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'One version of a product with its fields as they were',
        params: ZVersionParams,
        response: { 200: ZProductVersionDetail },
      },
    },
    async (request) => service.getVersion(actorOf(request), request.params.id, request.params.number),
  );

  app.get(
    '/api/products/:id/diff',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'How version `from` became version `to`, field by field',
        params: ZIdParams,
        querystring: ZProductDiffQuery,
        response: { 200: ZProductDiff },
      },
    },
    async (request) => service.diffVersions(actorOf(request), request.params.id, request.query.from, request.query.to),
  );

  app.post(
    '/api/products/:id/files',
    {
      config: allow(WORKING_ROLES, 'unit'),
      errorHandler: uploadErrorHandler(app, maxUploadBytes),
      schema: {
        tags,
        summary: 'Upload a file and add it to the product',
        description:
          `Body: the file itself, Content-Type ${UPLOAD_TYPE}; its name in X-File-Name (RFC 5987 or URI-encoded ` +
          'UTF-8) or `name`; `title` defaults to the name without extension. Checked like POST /api/files.',
        params: ZIdParams,
        querystring: ZAddProductFileQuery,
        response: { 201: ZProductFile },
      },
    },
    async (request, reply) => {
      const upload = uploadOf(request, request.query.name);
      const added = await files.addFile(actorOf(request), request.params.id, upload, request.query.title);
      return reply.status(201).send(added);
    },
  );

  app.delete(
    '/api/products/:id/files/:fileId',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Remove a file from the product', params: ZFileParams },
    },
    async (request, reply) => {
      await files.removeFile(actorOf(request), request.params.id, request.params.fileId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/products/:id/files/:fileId/content',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Download a file of a product', params: ZFileParams },
    },
    async (request, reply) => {
      const { file, content } = await files.openFile(actorOf(request), request.params.id, request.params.fileId);
      return sendStoredFile(reply, file, content);
    },
  );

  app.get(
    '/api/products/:id/files/:fileId/thumbnail',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'The thumbnail of an image of a product', params: ZFileParams },
    },
    async (request, reply) => {
      const { file, content } = await files.openThumbnail(actorOf(request), request.params.id, request.params.fileId);
      return sendThumbnail(reply, file, content);
    },
  );

  app.post(
    '/api/products/:id/stories',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Link a usable story of the library to the product',
        params: ZIdParams,
        body: ZLinkProductStoryRequest,
        response: { 200: z.array(ZProductStory) },
      },
    },
    async (request) => stories.linkStory(actorOf(request), request.params.id, request.body.storyId),
  );

  app.delete(
    '/api/products/:id/stories/:storyId',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Unlink a story from the product', params: ZStoryParams },
    },
    async (request, reply) => {
      await stories.unlinkStory(actorOf(request), request.params.id, request.params.storyId);
      return reply.status(204).send();
    },
  );
}
