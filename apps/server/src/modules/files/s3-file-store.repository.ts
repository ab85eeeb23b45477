import { createHash, createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { blobKey, type BlobVariant, type FileStore } from './file-store.repository.js';

/** An S3-compatible bucket (AWS S3, MinIO, Ceph, Viettel/FPT object storage…), reached path-style. */
export interface S3Options {
  /** `https://s3.example.vn` — the service root, without the bucket. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, `/` kept in paths. */
const encodePath = (path: string) =>
  path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');

/**
 * Signs a request with AWS Signature Version 4 (service `s3`): returns the headers to send — the given
 * ones plus `host`, `x-amz-date`, `x-amz-content-sha256` and `authorization`. `payloadHash` is the hex
 * SHA-256 of the body (of the empty string for GET, HEAD and DELETE).
 */
export function signS3Request(input: {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  payloadHash: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  now: Date;
}): Record<string, string> {
  const amzDate = input.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v.trim()])),
    host: input.url.host,
    'x-amz-content-sha256': input.payloadHash,
    'x-amz-date': amzDate,
  };
  const names = Object.keys(headers).sort();
  const query = [...input.url.searchParams.entries()]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&');
  const canonical = [
    input.method,
    encodePath(decodeURIComponent(input.url.pathname)),
    query,
    names.map((n) => `${n}:${headers[n]}\n`).join(''),
    names.join(';'),
    input.payloadHash,
  ].join('\n');
  const scope = `${day}/${input.region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

/**
 * Files in an S3-compatible bucket under the same keys as on disk (`ab/cd/<sha256>`). Objects appear whole
 * or not at all (S3 PUT is atomic), so no temporary names are needed.
 */
export function s3FileStore(options: S3Options, fetchImpl: typeof fetch = fetch): FileStore {
  const root = options.endpoint.replace(/\/+$/, '');
  const urlOf = (sha256: string, variant: BlobVariant | undefined) =>
    new URL(`${root}/${options.bucket}/${blobKey(sha256, variant)}`);

  async function send(method: string, sha256: string, variant?: BlobVariant, body?: Buffer): Promise<Response> {
    const url = urlOf(sha256, variant);
    const headers = signS3Request({
      method,
      url,
      headers: body ? { 'content-type': 'application/octet-stream' } : {},
      payloadHash: body ? sha256Hex(body) : sha256Hex(''),
      region: options.region,
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      now: new Date(),
    });
    delete headers.host;
    return fetchImpl(url, { method, headers, ...(body ? { body: new Uint8Array(body) } : {}) });
  }

  const fail = async (what: string, response: Response) =>
    new Error(`S3 ${what} failed: ${response.status} ${(await response.text().catch(() => '')).slice(0, 300)}`);

  return {
    async put(sha256, bytes, variant) {
      const head = await send('HEAD', sha256, variant);
      if (head.ok) return { created: false };
      if (head.status !== 404) throw await fail('HEAD', head);
      const put = await send('PUT', sha256, variant, bytes);
      if (!put.ok) throw await fail('PUT', put);
      return { created: true };
    },

    async get(sha256, variant) {
      const response = await send('GET', sha256, variant);
      if (response.status === 404) return null;
      if (!response.ok || !response.body) throw await fail('GET', response);
      return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    },

    async delete(sha256, variant) {
      const response = await send('DELETE', sha256, variant);
      if (!response.ok && response.status !== 404) throw await fail('DELETE', response);
    },
  };
}
