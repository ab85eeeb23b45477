import {
  TRAINEE_SHEET_HEADERS as H,
  TRAINING_AUDIENCE_LABELS,
  TRAINING_STATUS_LABELS,
  WORKING_ROLES,
  ZAddTraineeRequest,
  ZAddTrainingMaterialQuery,
  ZCreateTrainingCourseRequest,
  ZDeleteTrainingCourseQuery,
  ZId,
  ZImportReport,
  ZIssueCertificatesRequest,
  ZIssueCertificatesResponse,
  ZTrainee,
  ZTraineeImportQuery,
  ZTrainingCourse,
  ZTrainingCourseDetail,
  ZTrainingCourseListQuery,
  ZTrainingMaterial,
  ZUpdateTraineeRequest,
  ZUpdateTrainingCourseRequest,
  viDate,
  zPage,
  type TTrainingCourse,
} from '@loa/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, readSheet, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { messageFor } from '../../platform/http/problem.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import { sendStoredFile, UPLOAD_TYPE, uploadErrorHandler, uploadOf } from '../files/index.js';
import type { TrainingCertificatesService } from './training-certificates.service.js';
import type { TrainingImportService } from './training-import.service.js';
import type { TrainingMaterialsService } from './training-materials.service.js';
import type { TrainingService } from './training.service.js';

const tags = ['training'];
const BASE = '/api/training/courses';
const ZIdParams = z.strictObject({ id: ZId });
const ZTraineeParams = z.strictObject({ id: ZId, traineeId: ZId });
const ZMaterialParams = z.strictObject({ id: ZId, fileId: ZId });
const PDF = 'application/pdf';

const EXPORT: ExcelColumn<TTrainingCourse>[] = [
  { key: 'title', header: 'Tên lớp tập huấn', width: 40, value: (c) => c.title },
  { key: 'audience', header: 'Đối tượng', width: 30, value: (c) => TRAINING_AUDIENCE_LABELS[c.audience].vi },
  { key: 'orgUnit', header: 'Đơn vị tổ chức', width: 28, value: (c) => c.orgUnit.name },
  { key: 'startsOn', header: 'Từ ngày', width: 14, value: (c) => viDate(c.startsOn) },
  { key: 'endsOn', header: 'Đến ngày', width: 14, value: (c) => viDate(c.endsOn) },
  {
    key: 'place',
    header: 'Địa điểm',
    width: 30,
    value: (c) => (c.online ? `Trực tuyến ${c.onlineUrl ?? ''}` : c.place),
  },
  { key: 'trainers', header: 'Giảng viên', width: 30, value: (c) => c.trainers.join('; ') },
  { key: 'status', header: 'Trạng thái', width: 16, value: (c) => TRAINING_STATUS_LABELS[c.status].vi },
  { key: 'trainees', header: 'Số học viên', width: 12, value: (c) => c.traineeCount },
  { key: 'certificates', header: 'Số giấy chứng nhận', width: 14, value: (c) => c.certificateCount },
  { key: 'rating', header: 'Đánh giá trung bình (1–5)', width: 14, value: (c) => c.averageRating },
];

/** The sheet of trainees officers fill in: the import reads these columns (by header or key). */
const TRAINEE_COLUMNS: ExcelColumn<never>[] = (Object.keys(H) as (keyof typeof H)[]).map((key) => ({
  key,
  header: H[key],
  width: key === 'organisation' ? 36 : 24,
  value: () => null,
}));

