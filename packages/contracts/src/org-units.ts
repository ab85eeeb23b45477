import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZUnitKind } from './roles.js';

export const ZUnitCode = z
  .string()
  .trim()
  .min(1, { message: 'validation.required' })
  .max(32)
  .regex(/^[A-Z0-9][A-Z0-9_-]*$/, { message: 'validation.invalid_code' });

const ZDate = z.iso.date({ message: 'validation.invalid_date' });

export const ZOrgUnit = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: ZUnitKind,
  parentId: ZId.nullable(),
  adminUnitCode: z.string().nullable(),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
  depth: z.number().int(),
  childCount: z.number().int(),
  userCount: z.number().int(),
  version: ZVersion,
});
export type TOrgUnit = z.infer<typeof ZOrgUnit>;

const unitFields = {
  code: ZUnitCode,
  name: z.string().trim().min(1, { message: 'validation.required' }).max(200),
  shortName: z.string().trim().max(60).nullable().optional(),
  kind: ZUnitKind,
  parentId: ZId,
  adminUnitCode: z.string().trim().max(10).nullable().optional(),
  activeFrom: ZDate.nullable().optional(),
  activeTo: ZDate.nullable().optional(),
};

const datesInOrder = (value: { activeFrom?: string | null; activeTo?: string | null }) =>
  !value.activeFrom || !value.activeTo || value.activeFrom <= value.activeTo;

export const ZCreateOrgUnitRequest = z
  .strictObject(unitFields)
  .refine(datesInOrder, { message: 'validation.date_order', path: ['activeTo'] });
export type TCreateOrgUnitRequest = z.infer<typeof ZCreateOrgUnitRequest>;

export const ZUpdateOrgUnitRequest = z
  .strictObject({ ...unitFields, version: ZVersion })
  .partial()
  .required({ version: true })
  .refine(datesInOrder, { message: 'validation.date_order', path: ['activeTo'] });
export type TUpdateOrgUnitRequest = z.infer<typeof ZUpdateOrgUnitRequest>;

export const ZOrgUnitListQuery = ZListQuery.extend({
  kind: ZUnitKind.optional(),
  parentId: ZId.optional(),
  /** Only units active today (default: all). */
  active: z.enum(['true', 'false']).optional(),
});
export type TOrgUnitListQuery = z.infer<typeof ZOrgUnitListQuery>;

export const ZAdminUnitSuccessor = z.object({
  oldCode: z.string(),
  oldName: z.string(),
  newCode: z.string(),
  newName: z.string(),
  type: z.enum(['full', 'partial']),
});
export type TAdminUnitSuccessor = z.infer<typeof ZAdminUnitSuccessor>;
