import type { TCreateProductRequest, TProductDetail, TProductLanguage, TUpdateProductRequest } from '@loa/contracts';

/** What the product form holds, as the API names it. */
export interface ProductFormInput {
  guidanceYear: number;
  typeCode: string;
  title: string;
  summary: string;
  body: string;
  themeCodes: string[];
  audienceCodes: string[];
  channelCodes: string[];
  ownerUnitId: string;
  authors: string[];
  partnerOutlet: string | null;
  language: TProductLanguage;
  calendarItemId: string | null;
  note: string;
}

/** The form's starting values for an existing product. */
export function inputOf(product: TProductDetail): ProductFormInput {
  return {
    guidanceYear: product.guidanceYear,
    typeCode: product.typeCode,
    title: product.title,
    summary: product.summary,
    body: product.body,
    themeCodes: product.themeCodes,
    audienceCodes: product.audienceCodes,
    channelCodes: product.channelCodes,
    ownerUnitId: product.ownerUnit.id,
    authors: product.authors,
    partnerOutlet: product.partnerOutlet,
    language: product.language,
    calendarItemId: product.calendarItem?.id ?? null,
    note: '',
  };
}

const clean = (value: string | null | undefined) => (value ?? '').trim();
const cleanList = (items: string[] | undefined) => (items ?? []).map((item) => item.trim()).filter(Boolean);

/** A new product from the form, trimmed; blank optional texts are left out. */
export function toCreateRequest(input: ProductFormInput): TCreateProductRequest {
  return {
    guidanceYear: input.guidanceYear,
    typeCode: input.typeCode,
    title: clean(input.title),
    summary: clean(input.summary),
    body: clean(input.body),
    themeCodes: cleanList(input.themeCodes),
    audienceCodes: cleanList(input.audienceCodes),
    channelCodes: cleanList(input.channelCodes),
    ownerUnitId: input.ownerUnitId,
    authors: cleanList(input.authors),
    partnerOutlet: clean(input.partnerOutlet) || null,
    language: input.language,
    calendarItemId: input.calendarItemId ?? null,
    ...(clean(input.note) ? { note: clean(input.note) } : {}),
  };
}

/** Only what the form changed, with the version it started from: the next version of the product. */
export function changedFields(product: TProductDetail, input: ProductFormInput): TUpdateProductRequest {
  const next = toCreateRequest(input);
  const start: Record<string, unknown> = toCreateRequest(inputOf(product));
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(next)) {
    if (field !== 'note' && JSON.stringify(value) !== JSON.stringify(start[field])) changes[field] = value;
  }
  return { ...changes, ...(next.note ? { note: next.note } : {}), version: product.version };
}
