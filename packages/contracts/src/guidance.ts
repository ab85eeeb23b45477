import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';

export const GUIDANCE_KINDS = ['audience', 'theme', 'form', 'channel', 'product_type'] as const;
export const ZGuidanceKind = z.enum(GUIDANCE_KINDS);
export type TGuidanceKind = z.infer<typeof ZGuidanceKind>;
/** URL segment of each kind under /api/guidance/{year}/… */
export const GUIDANCE_KIND_PATHS = {
  audiences: 'audience',
  themes: 'theme',
  forms: 'form',
  channels: 'channel',
  'product-types': 'product_type',
} as const satisfies Record<string, TGuidanceKind>;

export const ZGuidanceYear = z.object({
  year: z.number().int(),
  documentNo: z.string(),
  title: z.string(),
  issuedOn: z.string().nullable(),
  copiedFrom: z.number().int().nullable(),
  itemCount: z.number().int(),
});
export type TGuidanceYear = z.infer<typeof ZGuidanceYear>;

export const ZGuidanceItem = z.object({
  id: ZId,
  year: z.number().int(),
  kind: ZGuidanceKind,
  code: z.string(),
  parentCode: z.string().nullable(),
  group: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  textVi: z.string(),
  textEn: z.string(),
  sortOrder: z.number().int(),
  version: ZVersion,
});
export type TGuidanceItem = z.infer<typeof ZGuidanceItem>;

export const ZGuidanceYearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const ZGuidanceItemListQuery = ZListQuery.extend({ group: z.string().max(40).optional() });

export const ZCopyGuidanceRequest = z.strictObject({
  toYear: z.number().int().min(2000).max(2100),
  documentNo: z.string().trim().min(1).max(60),
  title: z.string().trim().min(1).max(300),
  issuedOn: z.iso.date({ message: 'validation.invalid_date' }).nullable().optional(),
});
export type TCopyGuidanceRequest = z.infer<typeof ZCopyGuidanceRequest>;

export const ZUpdateGuidanceItemRequest = z
  .strictObject({
    nameVi: z.string().trim().min(1).max(300),
    nameEn: z.string().trim().min(1).max(300),
    textVi: z.string().trim().max(5000),
    textEn: z.string().trim().max(5000),
    version: ZVersion,
  })
  .partial()
  .required({ version: true });
export type TUpdateGuidanceItemRequest = z.infer<typeof ZUpdateGuidanceItemRequest>;
