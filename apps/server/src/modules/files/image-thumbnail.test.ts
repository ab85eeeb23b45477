import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageFacts, THUMBNAIL_MAX_SIDE } from './image-thumbnail.js';

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 0, g: 94, b: 184 } } });

describe('imageFacts', () => {
  it('shrinks a landscape PNG to a WebP whose longest side is 320 px, keeping the proportions', async () => {
    const png = await solid(1600, 900).png().toBuffer();
    const facts = await imageFacts(png);
    expect([facts.width, facts.height]).toEqual([1600, 900]);
    const meta = await sharp(facts.thumbnail!).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', THUMBNAIL_MAX_SIDE, 180]);
  });

  it('applies the EXIF orientation and strips the metadata', async () => {
    // Stored 400×200 but tagged "rotate 90° clockwise" (orientation 6): shown 200×400.
    const jpeg = await solid(400, 200)
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Artist: 'Phóng viên' } } })
      .toBuffer();
    const facts = await imageFacts(jpeg);
    expect([facts.width, facts.height]).toEqual([200, 400]);
    const meta = await sharp(facts.thumbnail!).metadata();
    expect([meta.width, meta.height]).toEqual([160, 320]);
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });

  it('does not enlarge small images', async () => {
    const gif = await solid(40, 30).gif().toBuffer();
    const meta = await sharp((await imageFacts(gif)).thumbnail!).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 40, 30]);
  });

  it('does not decode an image over the pixel limit (decompression bomb), but records its size', async () => {
    const png = await solid(1000, 1000).png().toBuffer();
    expect(await imageFacts(png, { maxPixels: 999_999 })).toEqual({ width: 1000, height: 1000, thumbnail: null });
    expect((await imageFacts(png, { maxPixels: 1_000_000 })).thumbnail).not.toBeNull();
  });

  it('gives no thumbnail for a truncated image and nothing at all for bytes that are no image', async () => {
    const png = await solid(300, 300).png().toBuffer();
    const truncated = png.subarray(0, Math.floor(png.length / 2));
    const facts = await imageFacts(truncated);
    expect(facts.thumbnail).toBeNull();
    expect(await imageFacts(Buffer.from('\x89PNG\r\n\x1a\nkhông phải ảnh'))).toEqual({
      width: null,
      height: null,
      thumbnail: null,
    });
  });
});
