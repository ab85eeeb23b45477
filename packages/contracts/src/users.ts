import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZNewPassword } from './password.js';
import { ZRole, ZUnitKind } from './roles.js';

export const ZUsername = z
  .string()
  .trim()
  .min(3, { message: 'validation.too_short' })
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'validation.invalid_username' });

export const ZUser = z.object({
  id: ZId,
  username: z.string(),
  email: z.string().nullable(),
  fullName: z.string(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  roles: z.array(ZRole),
  orgUnit: z.object({ id: ZId, code: z.string(), name: z.string(), kind: ZUnitKind }),
  disabled: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  version: ZVersion,
});
export type TUser = z.infer<typeof ZUser>;

const userFields = {
  username: ZUsername,
  email: z.email({ message: 'validation.invalid_email' }).max(254).nullable().optional(),
  fullName: z.string().trim().min(1, { message: 'validation.required' }).max(200),
  phone: z.string().trim().max(30).nullable().optional(),
  title: z.string().trim().max(120).nullable().optional(),
  roles: z.array(ZRole).min(1, { message: 'validation.too_few_items' }).max(8),
  orgUnitId: ZId,
};

export const ZCreateUserRequest = z.strictObject({ ...userFields, password: ZNewPassword.optional() });
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z
  .strictObject({
    email: userFields.email,
    fullName: userFields.fullName,
    phone: userFields.phone,
    title: userFields.title,
    roles: userFields.roles,
    orgUnitId: userFields.orgUnitId,
    disabled: z.boolean(),
    version: ZVersion,
  })
  .partial()
  .required({ version: true });
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

/** The generated one-time password is returned once; the user must change it at next login. */
export const ZCreatedUser = z.object({ user: ZUser, temporaryPassword: z.string().nullable() });
export type TCreatedUser = z.infer<typeof ZCreatedUser>;
export const ZResetPasswordResponse = z.object({ temporaryPassword: z.string() });

export const ZUserListQuery = ZListQuery.extend({
  role: ZRole.optional(),
  orgUnitId: ZId.optional(),
  status: z.enum(['active', 'disabled', 'locked']).optional(),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

/** A colleague to pick as an assignee: what any officer may see of the active users of their scope. */
export const ZPerson = z.object({
  id: ZId,
  fullName: z.string(),
  title: z.string().nullable(),
  orgUnit: z.object({ id: ZId, code: z.string(), name: z.string() }),
});
export type TPerson = z.infer<typeof ZPerson>;
export const ZPeopleQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  /** Only people of this unit's subtree (which must lie in the caller's scope). */
  orgUnitId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TPeopleQuery = z.infer<typeof ZPeopleQuery>;
