import { z } from 'zod';

/** The roles of PRODUCT.md; a user holds one or more, always within their unit's subtree. */
export const ROLES = [
  'admin',
  'leader',
  'comms_center',
  'unit_officer',
  'press_office',
  'province_officer',
  'district_officer',
  'viewer',
] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const UNIT_KINDS = ['agency', 'central_unit', 'press_office', 'province', 'district'] as const;
export const ZUnitKind = z.enum(UNIT_KINDS);
export type TUnitKind = z.infer<typeof ZUnitKind>;

export const ORG_PRESETS = ['63-provinces', '34-provinces'] as const;
export const ZOrgPreset = z.enum(ORG_PRESETS);
export type TOrgPreset = z.infer<typeof ZOrgPreset>;

/** The roles that do the communication work (plan, propose, produce, carry out tasks); leaders and viewers read and decide. */
export const WORKING_ROLES = [
  'admin',
  'comms_center',
  'unit_officer',
  'press_office',
  'province_officer',
  'district_officer',
] as const satisfies readonly TRole[];
