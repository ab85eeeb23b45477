// `npm run loa -- <command>`: administration from the shell. Works beside a running server.
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ZRole, type TRole } from '@loa/contracts';
import { compose } from './composition-root.js';
import { SYSTEM_ACTOR, type Actor } from './platform/actor.js';
import { verifyAuditLog } from './platform/audit/verify.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { openDatabase, recreateDatabase } from './platform/db/client.js';
import { attachEmbeddedPostgres } from './platform/db/embedded.js';
import { findPgTool, runPgTool } from './platform/db/pg-tools.js';
import { AppError } from './platform/errors.js';
import { readSheet } from './platform/http/excel.js';
import { messageFor } from './platform/http/problem.js';
import { backupTo, restoreFrom } from './cli-backup.js';
import { MONITOR_USAGE, runMonitorCommand } from './cli-monitor.js';
import { diskFileStore, s3FileStore } from './modules/files/index.js';
import { importColumns } from './modules/org-units/index.js';
import { openRuntime } from './runtime.js';

const USAGE = `Usage: npm run loa -- <command> [options]

  create-user --username U --full-name "Họ Tên" --unit CODE --role ROLE [--role ROLE] [--email E]
                                   create a user; prints a one-time password
  reset-password USERNAME          give a user a new one-time password
  import-org-units FILE.xlsx [--dry-run]
                                   import units (all or nothing; same columns as the export)
  audit verify                     check the hash chain of the audit log
  backup DIR                       write the database (pg_dump) and the uploaded files into a new folder,
                                   with a manifest of row counts and SHA-256 hashes (safe while Loa runs)
  restore DIR                      check the backup's hashes, replace the database and put the files back,
                                   then compare row counts (stop the servers first); a pg_dump file restores
                                   the database only
  migrate                          apply pending migrations and exit
${MONITOR_USAGE}

The database is DATABASE_URL, else the embedded one in LOA_DATA_DIR (the running server's, if any).`;

const CLI_ACTOR: Actor = { ...SYSTEM_ACTOR, fullName: 'Dòng lệnh quản trị (CLI)', username: 'cli' };

