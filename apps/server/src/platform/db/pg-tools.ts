import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The major version of a pg_dump/pg_restore binary, from `--version`. */
async function majorOf(binary: string): Promise<number> {
  const { stdout } = await run(binary, ['--version']);
  return Number.parseInt(/(\d+)(\.\d+)?/.exec(stdout)?.[1] ?? '0', 10);
}

/**
 * Finds `pg_dump` or `pg_restore` at least as new as the server (`LOA_PG_BIN`, then PATH, then Debian's
 * /usr/lib/postgresql/<major>/bin), or explains how to install one.
 */
export async function findPgTool(tool: 'pg_dump' | 'pg_restore', serverMajor: number): Promise<string> {
  const candidates: string[] = [];
  if (process.env.LOA_PG_BIN) candidates.push(path.join(process.env.LOA_PG_BIN, tool));
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, tool));
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    for (const version of fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a))) {
      candidates.push(path.join(debian, version, 'bin', tool));
    }
  }
  const seen: string[] = [];
  for (const candidate of candidates) {
    if (!fs.existsSync(candidate)) continue;
    const major = await majorOf(candidate).catch(() => 0);
    if (major >= serverMajor) return candidate;
    seen.push(`${candidate} (${major})`);
  }
  throw new Error(
    `No ${tool} for PostgreSQL ${serverMajor} or newer was found${seen.length ? ` (found: ${seen.join(', ')})` : ''}. ` +
      `Install the PostgreSQL client tools (Debian: apt-get install postgresql-client) or set LOA_PG_BIN.`,
  );
}

/** Runs a pg tool with the connection given by URL (password through the environment, not argv). */
export async function runPgTool(binary: string, args: string[], url: string): Promise<void> {
  const u = new URL(url);
  const env = {
    ...process.env,
    PGHOST: u.hostname || (u.searchParams.get('host') ?? ''),
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username) || process.env.PGUSER || '',
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
  await run(binary, args, { env, maxBuffer: 64 * 1024 * 1024 }).catch((error: { stderr?: string }) => {
    // The command line holds no secret, but keep the message to what the tool said.
    throw new Error(`${path.basename(binary)} failed: ${(error.stderr ?? '').trim().slice(0, 2000)}`);
  });
}
