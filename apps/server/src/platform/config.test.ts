import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

/** The message of the ConfigError that `env` causes. */
function configErrorOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('resolves a relative LOA_DATA_DIR from where npm was started, not from the workspace folder', () => {
    expect(loadConfig({ INIT_CWD: '/srv/loa' }).dataDir).toBe('/srv/loa/data');
    expect(loadConfig({ INIT_CWD: '/srv/loa', LOA_DATA_DIR: '/var/lib/loa' }).dataDir).toBe('/var/lib/loa');
  });

  it('runs on defaults with an empty environment: embedded database, demo users, 63 provinces', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: path.resolve('./data'),
      filesDir: path.resolve('./data/files'),
      maxUploadMb: 50,
      s3: undefined,
      embeddedPgPort: 54329,
      adminPassword: undefined,
      demo: true,
      orgPreset: '63-provinces',
      runJobs: true,
      trustProxy: false,
      sessionHours: 12,
      sessionCache: true,
      loginsPerMinute: 20,
      webDist: undefined,
      smtpUrl: undefined,
      mailFrom: 'Loa <no-reply@localhost>',
      publicUrl: undefined,
      proposalDay: 20,
      reviewTime: '06:30',
      bulletinTime: '16:00',
      logLevel: 'info',
      monitoringFetch: {
        hostIntervalSeconds: 5,
        hostConcurrency: 2,
        connectTimeoutSeconds: 10,
        timeoutSeconds: 30,
        maxBytes: 10 * 1024 * 1024,
        retries: 3,
      },
    });
  });

  it('reads the polite-fetching settings and refuses impolite ones', () => {
    const config = loadConfig({ LOA_FETCH_HOST_INTERVAL_SECONDS: '10', LOA_FETCH_MAX_MB: '2', LOA_FETCH_RETRIES: '0' });
    expect(config.monitoringFetch).toMatchObject({ hostIntervalSeconds: 10, maxBytes: 2 * 1024 * 1024, retries: 0 });
    expect(() => loadConfig({ LOA_FETCH_HOST_CONCURRENCY: '50' })).toThrow(/LOA_FETCH_HOST_CONCURRENCY/);
    expect(() => loadConfig({ LOA_FETCH_HOST_INTERVAL_SECONDS: '0' })).toThrow(/LOA_FETCH_HOST_INTERVAL_SECONDS/);
  });

  it('lets a deployment allow more logins per address, for offices behind one gateway', () => {
    expect(loadConfig({ LOA_LOGINS_PER_MINUTE: '300' }).loginsPerMinute).toBe(300);
    expect(() => loadConfig({ LOA_LOGINS_PER_MINUTE: '0' })).toThrow(/LOA_LOGINS_PER_MINUTE/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', LOA_DEMO: '', DATABASE_URL: '' })).toMatchObject({
      port: 3000,
      demo: true,
      databaseUrl: undefined,
    });
  });

  it('reads numbers, booleans, the preset and the database URL from their text', () => {
    const config = loadConfig({
      PORT: '8080',
      LOA_DEMO: 'no',
      LOA_TRUST_PROXY: '1',
      LOA_RUN_JOBS: 'false',
      LOA_ORG_PRESET: '34-provinces',
      DATABASE_URL: 'postgresql://loa:secret@db.internal:5432/loa',
      LOA_DATA_DIR: '/var/lib/loa',
    });
    expect(config).toMatchObject({
      port: 8080,
      demo: false,
      trustProxy: true,
      runJobs: false,
      orgPreset: '34-provinces',
      databaseUrl: 'postgresql://loa:secret@db.internal:5432/loa',
      dataDir: '/var/lib/loa',
    });
  });

  it('names every wrong variable in one ConfigError', () => {
    const message = configErrorOf({
      PORT: 'abc',
      LOA_ORG_PRESET: 'x',
      LOA_DEMO: 'maybe',
      DATABASE_URL: 'mysql://loa:secret@db/loa',
    });
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toContain('PORT: must be a number');
    expect(message).toContain('LOA_DEMO: must be true or false');
    expect(message).toContain('DATABASE_URL: must start with postgres:// or postgresql://');
    expect(message).toMatch(/LOA_ORG_PRESET: .*63-provinces.*34-provinces/);
  });

  it('reads the mail settings: SMTP_URL, the sender and the public address e-mails link to', () => {
    expect(
      loadConfig({
        SMTP_URL: 'smtps://loa:secret@mail.bhxh.gov.vn:465',
        LOA_MAIL_FROM: 'Loa BHXH <no-reply@bhxh.gov.vn>',
        LOA_PUBLIC_URL: 'https://loa.bhxh.gov.vn/',
      }),
    ).toMatchObject({
      smtpUrl: 'smtps://loa:secret@mail.bhxh.gov.vn:465',
      mailFrom: 'Loa BHXH <no-reply@bhxh.gov.vn>',
      publicUrl: 'https://loa.bhxh.gov.vn',
    });
    expect(loadConfig({ LOA_MAIL_FROM: 'no-reply@bhxh.gov.vn' }).mailFrom).toBe('no-reply@bhxh.gov.vn');
  });

  it('refuses a sender that is no address, or could inject a header, and a public address that is not http(s)', () => {
    for (const from of ['Loa', 'Loa <no-reply>', 'a@b.vn\r\nBcc: x@y.vn', 'Loa <a@b.vn> <c@d.vn>']) {
      expect(configErrorOf({ LOA_MAIL_FROM: from }), from).toContain('LOA_MAIL_FROM: must be an e-mail address');
    }
    expect(configErrorOf({ LOA_PUBLIC_URL: 'ftp://loa.bhxh.gov.vn' })).toContain(
      'LOA_PUBLIC_URL: must be an http:// or https:// address',
    );
    expect(configErrorOf({ SMTP_URL: 'mail.bhxh.gov.vn:25' })).toContain('SMTP_URL: must start with smtp://');
  });

  it('does not repeat the values, which may hold passwords', () => {
    expect(configErrorOf({ DATABASE_URL: 'mysql://loa:s3cr3t-value@db/loa' })).not.toContain('s3cr3t-value');
  });

  it('refuses a port out of range and a short admin password', () => {
    const message = configErrorOf({ PORT: '70000', LOA_ADMIN_PASSWORD: 'short' });
    expect(message).toContain('PORT:');
    expect(message).toContain('LOA_ADMIN_PASSWORD: must have at least 10 characters');
  });

  it('takes the proposal closing day as a day that every month has', () => {
    expect(loadConfig({ LOA_PROPOSAL_DAY: '25' }).proposalDay).toBe(25);
    for (const day of ['0', '29', '15.5', 'x']) {
      expect(configErrorOf({ LOA_PROPOSAL_DAY: day }), day).toMatch(/LOA_PROPOSAL_DAY: must be a/);
    }
  });

  it('reads when the press review and the bulletin are compiled, and refuses a time that is no time of day', () => {
    expect(loadConfig({ LOA_REVIEW_TIME: '07:15', LOA_BULLETIN_TIME: '23:59' })).toMatchObject({
      reviewTime: '07:15',
      bulletinTime: '23:59',
    });
    for (const time of ['6:30', '24:00', '06:60', '0630', 'sáng']) {
      expect(configErrorOf({ LOA_REVIEW_TIME: time }), time).toContain('LOA_REVIEW_TIME: must be a time of day HH:MM');
    }
    expect(configErrorOf({ LOA_BULLETIN_TIME: '16h' })).toContain('LOA_BULLETIN_TIME: must be a time of day HH:MM');
  });

  it('stores files under the data directory unless LOA_FILES_DIR says where, up to LOA_MAX_UPLOAD_MB', () => {
    expect(loadConfig({ INIT_CWD: '/srv/loa', LOA_DATA_DIR: '/var/lib/loa' }).filesDir).toBe('/var/lib/loa/files');
    expect(loadConfig({ INIT_CWD: '/srv/loa', LOA_FILES_DIR: 'blobs' }).filesDir).toBe('/srv/loa/blobs');
    expect(loadConfig({ LOA_MAX_UPLOAD_MB: '200' }).maxUploadMb).toBe(200);
    for (const size of ['0', '2.5', 'many', '4096']) {
      expect(configErrorOf({ LOA_MAX_UPLOAD_MB: size }), size).toMatch(/LOA_MAX_UPLOAD_MB: must be a/);
    }
  });

  it('stores files in an S3-compatible bucket when all LOA_S3_* are set, and names the missing ones otherwise', () => {
    const s3 = {
      LOA_S3_ENDPOINT: 'https://s3.example.vn',
      LOA_S3_BUCKET: 'loa-files',
      LOA_S3_ACCESS_KEY_ID: 'AKIA-LOA',
      LOA_S3_SECRET_ACCESS_KEY: 'secret-key-value',
    };
    expect(loadConfig({ ...s3, LOA_S3_REGION: 'hn-1' }).s3).toEqual({
      endpoint: 'https://s3.example.vn',
      bucket: 'loa-files',
      region: 'hn-1',
      accessKeyId: 'AKIA-LOA',
      secretAccessKey: 'secret-key-value',
    });
    expect(loadConfig(s3).s3?.region).toBe('us-east-1');
    const partial = configErrorOf({
      LOA_S3_ENDPOINT: s3.LOA_S3_ENDPOINT,
      LOA_S3_SECRET_ACCESS_KEY: 'secret-key-value',
    });
    expect(partial).toMatch(/LOA_S3_BUCKET: required/);
    expect(partial).toMatch(/LOA_S3_ACCESS_KEY_ID: required/);
    expect(partial).not.toContain('secret-key-value');
    expect(configErrorOf({ ...s3, LOA_S3_BUCKET: 'Bad_Bucket' })).toMatch(/LOA_S3_BUCKET: must be a bucket name/);
  });

  it('does not complain about variables that are fine', () => {
    expect(configErrorOf({ PORT: 'abc', HOST: '127.0.0.1' })).not.toContain('HOST');
  });
});
