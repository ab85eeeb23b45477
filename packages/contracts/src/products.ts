import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZStoredFile } from './files.js';
import { ZUnitRef } from './regulations.js';
import { ZStoryKind } from './stories.js';

/**
 * Communication products (§III.3–III.5 of 1191/BHXH-TT): what the agency says to the public — news, articles,
 * reportage, talk shows, videos, infographics, leaflets… Their type comes from the guidance catalog
 * (kind `product_type`); every saved edit is a version, and any two versions can be compared.
 */
export const PRODUCT_STATUSES = ['draft', 'in_appraisal', 'ready', 'published', 'archived'] as const;
export const ZProductStatus = z.enum(PRODUCT_STATUSES);
export type TProductStatus = z.infer<typeof ZProductStatus>;

export const PRODUCT_STATUS_LABELS: Record<TProductStatus, { vi: string; en: string }> = {
  draft: { vi: 'Bản thảo', en: 'Draft' },
  in_appraisal: { vi: 'Đang thẩm định', en: 'In appraisal' },
  ready: { vi: 'Sẵn sàng đăng phát', en: 'Ready to publish' },
  published: { vi: 'Đã đăng phát', en: 'Published' },
  archived: { vi: 'Lưu trữ', en: 'Archived' },
};

/** Languages a product is made in: Vietnamese, English, and languages of ethnic minorities the agency serves. */
export const PRODUCT_LANGUAGES = ['vi', 'en', 'km', 'hmn', 'tai', 'tyz', 'jra', 'rad'] as const;
export const ZProductLanguage = z.enum(PRODUCT_LANGUAGES);
export type TProductLanguage = z.infer<typeof ZProductLanguage>;

export const PRODUCT_LANGUAGE_LABELS: Record<TProductLanguage, { vi: string; en: string }> = {
  vi: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  en: { vi: 'Tiếng Anh', en: 'English' },
  km: { vi: 'Tiếng Khmer', en: 'Khmer' },
  hmn: { vi: "Tiếng H'Mông", en: 'Hmong' },
  tai: { vi: 'Tiếng Thái', en: 'Tai (Thái)' },
  tyz: { vi: 'Tiếng Tày', en: 'Tày' },
  jra: { vi: 'Tiếng Gia Rai', en: 'Jarai' },
  rad: { vi: 'Tiếng Ê Đê', en: 'Rade (Ê Đê)' },
};

const text = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });
const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });
const code = requiredText(40);
const codes = z.array(code).max(30, { message: 'validation.too_many_items' });

export const MAX_PRODUCT_BODY = 100_000;

/** The editable fields of a product, as each version keeps them (names of units and items for reading). */
export const ZProductSnapshot = z.object({
  guidanceYear: z.number().int(),
  typeCode: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  themeCodes: z.array(z.string()),
  audienceCodes: z.array(z.string()),
  channelCodes: z.array(z.string()),
  ownerUnitId: ZId,
  ownerUnitName: z.string(),
  authors: z.array(z.string()),
  partnerOutlet: z.string().nullable(),
  language: z.string(),
  calendarItemId: ZId.nullable(),
  calendarItemTitle: z.string().nullable(),
});
export type TProductSnapshot = z.infer<typeof ZProductSnapshot>;

export const ZProductFile = z.object({
  file: ZStoredFile,
  title: z.string(),
  sortOrder: z.number().int(),
  addedBy: z.string().nullable(),
  addedAt: z.iso.datetime(),
});
export type TProductFile = z.infer<typeof ZProductFile>;