async function main(argv: string[]): Promise<number> {
  // case 'monitor': its own options, and `monitor eval` needs no database (cli-monitor.ts).
  if (argv[0] === 'monitor') return runMonitorCommand(argv.slice(1));
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      'full-name': { type: 'string' },
      unit: { type: 'string' },
      role: { type: 'string', multiple: true },
      email: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, argument] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const attached = config.databaseUrl ? null : await attachEmbeddedPostgres(config.dataDir);
  const runtime = await openRuntime(attached ? { ...config, databaseUrl: attached } : config, (m) => console.error(m));
  try {
    const services = compose(runtime.database.db, { sessionHours: config.sessionHours });
    const unitId = async (code: string) => {
      const { rows } = await runtime.database.pool.query<{ id: string }>('SELECT id FROM org_units WHERE code = $1', [
        code,
      ]);
      if (!rows[0]) throw new Error(`No org unit with code ${code}`);
      return rows[0].id;
    };
    const userId = async (username: string) => {
      const { rows } = await runtime.database.pool.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [
        username,
      ]);
      if (!rows[0]) throw new Error(`No user ${username}`);
      return rows[0].id;
    };
    switch (command) {
      case 'create-user': {
        if (!values.username || !values['full-name'] || !values.unit || !values.role?.length) {
          throw new Error('create-user needs --username, --full-name, --unit and at least one --role');
        }
        const roles = values.role.map((r) => ZRole.parse(r)) as TRole[];
        const created = await services.users.createUser(CLI_ACTOR, {
          username: values.username,
          fullName: values['full-name'],
          email: values.email ?? null,
          roles,
          orgUnitId: await unitId(values.unit),
        });
        console.log(`Created ${created.user.username}; one-time password: ${created.temporaryPassword}`);
        return 0;
      }
      case 'reset-password': {
        if (!argument) throw new Error('reset-password needs a username');
        const { temporaryPassword } = await services.users.resetPassword(CLI_ACTOR, await userId(argument));
        console.log(`New one-time password for ${argument}: ${temporaryPassword}`);
        return 0;
      }
      case 'import-org-units': {
        if (!argument) throw new Error('import-org-units needs an .xlsx file');
        const rows = await readSheet(await fs.readFile(argument), importColumns());
        const outcome = await services.orgUnitsImport.importOrgUnits(CLI_ACTOR, rows, {
          dryRun: values['dry-run'] ?? false,
        });
        for (const p of outcome.rejected)
          console.log(`  row ${p.row}${p.field ? ` ${p.field}` : ''}: ${messageFor(p.code, 'vi', p.params)}`);
        console.log(
          `${outcome.applied ? 'Imported' : 'Nothing written'}: ${outcome.created} new, ${outcome.updated} updated, ${outcome.rejected.length} rejected`,
        );
        return outcome.rejected.length > 0 ? 1 : 0;
      }
      case 'audit': {
        if (argument !== 'verify') throw new Error('Usage: audit verify');
        const result = await verifyAuditLog(runtime.database.pool);
        for (const p of result.problems) console.log(`  event #${p.seq}: ${p.problem}`);
        console.log(
          result.problems.length === 0
            ? `Audit log intact: ${result.count} events, head #${result.head.seq} ${result.head.hash}`
            : `Audit log TAMPERED: ${result.problems.length} problem(s) in ${result.count} events`,
        );
        return result.problems.length === 0 ? 0 : 1;
      }
      case 'backup':
      case 'restore': {
        if (!argument) throw new Error(`${command} needs a folder`);
        const { rows } = await runtime.database.pool.query<{ v: string }>(
          "SELECT current_setting('server_version_num') AS v",
        );
        const major = Math.floor(Number(rows[0]!.v) / 10_000);
        const store = config.s3 ? s3FileStore(config.s3) : diskFileStore(config.filesDir);
        if (command === 'backup') {
          const manifest = await backupTo(argument, runtime.database.pool, runtime.url, store);
          const rowsTotal = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
          console.log(
            `Backup written to ${argument}: ${Object.keys(manifest.tables).length} tables, ${rowsTotal} rows, ${manifest.blobs.length} files (migration ${manifest.migration ?? '—'})`,
          );
          return 0;
        }
        if (attached) throw new Error('Loa is running on this data directory: stop it before restoring a backup.');
        await runtime.database.close();
        if ((await fs.stat(argument)).isFile()) {
          // A backup of an earlier Loa: one pg_dump file, the database only.
          await recreateDatabase(runtime.url);
          await runPgTool(
            await findPgTool('pg_restore', major),
            [
              '--no-owner',
              '--single-transaction',
              '--exit-on-error',
              `--dbname=${decodeURIComponent(new URL(runtime.url).pathname.slice(1))}`,
              argument,
            ],
            runtime.url,
          );
          console.log(`Restored the database of ${argument} (a database-only backup: files untouched)`);
          return 0;
        }
        const { manifest, mismatches } = await restoreFrom(
          argument,
          runtime.url,
          store,
          () => openDatabase(runtime.url, 1),
          major,
        );
        for (const table of mismatches) console.log(`  ${table}: row count differs from the backup's`);
        console.log(
          mismatches.length === 0
            ? `Restored ${argument}: ${Object.keys(manifest.tables).length} tables with the backup's row counts, ${manifest.blobs.length} files verified by SHA-256`
            : `Restore of ${argument} INCOMPLETE: ${mismatches.length} table(s) differ`,
        );
        return mismatches.length === 0 ? 0 : 1;
      }
      case 'migrate':
        console.log('Migrations are up to date.');
        return 0;
      default:
        console.error(`Unknown command ${command}\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await runtime.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof AppError
        ? `${messageFor(error.code, 'vi', error.params)}${error.fields.map((f) => `\n  ${f.field}: ${messageFor(f.code, 'vi', f.params)}`).join('')}`
        : error instanceof ConfigError
          ? error.message
          : ((error as Error)?.message ?? String(error));
    console.error(message);
    process.exit(1);
  },
);
