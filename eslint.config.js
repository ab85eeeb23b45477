// Lint rules, including the layering rules of ARCHITECTURE.md: a forbidden import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const drizzleAndPg = [
  {
    group: ['drizzle-orm', 'drizzle-orm/*', 'pg', 'pg-*'],
    message: 'Only repositories and platform/db talk to the database.',
  },
];
const httpFramework = [
  { group: ['fastify', '@fastify/*', 'fastify-*'], message: 'HTTP belongs in *.routes.ts and platform/http.' },
];
const otherModulesInternals = {
  regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$).+',
  message: "Use the other module's index.ts, not its internals.",
};

/** no-restricted-imports for one file role; each role lists everything it must not import. */
const layer = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'apps/server/reference-data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  layer(
    ['apps/server/src/**/*.routes.ts'],
    [
      ...drizzleAndPg,
      { group: ['**/*.repository.js', '**/*.table.js'], message: 'Routes call their service, never the repository.' },
      otherModulesInternals,
    ],
  ),
  layer(
    ['apps/server/src/**/*.service.ts'],
    [
      ...drizzleAndPg,
      ...httpFramework,
      {
        group: ['**/*.routes.js', '**/*.table.js', '**/platform/http/*'],
        message: 'Services know no HTTP and no tables.',
      },
      { regex: 'platform/db/(?!transaction\\.js$)', message: 'Services use platform/db/transaction only.' },
      otherModulesInternals,
    ],
  ),
  layer(
    ['apps/server/src/**/*.repository.ts', 'apps/server/src/**/*.table.ts'],
    [
      ...httpFramework,
      {
        group: ['**/*.service.js', '**/*.routes.js', '**/*.policy.js'],
        message: 'Repositories hold no business rules.',
      },
      otherModulesInternals,
    ],
  ),
  layer(
    ['apps/server/src/**/*.policy.ts'],
    [
      ...drizzleAndPg,
      ...httpFramework,
      { group: ['node:*', '**/*.repository.js', '**/*.service.js', '**/*.routes.js'], message: 'Policies are pure.' },
      {
        regex: 'platform/(?!(errors|actor)\\.js$)',
        message: 'Policies may only use platform/errors and platform/actor.',
      },
    ],
  ),
  layer(
    ['apps/server/src/modules/**/*.ts'],
    [
      ...drizzleAndPg,
      ...httpFramework,
      {
        group: ['node:*', '**/*.repository.js', '**/*.service.js', '**/*.routes.js'],
        message: 'Pure rule files do no I/O.',
      },
      {
        regex: 'platform/(?!(actor|sheets)\\.js$)',
        message: 'Pure rule files may import contracts, platform/actor and platform/sheets (no I/O) only.',
      },
    ],
    [
      '**/*.routes.ts',
      '**/*.service.ts',
      '**/*.repository.ts',
      '**/*.table.ts',
      '**/*.policy.ts',
      '**/*.job.ts',
      '**/*.seed.ts',
      '**/index.ts',
      '**/*.test.ts',
    ],
  ),
  layer(
    ['packages/contracts/**/*.ts'],
    [{ regex: '^(?!zod$|zod/|\\./).*', message: 'Contracts depend on zod only.' }],
    // Tests beside the contracts need vitest; what ships stays zod-only.
    ['**/*.test.ts'],
  ),
  layer(
    ['apps/web/**/*.{ts,tsx}'],
    [
      { regex: '(^|/)server/src(/|$)', message: 'The web app talks to the server only through contracts and HTTP.' },
      {
        group: ['@loa/server', '@loa/server/*'],
        message: 'The web app talks to the server only through contracts and HTTP.',
      },
    ],
  ),
  {
    files: [
      'apps/server/src/cli.ts',
      'apps/server/src/main.ts',
      'apps/server/src/worker.ts',
      'bench/**',
      'e2e/**',
      '**/test/**',
      '.ci/**',
      'apps/server/src/platform/db/seed/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
