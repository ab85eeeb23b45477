import {
  ZCreatedUser,
  ZCreateUserRequest,
  ZId,
  ZPeopleQuery,
  ZPerson,
  ZResetPasswordResponse,
  ZUpdateUserRequest,
  ZUser,
  ZUserListQuery,
  zPage,
  type TUser,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authentication.js';
import { attachment, workbook, XLSX_TYPE, type ExcelColumn } from '../../platform/http/excel.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { UsersService } from './users.service.js';

const tags = ['users'];
const ZIdParams = z.strictObject({ id: ZId });

const dateTime = (value: string | null) =>
  value ? new Date(value).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : null;

const COLUMNS: ExcelColumn<TUser>[] = [
  { key: 'username', header: 'Tên đăng nhập', width: 18, value: (u) => u.username },
  { key: 'fullName', header: 'Họ và tên', width: 28, value: (u) => u.fullName },
  { key: 'email', header: 'E-mail', width: 28, value: (u) => u.email },
  { key: 'phone', header: 'Điện thoại', width: 14, value: (u) => u.phone },
  { key: 'title', header: 'Chức danh', width: 20, value: (u) => u.title },
  { key: 'orgUnitCode', header: 'Mã đơn vị', width: 12, value: (u) => u.orgUnit.code },
  { key: 'orgUnitName', header: 'Đơn vị', width: 36, value: (u) => u.orgUnit.name },
  { key: 'roles', header: 'Vai trò', width: 24, value: (u) => u.roles.join(', ') },
  {
    key: 'status',
    header: 'Trạng thái',
    width: 12,
    value: (u) => (u.disabled ? 'disabled' : u.lockedUntil ? 'locked' : 'active'),
  },
  { key: 'lastLoginAt', header: 'Đăng nhập gần nhất', width: 20, value: (u) => dateTime(u.lastLoginAt) },
  { key: 'createdAt', header: 'Ngày tạo', width: 20, value: (u) => dateTime(u.createdAt) },
];

export function registerUsersRoutes(app: HttpApp, service: UsersService): void {
  app.get(
    '/api/users',
    {
      config: allow(['admin', 'leader'], 'unit'),
      schema: { tags, summary: 'Users in my scope', querystring: ZUserListQuery, response: { 200: zPage(ZUser) } },
    },
    async (request) => service.listUsers(actorOf(request), request.query),
  );

  app.get(
    '/api/users/export.xlsx',
    {
      config: allow(['admin', 'leader'], 'unit'),
      schema: { tags, summary: 'Users matching the filters, as Excel', querystring: ZUserListQuery },
    },
    async (request, reply) => {
      const { items } = await service.listUsers(actorOf(request), request.query, true);
      const body = await workbook('Nguoi dung', COLUMNS, items);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment('nguoi-dung.xlsx')).send(body);
    },
  );

  app.get(
    '/api/people',
    {
      config: allow('signed-in', 'unit'),
      schema: {
        tags,
        summary: 'Active colleagues of my scope, to pick as assignees',
        querystring: ZPeopleQuery,
        response: { 200: z.array(ZPerson) },
      },
    },
    async (request) => service.lookupPeople(actorOf(request), request.query),
  );

  app.get(
    '/api/users/:id',
    {
      config: allow(['admin', 'leader'], 'unit'),
      schema: { tags, summary: 'One user', params: ZIdParams, response: { 200: ZUser } },
    },
    async (request) => service.getUser(actorOf(request), request.params.id),
  );

  app.post(
    '/api/users',
    {
      config: allow(['admin'], 'unit'),
      schema: { tags, summary: 'Create a user', body: ZCreateUserRequest, response: { 201: ZCreatedUser } },
    },
    async (request, reply) => reply.status(201).send(await service.createUser(actorOf(request), request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: allow(['admin'], 'unit'),
      schema: { tags, summary: 'Change a user', params: ZIdParams, body: ZUpdateUserRequest, response: { 200: ZUser } },
    },
    async (request) => service.updateUser(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: allow(['admin'], 'unit'),
      schema: {
        tags,
        summary: 'Give a user a new one-time password',
        params: ZIdParams,
        response: { 200: ZResetPasswordResponse },
      },
    },
    async (request) => service.resetPassword(actorOf(request), request.params.id),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      config: allow(['admin'], 'unit'),
      schema: { tags, summary: 'Lift a lockout after failed logins', params: ZIdParams, response: { 200: ZUser } },
    },
    async (request) => service.unlockUser(actorOf(request), request.params.id),
  );
}
