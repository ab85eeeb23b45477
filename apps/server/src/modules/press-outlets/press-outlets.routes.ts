import {
  CONTACT_ROLE_LABELS,
  CONTACT_SHEET_HEADERS as CH,
  OUTLET_KIND_LABELS,
  OUTLET_SHEET_HEADERS as OH,
  ZAddContactHistoryRequest,
  ZContact,
  ZContactHistoryEntry,
  ZContactListQuery,
  ZCreateContactRequest,
  ZCreateOutletRequest,
  ZId,
  ZImportReport,
  ZOutlet,
  ZOutletListQuery,
  ZPressImportQuery,
  ZUpdateContactRequest,
  ZUpdateOutletRequest,
  formatVnPhone,
  zPage,
  type TContact,
  type TLocale,
  type TOutlet,
  WORKING_ROLES,
} from '@loa/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, readSheet, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { messageFor } from '../../platform/http/problem.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { ImportOutcome, PressImportService } from './press-import.service.js';
import type { PressOutletsService } from './press-outlets.service.js';

const tags = ['press'];
const ZIdParams = z.strictObject({ id: ZId });

/** The outlet sheet officers fill in and get back: the import reads these columns (by header or key). */
const OUTLET_COLUMNS: ExcelColumn<TOutlet>[] = [
  { key: 'name', header: OH.name, width: 36, value: (o) => o.name },
  { key: 'kind', header: OH.kind, width: 20, value: (o) => OUTLET_KIND_LABELS[o.kind].vi },
  { key: 'governingBody', header: OH.governingBody, width: 30, value: (o) => o.governingBody },
  { key: 'area', header: OH.area, width: 22, value: (o) => o.areaName ?? 'Toàn quốc' },
  { key: 'beats', header: OH.beats, width: 28, value: (o) => o.beats.join('; ') },
  { key: 'website', header: OH.website, width: 28, value: (o) => o.website },
  { key: 'phone', header: OH.phone, width: 18, value: (o) => (o.phone ? formatVnPhone(o.phone) : null) },
  { key: 'email', header: OH.email, width: 26, value: (o) => o.email },
  { key: 'address', header: OH.address, width: 36, value: (o) => o.address },
  { key: 'note', header: OH.note, width: 30, value: (o) => o.note },
];
const OUTLET_EXPORT_ONLY: ExcelColumn<TOutlet>[] = [
  { key: 'active', header: 'Đang quan hệ', width: 14, value: (o) => (o.active ? 'Có' : 'Không') },
  { key: 'contactCount', header: 'Số người liên hệ', width: 14, value: (o) => o.contactCount },
  { key: 'orgUnit', header: 'Đơn vị quản lý', width: 28, value: (o) => o.orgUnit.name },
];

const CONTACT_COLUMNS: ExcelColumn<TContact>[] = [
  { key: 'outlet', header: CH.outlet, width: 36, value: (c) => c.outlet.name },
  { key: 'fullName', header: CH.fullName, width: 28, value: (c) => c.fullName },
  { key: 'role', header: CH.role, width: 18, value: (c) => CONTACT_ROLE_LABELS[c.role].vi },
  { key: 'beats', header: CH.beats, width: 28, value: (c) => c.beats.join('; ') },
  { key: 'phones', header: CH.phones, width: 28, value: (c) => c.phones.map(formatVnPhone).join('; ') },
  { key: 'emails', header: CH.emails, width: 30, value: (c) => c.emails.join('; ') },
  { key: 'note', header: CH.note, width: 30, value: (c) => c.note },
];
const CONTACT_EXPORT_ONLY: ExcelColumn<TContact>[] = [
  { key: 'lastContactOn', header: 'Lần liên hệ gần nhất', width: 18, value: (c) => c.lastContactOn },
];

const importSchema = (summary: string) => ({
  tags,
  summary,
  description: `Body: the .xlsx file itself, Content-Type ${XLSX_TYPE}. Lists in a cell separated by ";".`,
  querystring: ZPressImportQuery,
  response: { 200: ZImportReport, 422: ZImportReport },
});

