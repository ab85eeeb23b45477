import { createHash } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { s3FileStore, signS3Request } from './s3-file-store.repository.js';

const EMPTY_SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('signS3Request', () => {
  it('reproduces the GET Object example of the AWS Signature Version 4 documentation', () => {
    const headers = signS3Request({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: EMPTY_SHA,
      region: 'us-east-1',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    expect(headers['x-amz-date']).toBe('20130524T000000Z');
  });
});

describe('s3FileStore', () => {
  /** An in-memory bucket answering like S3 (HEAD/GET 404 when missing), recording what was asked. */
  function fakeBucket() {
    const objects = new Map<string, Buffer>();
    const calls: string[] = [];
    const fetchImpl = (async (input: URL | string, init?: RequestInit) => {
      const url = new URL(String(input));
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${url.pathname}`);
      expect((init?.headers as Record<string, string>).authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=KEY\//);
      const body = objects.get(url.pathname);
      if (method === 'PUT') {
        objects.set(url.pathname, Buffer.from(init!.body as Uint8Array));
        return new Response(null, { status: 200 });
      }
      if (method === 'DELETE') {
        objects.delete(url.pathname);
        return new Response(null, { status: 204 });
      }
      if (!body) return new Response(null, { status: 404 });
      return new Response(method === 'HEAD' ? null : new Uint8Array(body), { status: 200 });
    }) as typeof fetch;
    return { objects, calls, fetchImpl };
  }

  it('puts content once under bucket/ab/cd/<sha256>, reads it back and deletes it', async () => {
    const bucket = fakeBucket();
    const store = s3FileStore(
      {
        endpoint: 'https://s3.example.vn/',
        bucket: 'loa',
        region: 'hn-1',
        accessKeyId: 'KEY',
        secretAccessKey: 'SECRET',
      },
      bucket.fetchImpl,
    );
    const content = Buffer.from('Kế hoạch truyền thông');
    const sha = createHash('sha256').update(content).digest('hex');
    const key = `/loa/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;

    expect(await store.put(sha, content)).toEqual({ created: true });
    expect(await store.put(sha, content)).toEqual({ created: false });
    expect(bucket.calls).toEqual([`HEAD ${key}`, `PUT ${key}`, `HEAD ${key}`]);
    expect(bucket.objects.get(key)).toEqual(content);
    expect(await text((await store.get(sha))!)).toBe('Kế hoạch truyền thông');
    await store.delete(sha);
    expect(await store.get(sha)).toBeNull();
  });

  it('keeps a thumbnail under thumbnails/ab/cd/<sha256>.webp, apart from the original', async () => {
    const bucket = fakeBucket();
    const store = s3FileStore(
      {
        endpoint: 'https://s3.example.vn',
        bucket: 'loa',
        region: 'hn-1',
        accessKeyId: 'KEY',
        secretAccessKey: 'SECRET',
      },
      bucket.fetchImpl,
    );
    const original = Buffer.from('ảnh gốc');
    const thumbnail = Buffer.from('ảnh thu nhỏ');
    const sha = createHash('sha256').update(original).digest('hex');
    await store.put(sha, original);
    expect(await store.put(sha, thumbnail, 'thumbnail')).toEqual({ created: true });
    expect([...bucket.objects.keys()].sort()).toEqual([
      `/loa/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`,
      `/loa/thumbnails/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}.webp`,
    ]);
    expect(await text((await store.get(sha, 'thumbnail'))!)).toBe('ảnh thu nhỏ');
    await store.delete(sha, 'thumbnail');
    expect(await store.get(sha, 'thumbnail')).toBeNull();
    expect(await text((await store.get(sha))!)).toBe('ảnh gốc');
  });
});