export function registerTrainingRoutes(
  app: HttpApp,
  service: TrainingService,
  certificates: TrainingCertificatesService,
  materials: TrainingMaterialsService,
  importer: TrainingImportService,
  maxUploadBytes: number,
): void {
  app.get(
    BASE,
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Training courses organised in my scope',
        querystring: ZTrainingCourseListQuery,
        response: { 200: zPage(ZTrainingCourse) },
      },
    },
    async (request) => service.listCourses(actorOf(request), request.query),
  );

  app.get(
    `${BASE}/export.xlsx`,
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Courses matching the filters, as Excel', querystring: ZTrainingCourseListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listCourses(actorOf(request), request.query, true);
      const body = await workbook('Tap huan', EXPORT, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('tap-huan.xlsx')).send(body);
    },
  );

  app.get(
    '/api/training/trainees-template.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'An empty sheet with the columns the trainee import reads' },
    },
    async (_request, reply) => {
      const body = await workbook('Hoc vien', TRAINEE_COLUMNS, []);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('mau-hoc-vien.xlsx')).send(body);
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'A course with its trainees and materials',
        params: ZIdParams,
        response: { 200: ZTrainingCourseDetail },
      },
    },
    async (request) => service.getCourse(actorOf(request), request.params.id),
  );

  app.post(
    BASE,
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Plan a course',
        body: ZCreateTrainingCourseRequest,
        response: { 201: ZTrainingCourseDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createCourse(actorOf(request), request.body)),
  );

  app.patch(
    `${BASE}/:id`,
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Change a course, or move it to held or closed',
        params: ZIdParams,
        body: ZUpdateTrainingCourseRequest,
        response: { 200: ZTrainingCourseDetail },
      },
    },
    async (request) => service.updateCourse(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    `${BASE}/:id`,
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Remove a course entered by mistake',
        params: ZIdParams,
        querystring: ZDeleteTrainingCourseQuery,
      },
    },
    async (request, reply) => {
      await service.deleteCourse(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    `${BASE}/:id/trainees`,
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Add a trainee (a user, or an external person)',
        params: ZIdParams,
        body: ZAddTraineeRequest,
        response: { 201: ZTrainee },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addTrainee(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    `${BASE}/:id/trainees/:traineeId`,
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: "Record a trainee's attendance, score and rating",
        params: ZTraineeParams,
        body: ZUpdateTraineeRequest,
        response: { 200: ZTrainee },
      },
    },
    async (request) =>
      service.updateTrainee(actorOf(request), request.params.id, request.params.traineeId, request.body),
  );

  app.delete(
    `${BASE}/:id/trainees/:traineeId`,
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Take a trainee off the course', params: ZTraineeParams },
    },
    async (request, reply) => {
      await service.removeTrainee(actorOf(request), request.params.id, request.params.traineeId);
      return reply.status(204).send();
    },
  );

  app.post(
    `${BASE}/:id/trainees/import`,
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Import trainees from Excel (all or nothing; dryRun only reports)',
        description: `Body: the .xlsx file itself, Content-Type ${XLSX_TYPE}. A username names a user of Loa.`,
        params: ZIdParams,
        querystring: ZTraineeImportQuery,
        response: { 200: ZImportReport, 422: ZImportReport },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('request.unsupported_media_type');
      const rows = await readSheet(request.body, TRAINEE_COLUMNS);
      const outcome = await importer.importTrainees(actorOf(request), request.params.id, rows, {
        dryRun: request.query.dryRun === 'true',
      });
      const report = {
        ...outcome,
        rejected: outcome.rejected.map((p) => ({
          row: p.row,
          field: p.field,
          message: messageFor(p.code, request.locale, p.params),
        })),
      };
      return reply.status(report.rejected.length > 0 ? 422 : 200).send(report);
    },
  );

  app.post(
    `${BASE}/:id/certificates`,
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Issue certificates to the trainees who passed (or to those named)',
        params: ZIdParams,
        body: ZIssueCertificatesRequest,
        response: { 200: ZIssueCertificatesResponse },
      },
    },
    async (request) => certificates.issueCertificates(actorOf(request), request.params.id, request.body),
  );

  app.get(
    `${BASE}/:id/certificates.pdf`,
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Every certificate of the course, one page each', params: ZIdParams },
    },
    async (request, reply) => {
      const pdf = await certificates.courseCertificatesPdf(actorOf(request), request.params.id);
      return reply.type(PDF).header('content-disposition', attachment('giay-chung-nhan.pdf')).send(pdf);
    },
  );

  app.get(
    `${BASE}/:id/trainees/:traineeId/certificate.pdf`,
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: "A trainee's certificate", params: ZTraineeParams },
    },
    async (request, reply) => {
      const { number, pdf } = await certificates.certificatePdf(
        actorOf(request),
        request.params.id,
        request.params.traineeId,
      );
      return reply
        .type(PDF)
        .header('content-disposition', attachment(`giay-chung-nhan-${number}.pdf`))
        .send(pdf);
    },
  );

  app.post(
    `${BASE}/:id/materials`,
    {
      config: allow(WORKING_ROLES, 'unit'),
      errorHandler: uploadErrorHandler(app, maxUploadBytes),
      schema: {
        tags,
        summary: 'Upload a file to the course materials',
        description: `Body: the file itself, Content-Type ${UPLOAD_TYPE}; its name in X-File-Name or \`name\`.`,
        params: ZIdParams,
        querystring: ZAddTrainingMaterialQuery,
        response: { 201: ZTrainingMaterial },
      },
    },
    async (request, reply) => {
      const upload = uploadOf(request, request.query.name);
      const added = await materials.addMaterial(actorOf(request), request.params.id, upload, request.query.title);
      return reply.status(201).send(added);
    },
  );

  app.delete(
    `${BASE}/:id/materials/:fileId`,
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Remove a file from the course materials', params: ZMaterialParams },
    },
    async (request, reply) => {
      await materials.removeMaterial(actorOf(request), request.params.id, request.params.fileId);
      return reply.status(204).send();
    },
  );

  app.get(
    `${BASE}/:id/materials/:fileId/content`,
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Download a course material', params: ZMaterialParams },
    },
    async (request, reply) => {
      const { file, content } = await materials.openMaterial(
        actorOf(request),
        request.params.id,
        request.params.fileId,
      );
      return sendStoredFile(reply, file, content);
    },
  );
}