export function registerPressOutletsRoutes(
  app: HttpApp,
  service: PressOutletsService,
  importer: PressImportService,
): void {
  const report = (outcome: ImportOutcome, locale: TLocale) => ({
    ...outcome,
    rejected: outcome.rejected.map((p) => ({
      row: p.row,
      field: p.field,
      message: messageFor(p.code, locale, p.params),
    })),
  });

  // ---- Outlets ----
  app.get(
    '/api/press/outlets',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Press outlets kept in my scope',
        querystring: ZOutletListQuery,
        response: { 200: zPage(ZOutlet) },
      },
    },
    async (request) => service.listOutlets(actorOf(request), request.query),
  );

  app.get(
    '/api/press/outlets/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Outlets matching the filters, as Excel', querystring: ZOutletListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listOutlets(actorOf(request), request.query, true);
      const body = await workbook('Co quan bao chi', [...OUTLET_COLUMNS, ...OUTLET_EXPORT_ONLY], items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('co-quan-bao-chi.xlsx')).send(body);
    },
  );

  app.get(
    '/api/press/outlets/import-template.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'An empty outlet sheet with the columns the import reads' },
    },
    async (_request, reply) => {
      const body = await workbook('Co quan bao chi', OUTLET_COLUMNS, []);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('mau-co-quan-bao-chi.xlsx')).send(body);
    },
  );

  app.post(
    '/api/press/outlets/import',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: importSchema('Import outlets from Excel into my unit (all or nothing; dryRun only reports)'),
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('request.unsupported_media_type');
      const rows = await readSheet(request.body, OUTLET_COLUMNS);
      const outcome = await importer.importOutlets(actorOf(request), rows, { dryRun: request.query.dryRun === 'true' });
      return reply.status(outcome.rejected.length > 0 ? 422 : 200).send(report(outcome, request.locale));
    },
  );

  app.get(
    '/api/press/outlets/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'One outlet', params: ZIdParams, response: { 200: ZOutlet } },
    },
    async (request) => service.getOutlet(actorOf(request), request.params.id),
  );

  app.post(
    '/api/press/outlets',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Add an outlet', body: ZCreateOutletRequest, response: { 201: ZOutlet } },
    },
    async (request, reply) => reply.status(201).send(await service.createOutlet(actorOf(request), request.body)),
  );

  app.patch(
    '/api/press/outlets/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Change an outlet',
        params: ZIdParams,
        body: ZUpdateOutletRequest,
        response: { 200: ZOutlet },
      },
    },
    async (request) => service.updateOutlet(actorOf(request), request.params.id, request.body),
  );

  // ---- Contacts ----
  app.get(
    '/api/press/contacts',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Journalists and editors in my scope',
        querystring: ZContactListQuery,
        response: { 200: zPage(ZContact) },
      },
    },
    async (request) => service.listContacts(actorOf(request), request.query),
  );

  app.get(
    '/api/press/contacts/export.xlsx',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'Contacts matching the filters, as Excel', querystring: ZContactListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listContacts(actorOf(request), request.query, true);
      const body = await workbook('Nguoi lien he', [...CONTACT_COLUMNS, ...CONTACT_EXPORT_ONLY], items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('nguoi-lien-he-bao-chi.xlsx')).send(body);
    },
  );

  app.get(
    '/api/press/contacts/import-template.xlsx',
    {
      config: allow('signed-in', 'global'),
      schema: { tags, summary: 'An empty contact sheet with the columns the import reads' },
    },
    async (_request, reply) => {
      const body = await workbook('Nguoi lien he', CONTACT_COLUMNS, []);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('mau-nguoi-lien-he.xlsx')).send(body);
    },
  );

  app.post(
    '/api/press/contacts/import',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: importSchema('Import contacts from Excel; each names its outlet (all or nothing)'),
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('request.unsupported_media_type');
      const rows = await readSheet(request.body, CONTACT_COLUMNS);
      const outcome = await importer.importContacts(actorOf(request), rows, {
        dryRun: request.query.dryRun === 'true',
      });
      return reply.status(outcome.rejected.length > 0 ? 422 : 200).send(report(outcome, request.locale));
    },
  );

  app.get(
    '/api/press/contacts/:id',
    {
      config: allow('signed-in', 'unit'),
      schema: { tags, summary: 'One contact', params: ZIdParams, response: { 200: ZContact } },
    },
    async (request) => service.getContact(actorOf(request), request.params.id),
  );

  app.post(
    '/api/press/contacts',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: { tags, summary: 'Add a contact', body: ZCreateContactRequest, response: { 201: ZContact } },
    },
    async (request, reply) => reply.status(201).send(await service.createContact(actorOf(request), request.body)),
  );

  app.patch(
    '/api/press/contacts/:id',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Change a contact',
        params: ZIdParams,
        body: ZUpdateContactRequest,
        response: { 200: ZContact },
      },
    },
    async (request) => service.updateContact(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/press/contacts/:id/history',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'The history of contacts, newest first',
        params: ZIdParams,
        response: { 200: z.array(ZContactHistoryEntry) },
      },
    },
    async (request) => service.listHistory(actorOf(request), request.params.id),
  );

  app.post(
    '/api/press/contacts/:id/history',
    {
      config: allow(WORKING_ROLES, 'unit'),
      schema: {
        tags,
        summary: 'Log a contact (appended, never edited)',
        params: ZIdParams,
        body: ZAddContactHistoryRequest,
        response: { 201: ZContactHistoryEntry },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addHistory(actorOf(request), request.params.id, request.body)),
  );
}
