import { sql } from 'drizzle-orm';
import type { TOrgPreset, TRole } from '@loa/contracts';
import type { Services } from './composition-root.js';
import { SYSTEM_ACTOR } from './platform/actor.js';
import { recordAudit } from './platform/audit/audit.js';
import { orgUnitsRepository, ROOT_CODE, seedOrganisation } from './modules/org-units/index.js';
import { usersRepository } from './modules/users/index.js';

// Serialises first starts of several instances on one empty database.
const BOOTSTRAP_LOCK = 727_003;

export interface FirstStartCredential {
  username: string;
  password: string;
  role: TRole;
  unit: string;
  mustChange: boolean;
}

interface DemoUser {
  username: string;
  fullName: string;
  role: TRole;
  unit: { '63-provinces': string; '34-provinces': string };
  title: string;
}

/** One user per role of PRODUCT.md, in units that exist in both presets' trees. */
const DEMO_USERS: DemoUser[] = [
  {
    username: 'lanhdao',
    fullName: 'Nguyễn Văn Lãnh',
    role: 'leader',
    unit: { '63-provinces': ROOT_CODE, '34-provinces': ROOT_CODE },
    title: 'Phó Tổng Giám đốc',
  },
  {
    username: 'truyenthong',
    fullName: 'Trần Thị Thông',
    role: 'comms_center',
    unit: { '63-provinces': 'TT', '34-provinces': 'TT' },
    title: 'Chuyên viên Trung tâm Truyền thông',
  },
  {
    username: 'banthu',
    fullName: 'Lê Văn Thu',
    role: 'unit_officer',
    unit: { '63-provinces': 'THU', '34-provinces': 'THU' },
    title: 'Chuyên viên Ban Thu',
  },
  {
    username: 'baobhxh',
    fullName: 'Phạm Thị Báo',
    role: 'press_office',
    unit: { '63-provinces': 'BAO', '34-provinces': 'BAO' },
    title: 'Phóng viên Báo BHXH',
  },
  {
    username: 'hanoi',
    fullName: 'Hoàng Văn Hà',
    role: 'province_officer',
    unit: { '63-provinces': 'P01', '34-provinces': 'P01' },
    title: 'Cán bộ truyền thông BHXH Hà Nội',
  },
  {
    username: 'badinh',
    fullName: 'Vũ Thị Đình',
    role: 'district_officer',
    unit: { '63-provinces': 'D001', '34-provinces': 'P01' },
    title: 'Cán bộ BHXH quận Ba Đình',
  },
  {
    username: 'xem',
    fullName: 'Đỗ Văn Xem',
    role: 'viewer',
    unit: { '63-provinces': 'P79', '34-provinces': 'P79' },
    title: 'Người xem',
  },
];

export interface BootstrapOptions {
  orgPreset: TOrgPreset;
  demo: boolean;
  adminPassword: string | undefined;
}

/**
 * Idempotent first-start work: the 2020 guidance, the administrative units and org tree of the preset,
 * the `admin` user and, with LOA_DEMO, one demo user per role. Returns the passwords to print, once.
 */
export async function bootstrap(services: Services, options: BootstrapOptions): Promise<FirstStartCredential[]> {
  await services.guidance.seedGuidance2020(SYSTEM_ACTOR);
  let seededUnits = 0;
  const credentials = await services.runInTransaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    seededUnits = await seedOrganisation(
      tx,
      { repo: orgUnitsRepository, recordAudit },
      SYSTEM_ACTOR,
      options.orgPreset,
    );
    const [{ n } = { n: 0 }] = (await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`)).rows;
    if (n > 0) return [];
    const credentials: FirstStartCredential[] = [];
    const create = async (
      user: { username: string; fullName: string; role: TRole; unitCode: string; title: string | null },
      password: string,
      mustChange: boolean,
    ) => {
      const unit = await orgUnitsRepository.findByCode(tx, user.unitCode);
      if (!unit) return;
      const id = await usersRepository.insert(tx, {
        username: user.username,
        fullName: user.fullName,
        title: user.title,
        roles: [user.role],
        orgUnitId: unit.id,
        passwordHash: await services.passwords.hash(password),
        mustChangePassword: mustChange,
      });
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'create',
        entityType: 'user',
        entityId: id,
        orgUnitId: unit.id,
        summary: `${user.username} — ${user.fullName}`,
        after: { username: user.username, fullName: user.fullName, roles: [user.role], orgUnit: unit.code },
      });
      credentials.push({ username: user.username, password, role: user.role, unit: unit.name, mustChange });
    };
    const adminPassword = options.adminPassword ?? services.passwords.generate();
    await create(
      { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin', unitCode: ROOT_CODE, title: null },
      adminPassword,
      options.adminPassword === undefined,
    );
    if (options.demo) {
      for (const demo of DEMO_USERS) {
        await create({ ...demo, unitCode: demo.unit[options.orgPreset] }, services.passwords.generate(), false);
      }
    }
    return credentials;
  });
  // The regulations of the seed belong to the root and name central units: they need the org tree first.
  await services.regulations.seedRegulations2020(SYSTEM_ACTOR);
  // The current fiscal year open and the spending norms of the seed (issue 6 §1).
  await services.budget.years.seedBudget(SYSTEM_ACTOR);
  // The agency's official channels and the fakes it warned about (issue 12 §7), for the public check.
  await services.officialChannels.seedChannels(SYSTEM_ACTOR);
  // Major outlets' RSS feeds, disabled until an administrator checks and enables them (issue 12 §1).
  await services.monitoringSources.seedOutletFeeds(SYSTEM_ACTOR);
  // The agency's saved monitoring queries (issue 12 §5), owned by the central units: they need the org tree first.
  await services.monitoringQueries.seedQueries(SYSTEM_ACTOR);
  // The agency's alert rules (issue 8 §4): core negative news, scams, book trading; they name central units too.
  await services.monitoringAlertRules.seedRules(SYSTEM_ACTOR);
  // Fresh tables have no planner statistics until autovacuum comes by; scoped lists were 25× slower without them.
  if (seededUnits > 0)
    await services.db.execute(sql`ANALYZE org_units, admin_units, admin_unit_merges, guidance_items, users`);
  return credentials;
}

export function formatCredentials(credentials: FirstStartCredential[]): string {
  const lines = credentials.map(
    (c) =>
      `  ${c.username.padEnd(12)} ${c.password.padEnd(18)} ${c.role.padEnd(17)} ${c.unit}${c.mustChange ? '  (đổi mật khẩu khi đăng nhập lần đầu / change at first login)' : ''}`,
  );
  return [
    '',
    '════ Loa — tài khoản khởi tạo / first-start accounts (shown once, write them down) ════',
    ...lines,
    '══════════════════════════════════════════════════════════════════════════════════════',
    '',
  ].join('\n');
}
