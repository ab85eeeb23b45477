import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_MAX_UPLOAD_MB, DEFAULT_PROPOSAL_DAY, ZOrgPreset } from '@loa/contracts';

const ZBool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const ZPostgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, { message: 'must start with postgres:// or postgresql://' });

// "Loa <no-reply@bhxh.gov.vn>" or a bare address; no line breaks (it becomes a mail header).
const ZMailFrom = z.string().regex(/^(?:[^<>\r\n@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
  message: 'must be an e-mail address, optionally with a name: Loa <no-reply@example.vn>',
});

// A time of day, "06:30": what a daily job's schedule is built from.
const ZTimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  message: 'must be a time of day HH:MM from 00:00 to 23:59, e.g. 06:30',
});

const ZEnv = z.object({
  PORT: z.coerce.number({ message: 'must be a number' }).int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: ZPostgresUrl.optional(),
  LOA_DATA_DIR: z.string().min(1).default('./data'),
  LOA_FILES_DIR: z.string().min(1).optional(),
  LOA_MAX_UPLOAD_MB: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number of megabytes from 1 to 2048' })
    .min(1, { message: 'must be a whole number of megabytes from 1 to 2048' })
    .max(2048, { message: 'must be a whole number of megabytes from 1 to 2048' })
    .default(DEFAULT_MAX_UPLOAD_MB),
  LOA_S3_ENDPOINT: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' }).optional(),
  LOA_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a bucket name (a-z, 0-9, ".", "-")' })
    .optional(),
  LOA_S3_REGION: z.string().min(1).default('us-east-1'),
  LOA_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  LOA_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  LOA_EMBEDDED_PG_PORT: z.coerce.number({ message: 'must be a number' }).int().min(1024).max(65535).default(54329),
  LOA_ADMIN_PASSWORD: z.string().min(10, { message: 'must have at least 10 characters' }).optional(),
  LOA_DEMO: ZBool.default(true),
  LOA_ORG_PRESET: ZOrgPreset.default('63-provinces'),
  LOA_RUN_JOBS: ZBool.default(true),
  LOA_TRUST_PROXY: ZBool.default(false),
  LOA_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  LOA_SESSION_CACHE: ZBool.default(true),
  LOA_LOGINS_PER_MINUTE: z.coerce.number({ message: 'must be a number' }).int().min(1).max(100_000).default(20),
  LOA_WEB_DIST: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: 'must start with smtp:// or smtps://' })
    .optional(),
  LOA_MAIL_FROM: ZMailFrom.default('Loa <no-reply@localhost>'),
  LOA_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' })
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  LOA_PROPOSAL_DAY: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a day of the month from 1 to 28' })
    .min(1, { message: 'must be a day of the month from 1 to 28' })
    .max(28, { message: 'must be a day of the month from 1 to 28' })
    .default(DEFAULT_PROPOSAL_DAY),
  // When the daily press review and the 24-hour bulletin are compiled (issue 8), Vietnam time.
  LOA_REVIEW_TIME: ZTimeOfDay.default('06:30'),
  LOA_BULLETIN_TIME: ZTimeOfDay.default('16:00'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Polite fetching of monitored sources (issue 12 §2).
  LOA_FETCH_HOST_INTERVAL_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .min(0.05, { message: 'must be from 0.05 to 3600 seconds' })
    .max(3600, { message: 'must be from 0.05 to 3600 seconds' })
    .default(5),
  LOA_FETCH_HOST_CONCURRENCY: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number from 1 to 10' })
    .min(1, { message: 'must be a whole number from 1 to 10' })
    .max(10, { message: 'must be a whole number from 1 to 10' })
    .default(2),
  LOA_FETCH_TIMEOUT_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .min(1, { message: 'must be from 1 to 600 seconds' })
    .max(600, { message: 'must be from 1 to 600 seconds' })
    .default(30),
  LOA_FETCH_CONNECT_TIMEOUT_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .min(1, { message: 'must be from 1 to 120 seconds' })
    .max(120, { message: 'must be from 1 to 120 seconds' })
    .default(10),
  LOA_FETCH_MAX_MB: z.coerce
    .number({ message: 'must be a number' })
    .min(0.1, { message: 'must be from 0.1 to 200 megabytes' })
    .max(200, { message: 'must be from 0.1 to 200 megabytes' })
    .default(10),
  LOA_FETCH_RETRIES: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number from 0 to 10' })
    .min(0, { message: 'must be a whole number from 0 to 10' })
    .max(10, { message: 'must be a whole number from 0 to 10' })
    .default(3),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where uploaded files are stored (LOA_FILES_DIR, default `<data dir>/files`). */
  filesDir: string;
  /** Largest accepted upload, in megabytes. */
  maxUploadMb: number;
  /** An S3-compatible bucket for uploaded files instead of `filesDir` (all LOA_S3_* set), or undefined. */
  s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | undefined;
  embeddedPgPort: number;
  adminPassword: string | undefined;
  demo: boolean;
  orgPreset: z.infer<typeof ZOrgPreset>;
  runJobs: boolean;
  trustProxy: boolean;
  sessionHours: number;
  /** Keep recently read sessions in memory, kept true by PostgreSQL's notifications (decision 0055). */
  sessionCache: boolean;
  /** Login attempts allowed per client address and minute (a whole office may share one address). */
  loginsPerMinute: number;
  webDist: string | undefined;
  smtpUrl: string | undefined;
  /** Sender of Loa's e-mails. */
  mailFrom: string;
  /** The address users open Loa at, without a trailing slash; e-mails link to it when set. */
  publicUrl: string | undefined;
  /** Day of month M−1 that is the last for proposing planned content for month M. */
  proposalDay: number;
  /** "HH:MM" (Asia/Ho_Chi_Minh) when the daily press review and the 24-hour bulletin are compiled. */
  reviewTime: string;
  bulletinTime: string;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  /** Polite fetching of monitored sources (LOA_FETCH_*). */
  monitoringFetch: {
    hostIntervalSeconds: number;
    hostConcurrency: number;
    connectTimeoutSeconds: number;
    timeoutSeconds: number;
    maxBytes: number;
    retries: number;
  };
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const s3Names = ['LOA_S3_ENDPOINT', 'LOA_S3_BUCKET', 'LOA_S3_ACCESS_KEY_ID', 'LOA_S3_SECRET_ACCESS_KEY'] as const;
  const s3Missing = s3Names.filter((name) => !e[name]);
  if (s3Missing.length > 0 && s3Missing.length < s3Names.length) {
    const lines = s3Missing.map((name) => `  ${name}: required when the other LOA_S3_* variables are set`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  // Relative to where `npm` was started (npm runs workspace scripts in the workspace's folder).
  const dataDir = path.resolve(env.INIT_CWD ?? process.cwd(), e.LOA_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    filesDir: e.LOA_FILES_DIR
      ? path.resolve(env.INIT_CWD ?? process.cwd(), e.LOA_FILES_DIR)
      : path.join(dataDir, 'files'),
    maxUploadMb: e.LOA_MAX_UPLOAD_MB,
    s3:
      e.LOA_S3_ENDPOINT && e.LOA_S3_BUCKET && e.LOA_S3_ACCESS_KEY_ID && e.LOA_S3_SECRET_ACCESS_KEY
        ? {
            endpoint: e.LOA_S3_ENDPOINT,
            bucket: e.LOA_S3_BUCKET,
            region: e.LOA_S3_REGION,
            accessKeyId: e.LOA_S3_ACCESS_KEY_ID,
            secretAccessKey: e.LOA_S3_SECRET_ACCESS_KEY,
          }
        : undefined,
    embeddedPgPort: e.LOA_EMBEDDED_PG_PORT,
    adminPassword: e.LOA_ADMIN_PASSWORD,
    demo: e.LOA_DEMO,
    orgPreset: e.LOA_ORG_PRESET,
    runJobs: e.LOA_RUN_JOBS,
    trustProxy: e.LOA_TRUST_PROXY,
    sessionHours: e.LOA_SESSION_HOURS,
    sessionCache: e.LOA_SESSION_CACHE,
    loginsPerMinute: e.LOA_LOGINS_PER_MINUTE,
    webDist: e.LOA_WEB_DIST,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.LOA_MAIL_FROM.trim(),
    publicUrl: e.LOA_PUBLIC_URL,
    proposalDay: e.LOA_PROPOSAL_DAY,
    reviewTime: e.LOA_REVIEW_TIME,
    bulletinTime: e.LOA_BULLETIN_TIME,
    logLevel: e.LOG_LEVEL,
    monitoringFetch: {
      hostIntervalSeconds: e.LOA_FETCH_HOST_INTERVAL_SECONDS,
      hostConcurrency: e.LOA_FETCH_HOST_CONCURRENCY,
      connectTimeoutSeconds: e.LOA_FETCH_CONNECT_TIMEOUT_SECONDS,
      timeoutSeconds: e.LOA_FETCH_TIMEOUT_SECONDS,
      maxBytes: Math.round(e.LOA_FETCH_MAX_MB * 1024 * 1024),
      retries: e.LOA_FETCH_RETRIES,
    },
  };
}
