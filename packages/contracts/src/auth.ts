import { z } from 'zod';
import { ZId } from './common.js';
import { ZNewPassword } from './password.js';
import { ZRole, ZUnitKind } from './roles.js';

export const ZLoginRequest = z.strictObject({
  username: z.string().trim().min(1, { message: 'validation.required' }).max(254),
  password: z.string().min(1, { message: 'validation.required' }).max(256),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSessionUser = z.object({
  id: ZId,
  username: z.string(),
  email: z.string().nullable(),
  fullName: z.string(),
  roles: z.array(ZRole),
  locale: z.enum(['vi', 'en']),
  mustChangePassword: z.boolean(),
  orgUnit: z.object({ id: ZId, code: z.string(), name: z.string(), kind: ZUnitKind }),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZLoginResponse = z.object({ user: ZSessionUser, csrfToken: z.string() });
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

export const ZMeResponse = ZLoginResponse;

export const ZChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1, { message: 'validation.required' }).max(256),
  newPassword: ZNewPassword,
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZUpdateMeRequest = z.strictObject({
  fullName: z.string().trim().min(1).max(200).optional(),
  locale: z.enum(['vi', 'en']).optional(),
});
export type TUpdateMeRequest = z.infer<typeof ZUpdateMeRequest>;

export const ZApiToken = z.object({
  id: ZId,
  name: z.string(),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZCreateApiTokenRequest = z.strictObject({
  name: z.string().trim().min(1, { message: 'validation.required' }).max(100),
  expiresInDays: z.number().int().min(1).max(366).nullable().default(90),
});
export type TCreateApiTokenRequest = z.infer<typeof ZCreateApiTokenRequest>;

/** The secret is shown once, at creation. */
export const ZCreatedApiToken = ZApiToken.extend({ token: z.string() });
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;