export const ZProduct = z.object({
  id: ZId,
  guidanceYear: z.number().int(),
  typeCode: z.string(),
  title: z.string(),
  summary: z.string(),
  themeCodes: z.array(z.string()),
  audienceCodes: z.array(z.string()),
  channelCodes: z.array(z.string()),
  ownerUnit: ZUnitRef,
  authors: z.array(z.string()),
  partnerOutlet: z.string().nullable(),
  language: ZProductLanguage,
  calendarItem: z.object({ id: ZId, title: z.string() }).nullable(),
  status: ZProductStatus,
  currentVersion: z.number().int(),
  /** When every required appraisal last approved the current version; null while it is not ready. */
  readyAt: z.iso.datetime().nullable(),
  /** Whether the caller may change it (edit, files, archive). */
  canEdit: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TProduct = z.infer<typeof ZProduct>;

/** A story of the library the product tells or draws on (only usable stories are linked). */
export const ZProductStory = z.object({ id: ZId, title: z.string(), kind: ZStoryKind });
export type TProductStory = z.infer<typeof ZProductStory>;

export const ZLinkProductStoryRequest = z.strictObject({ storyId: ZId });
export type TLinkProductStoryRequest = z.infer<typeof ZLinkProductStoryRequest>;

export const ZProductDetail = ZProduct.extend({
  body: z.string(),
  files: z.array(ZProductFile),
  /** Linked stories the caller may read. */
  stories: z.array(ZProductStory),
});
export type TProductDetail = z.infer<typeof ZProductDetail>;

const productFields = {
  guidanceYear: z.number().int().min(2000).max(2100),
  /** A `product_type` code of the guidance year (news, article, infographic…). */
  typeCode: code,
  title: requiredText(300),
  summary: text(2000),
  /** The text of an article, or the script of a video, talk show or radio sketch. */
  body: text(MAX_PRODUCT_BODY),
  themeCodes: codes,
  audienceCodes: codes,
  channelCodes: codes,
  /** The unit that owns the product, in the caller's scope; defaults to the caller's own unit. */
  ownerUnitId: ZId,
  /** Authors by name: officers, or journalists and artists of a partner outlet. */
  authors: z.array(requiredText(120)).max(20, { message: 'validation.too_many_items' }),
  /** The press or broadcasting outlet the product was made with, if any. */
  partnerOutlet: text(200).nullable(),
  language: ZProductLanguage,
  /** The editorial calendar item the product was made for; it must be visible to the caller. */
  calendarItemId: ZId.nullable(),
};

export const ZCreateProductRequest = z.strictObject({
  ...productFields,
  summary: productFields.summary.default(''),
  body: productFields.body.default(''),
  themeCodes: codes.default([]),
  audienceCodes: codes.default([]),
  channelCodes: codes.default([]),
  ownerUnitId: productFields.ownerUnitId.optional(),
  authors: productFields.authors.default([]),
  partnerOutlet: productFields.partnerOutlet.optional(),
  language: productFields.language.default('vi'),
  calendarItemId: productFields.calendarItemId.optional(),
  /** Why this version was saved, kept with it. */
  note: text(300).optional(),
});
export type TCreateProductRequest = z.input<typeof ZCreateProductRequest>;
export type TCreateProductInput = z.output<typeof ZCreateProductRequest>;

/** Only the fields sent change, with the version the caller saw; each save is a new version. */
export const ZUpdateProductRequest = z
  .strictObject({ ...productFields, note: text(300) })
  .partial()
  .extend({ version: ZVersion });
export type TUpdateProductRequest = z.infer<typeof ZUpdateProductRequest>;

export const ZArchiveProductRequest = z.strictObject({ version: ZVersion });
export type TArchiveProductRequest = z.infer<typeof ZArchiveProductRequest>;

const ZDate = z.iso.date({ message: 'validation.invalid_date' });

export const ZProductListQuery = ZListQuery.extend({
  typeCode: code.optional(),
  themeCode: code.optional(),
  audienceCode: code.optional(),
  channelCode: code.optional(),
  /** Products of this unit and the units under it. */
  unitId: ZId.optional(),
  status: ZProductStatus.optional(),
  /** Products created or changed on or after this day (Vietnam time). */
  from: ZDate.optional(),
  /** Products created or changed on or before this day (Vietnam time). */
  to: ZDate.optional(),
}).refine((q) => !q.from || !q.to || q.to >= q.from, { message: 'validation.date_order', path: ['to'] });
export type TProductListQuery = z.infer<typeof ZProductListQuery>;

export const ZProductVersion = z.object({
  number: z.number().int(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type TProductVersion = z.infer<typeof ZProductVersion>;

export const ZProductVersionDetail = ZProductVersion.extend({ snapshot: ZProductSnapshot });
export type TProductVersionDetail = z.infer<typeof ZProductVersionDetail>;

export const DIFF_OPS = ['equal', 'insert', 'delete'] as const;
export const ZDiffSegment = z.object({ op: z.enum(DIFF_OPS), text: z.string() });
export type TDiffSegment = z.infer<typeof ZDiffSegment>;

const ZScalar = z.union([z.string(), z.number()]).nullable();

/** How one field differs between two versions: a value, a long text (segments), or a list (items). */
export const ZFieldDiff = z.discriminatedUnion('kind', [
  z.object({ field: z.string(), kind: z.literal('value'), changed: z.boolean(), from: ZScalar, to: ZScalar }),
  z.object({ field: z.string(), kind: z.literal('text'), changed: z.boolean(), segments: z.array(ZDiffSegment) }),
  z.object({
    field: z.string(),
    kind: z.literal('list'),
    changed: z.boolean(),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    kept: z.array(z.string()),
  }),
]);
export type TFieldDiff = z.infer<typeof ZFieldDiff>;

export const ZProductDiff = z.object({ from: z.number().int(), to: z.number().int(), fields: z.array(ZFieldDiff) });
export type TProductDiff = z.infer<typeof ZProductDiff>;

export const ZProductDiffQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
export type TProductDiffQuery = z.infer<typeof ZProductDiffQuery>;

/** Query of POST /api/products/:id/files (body: the file itself, as application/octet-stream). */
export const ZAddProductFileQuery = z.strictObject({
  title: text(300).optional(),
  name: z.string().max(1000).optional(),
});
export type TAddProductFileQuery = z.infer<typeof ZAddProductFileQuery>;
