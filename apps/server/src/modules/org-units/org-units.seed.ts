import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TOrgPreset } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Tx } from '../../platform/db/transaction.js';
import {
  buildPreset,
  flattenAdminUnits,
  type AdminUnits34,
  type AdminUnits63,
  type CentralUnits,
} from './org-presets.js';
import { childPath, depthOf } from './org-rules.js';
import type { OrgUnitsRepository } from './org-units.repository.js';

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference-data');

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await fs.readFile(path.join(DATA_DIR, file), 'utf8')) as T;
}

export async function loadReferenceData() {
  const [units63, units34, central] = await Promise.all([
    readJson<AdminUnits63>('admin-units/units-63-provinces.json'),
    readJson<AdminUnits34>('admin-units/units-34-provinces.json'),
    readJson<CentralUnits>('bhxh-central-units.json'),
  ]);
  return { units63, units34, central };
}

/**
 * On an empty database: loads the administrative units of both structures and builds the org tree of
 * `preset`, in the caller's transaction. Returns how many units were created (0 when the tree exists).
 */
export async function seedOrganisation(
  tx: Tx,
  deps: { repo: OrgUnitsRepository; recordAudit: RecordAudit },
  actor: Actor,
  preset: TOrgPreset,
): Promise<number> {
  const data = await loadReferenceData();
  if ((await deps.repo.countAdminUnits(tx)) === 0) {
    const { units, merges } = flattenAdminUnits(data.units63, data.units34);
    await deps.repo.insertAdminUnits(tx, units, merges);
  }
  if ((await deps.repo.countUnits(tx)) > 0) return 0;
  const paths = new Map<string, { id: string; path: string }>();
  const rows = buildPreset(preset, data.central, data.units63, data.units34).map((unit) => {
    const id = randomUUID();
    const parent = unit.parentCode ? paths.get(unit.parentCode) : undefined;
    const unitPath = childPath(parent?.path ?? '/', id);
    paths.set(unit.code, { id, path: unitPath });
    const { parentCode: _p, ...fields } = unit;
    return { ...fields, id, parentId: parent?.id ?? null, path: unitPath, depth: depthOf(unitPath) };
  });
  for (let i = 0; i < rows.length; i += 500) await deps.repo.insertMany(tx, rows.slice(i, i + 500));
  await deps.recordAudit(tx, actor, {
    action: 'seed',
    entityType: 'org_unit',
    entityId: null,
    orgUnitId: rows[0]!.id,
    summary: `${preset}: ${rows.length}`,
  });
  return rows.length;
}
