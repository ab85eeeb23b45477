import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it lived at `file` and returns the messages of the layering rule. */
async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rules of ARCHITECTURE.md', () => {
  it('stops a route from importing a repository', async () => {
    const errors = await layeringErrors(
      'apps/server/src/modules/users/users.routes.ts',
      "import { usersRepository } from './users.repository.js';\nexport const x = usersRepository;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('stops a service from importing Fastify or Drizzle', async () => {
    const errors = await layeringErrors(
      'apps/server/src/modules/users/users.service.ts',
      "import Fastify from 'fastify';\nimport { sql } from 'drizzle-orm';\nexport const x = [Fastify, sql];\n",
    );
    expect(errors).toHaveLength(2);
  });

  it("stops a service from reaching into another module's internals", async () => {
    const errors = await layeringErrors(
      'apps/server/src/modules/auth/auth.service.ts',
      "import { usersRepository } from '../users/users.repository.js';\nimport { toUser } from '../users/index.js';\nexport const x = [usersRepository, toUser];\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('keeps pure rule files free of I/O and contracts free of everything but zod', async () => {
    expect(
      await layeringErrors(
        'apps/server/src/modules/org-units/org-rules.ts',
        "import fs from 'node:fs';\nexport const x = fs;\n",
      ),
    ).toHaveLength(1);
    expect(
      await layeringErrors(
        'packages/contracts/src/roles.ts',
        "import pg from 'pg';\nimport { z } from 'zod';\nexport const x = [pg, z];\n",
      ),
    ).toHaveLength(1);
  });

  it('keeps the web app away from the server', async () => {
    const errors = await layeringErrors(
      'apps/web/src/shared/api.ts',
      "import { buildApp } from '../../../server/src/app.js';\nexport const x = buildApp;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('lets a service use its repository, policy and the allowed platform parts', async () => {
    const errors = await layeringErrors(
      'apps/server/src/modules/users/users.service.ts',
      [
        "import { usersRepository } from './users.repository.js';",
        "import { usersPolicy } from './users.policy.js';",
        "import { AppError } from '../../platform/errors.js';",
        "import type { RunInTransaction } from '../../platform/db/transaction.js';",
        "import { toOrgUnit } from '../org-units/index.js';",
        'export const x = [usersRepository, usersPolicy, AppError, toOrgUnit];',
        'export type Y = RunInTransaction;',
        '',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });
});
