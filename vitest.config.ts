import { defineConfig } from 'vitest/config';

const dbProject = (name: string, external: boolean) => ({
  test: {
    name,
    include: ['apps/server/src/**/*.db.test.ts'],
    // The embedded server's own life cycle is tested once, with the embedded run; so are the suites that spend their
    // time in processes and in the HTTP layer rather than in SQL (the embedded server is PostgreSQL 15 too).
    exclude: external
      ? [
          '**/embedded.db.test.ts',
          '**/authz-matrix.db.test.ts',
          '**/hostile-input.db.test.ts',
          '**/multi-instance.db.test.ts',
          '**/crash-safety*.db.test.ts',
          '**/node_modules/**',
        ]
      : ['**/node_modules/**'],
    globalSetup: ['apps/server/test/global-setup.ts'],
    setupFiles: ['apps/server/test/block-network.ts'],
    env: { LOA_TEST_DB: external ? 'external' : 'embedded' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'small',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'apps/web/build/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
          setupFiles: ['apps/server/test/block-network.ts'],
        },
      },
      dbProject('db', false),
      ...(process.env.TEST_DATABASE_URL ? [dbProject('db-external', true)] : []),
    ],
  },
});
