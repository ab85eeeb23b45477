import type { TFileKind } from '@loa/contracts';
import sharp from 'sharp';

/** Longest side of a thumbnail, in pixels. */
export const THUMBNAIL_MAX_SIDE = 320;
/** Images with more pixels than this are not decoded at all (decompression bombs): 40 megapixels. */
export const MAX_INPUT_PIXELS = 40_000_000;

/** The kinds Loa makes thumbnails of. */
export const THUMBNAIL_KINDS: readonly TFileKind[] = ['jpeg', 'png', 'gif', 'webp'];

export interface ImageFacts {
  /** Size of the original as displayed (EXIF orientation applied); null when the header cannot be read. */
  width: number | null;
  height: number | null;
  /** WebP, longest side at most `maxSide`, without metadata; null for bombs and images that do not decode. */
  thumbnail: Buffer | null;
}

export interface ThumbnailOptions {
  maxSide?: number;
  maxPixels?: number;
}

const NONE: ImageFacts = { width: null, height: null, thumbnail: null };

/**
 * Reads an image's size from its header and renders its thumbnail. Never throws: a corrupt image, or one
 * too large to decode safely, gives no thumbnail (and no size when even the header is unreadable).
 */
export async function imageFacts(bytes: Buffer, options: ThumbnailOptions = {}): Promise<ImageFacts> {
  const maxSide = options.maxSide ?? THUMBNAIL_MAX_SIDE;
  const maxPixels = options.maxPixels ?? MAX_INPUT_PIXELS;
  let width: number;
  let height: number;
  try {
    // The header only: nothing is decoded yet, so a bomb costs nothing here.
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    ({ width, height } = meta.autoOrient);
  } catch {
    return NONE;
  }
  if (!(width > 0 && height > 0)) return NONE;
  if (width * height > maxPixels) return { width, height, thumbnail: null };
  try {
    const thumbnail = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated' })
      .autoOrient()
      .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return { width, height, thumbnail };
  } catch {
    return { width, height, thumbnail: null };
  }
}
