import { z } from 'zod';
import { ZId } from './common.js';

/**
 * The kinds of file Loa accepts, recognised by their content (magic bytes), with the extensions a file of
 * that kind may carry. Anything else, or a name whose extension disagrees with the content, is refused.
 */
export const FILE_KINDS = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  doc: { mediaType: 'application/msword', extensions: ['doc'] },
  xls: { mediaType: 'application/vnd.ms-excel', extensions: ['xls'] },
  ppt: { mediaType: 'application/vnd.ms-powerpoint', extensions: ['ppt'] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  gif: { mediaType: 'image/gif', extensions: ['gif'] },
  webp: { mediaType: 'image/webp', extensions: ['webp'] },
  mp4: { mediaType: 'video/mp4', extensions: ['mp4'] },
  mp3: { mediaType: 'audio/mpeg', extensions: ['mp3'] },
  txt: { mediaType: 'text/plain; charset=utf-8', extensions: ['txt'] },
  csv: { mediaType: 'text/csv; charset=utf-8', extensions: ['csv'] },
} as const satisfies Record<string, { mediaType: string; extensions: readonly string[] }>;
export type TFileKind = keyof typeof FILE_KINDS;

/** Every extension Loa accepts, with the dot, for a file picker's `accept`. */
export const ACCEPTED_FILE_EXTENSIONS: string[] = Object.values(FILE_KINDS).flatMap((k) =>
  k.extensions.map((e) => `.${e}`),
);

/** Kinds a browser may show in place (everything else downloads). */
export const INLINE_FILE_KINDS: readonly TFileKind[] = ['pdf', 'jpeg', 'png', 'gif', 'webp'];

/** Default upload limit in megabytes (LOA_MAX_UPLOAD_MB). */
export const DEFAULT_MAX_UPLOAD_MB = 50;

/** A file name as users give it: no path, no control characters, at most 255 characters. */
export const ZFileName = z
  .string()
  .transform((name) => name.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, { message: 'validation.required' })
      .max(255, { message: 'validation.too_long' })
      // eslint-disable-next-line no-control-regex
      .regex(/^[^/\\\u0000-\u001f\u007f]+$/, { message: 'validation.invalid_format' }),
  );

export const ZStoredFile = z.object({
  id: ZId,
  name: z.string(),
  kind: z.enum(Object.keys(FILE_KINDS) as [TFileKind, ...TFileKind[]]),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  orgUnitId: ZId,
  uploadedBy: z.string().nullable(),
  uploadedAt: z.iso.datetime(),
  /** Whether a WebP thumbnail (longest side 320 px) is served at `/api/files/{id}/thumbnail`. */
  thumbnail: z.boolean(),
  /** Of images: the size of the original as displayed (EXIF orientation applied); null otherwise. */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type TStoredFile = z.infer<typeof ZStoredFile>;

/** Query of POST /api/files: the owning unit (default: the uploader's) and, without X-File-Name, the name. */
export const ZUploadFileQuery = z.strictObject({
  orgUnitId: ZId.optional(),
  name: z.string().max(1000).optional(),
});
export type TUploadFileQuery = z.infer<typeof ZUploadFileQuery>;

/** Reads a file name sent as an RFC 5987 value (`UTF-8''Ba%CC%89n.pdf`) or URI-encoded UTF-8. */
export function decodeFileNameHeader(value: string): string | null {
  const extended = /^UTF-8''(.+)$/i.exec(value.trim());
  try {
    return decodeURIComponent(extended?.[1] ?? value.trim());
  } catch {
    return null;
  }
}
