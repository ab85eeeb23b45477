import { foldVi } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import { matchPlace } from './agent-places.js';
import { mapAgentRow, type FieldProblem } from './agent-rows.js';
import type { AdminPlace, NewAgentRow } from './agents.repository.js';
import { agentSnapshot, resolvePlace, type AgentsDeps, type PlaceCodes } from './agents.service.js';
import { agentsPolicy } from './agents.policy.js';

/** One spreadsheet row, keyed by column, with its 1-based row number in the sheet. */
export interface SheetRow {
  row: number;
  values: Record<string, string | null>;
}

export interface RowProblem extends FieldProblem {
  row: number;
}

export interface ImportOutcome {
  applied: boolean;
  created: number;
  updated: number;
  rejected: RowProblem[];
}

const SHEET_FIELD = { provinceCode: 'province', districtCode: 'district', communeCode: 'commune' } as const;

/** Administrative units by parent, read once per import. */
function placeLists(deps: Pick<AgentsDeps, 'repo'>, tx: Executor) {
  const cache = new Map<string, Promise<AdminPlace[]>>();
  let structure: Promise<'63' | '34'> | null = null;
  return async (parent: string | null) => {
    structure ??= deps.repo.placeStructure(tx);
    const key = parent ?? '';
    if (!cache.has(key)) cache.set(key, deps.repo.listPlaces(tx, await structure, parent));
    return cache.get(key)!;
  };
}

/** Codes of the places a row names by code or by name; the problems of the names that match nothing. */
async function placeCodesOf(
  lists: ReturnType<typeof placeLists>,
  fields: { province: string; district: string | null; commune: string | null },
): Promise<{ codes: PlaceCodes | null; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  const find = async (field: 'province' | 'district', parent: string | null, text: string) => {
    const level = field === 'province' ? 1 : 2;
    const match = matchPlace(
      (await lists(parent)).filter((p) => p.level === level),
      text,
    );
    if ('problem' in match) {
      problems.push({ field, code: match.problem, params: { value: text } });
      return null;
    }
    return match.place;
  };
  const province = await find('province', null, fields.province);
  if (!province) return { codes: null, problems };
  let district: AdminPlace | null = null;
  if (fields.district) district = await find('district', province.code, fields.district);
  let communeCode: string | null = null;
  if (fields.commune) {
    // Under the district when there is one (63-province structure), else directly under the province (34).
    const parent = district?.code ?? province.code;
    const candidates = (await lists(parent)).filter((p) => p.level === 3);
    if (!district && candidates.length === 0) {
      problems.push({ field: 'district', code: 'validation.required' });
    } else {
      const match = matchPlace(candidates, fields.commune);
      if ('problem' in match)
        problems.push({ field: 'commune', code: match.problem, params: { value: fields.commune } });
      else communeCode = match.place.code;
    }
  }
  if (problems.length > 0) return { codes: null, problems };
  return { codes: { provinceCode: province.code, districtCode: district?.code ?? null, communeCode }, problems };
}

export type AgentsImportService = ReturnType<typeof createAgentsImportService>;

/**
 * Excel import, all or nothing (as the editorial calendar's): every row is checked first — fields, phone
 * numbers, places, scope, duplicates in the list and in the file; if any row is rejected nothing is written and
 * the report lists every problem of every bad row. `dryRun` only reports.
 */
export function createAgentsImportService(deps: AgentsDeps) {
  return {
    async importAgents(actor: Actor, rows: SheetRow[], options: { dryRun: boolean }): Promise<ImportOutcome> {
      agentsPolicy.assertCanWrite(actor);
      return deps.runInTransaction(async (tx) => {
        const lists = placeLists(deps, tx);
        const outcome: ImportOutcome = { applied: false, created: 0, updated: 0, rejected: [] };
        const agents: NewAgentRow[] = [];
        const seen = new Map<string, number>();
        for (const { row, values } of rows) {
          const reject = (problems: FieldProblem[]) => outcome.rejected.push(...problems.map((p) => ({ row, ...p })));
          const { fields, problems } = mapAgentRow(values);
          if (!fields) {
            reject(problems);
            continue;
          }
          const { codes, problems: placeProblems } = await placeCodesOf(lists, fields);
          if (!codes) {
            reject(placeProblems);
            continue;
          }
          const resolved = await resolvePlace(tx, deps, codes, (f) => SHEET_FIELD[f]);
          if (!resolved.place) {
            reject(resolved.problems);
            continue;
          }
          const { keeper, ...place } = resolved.place;
          if (!agentsPolicy.canEdit(actor, { orgUnitPath: keeper.path })) {
            reject([{ field: place.districtCode ? 'district' : 'province', code: 'validation.unit_out_of_scope' }]);
            continue;
          }
          const { province: _p, district: _d, commune: _c, ...rest } = fields;
          const agent: NewAgentRow = { ...rest, ...place, orgUnitId: keeper.id, createdBy: actor.userId };
          const placeKey = [place.provinceCode, place.districtCode ?? '', place.communeCode ?? '', foldVi(agent.name)];
          const earlier = agent.phones.map((p) => seen.get([...placeKey, p].join('|'))).find((r) => r !== undefined);
          if (earlier !== undefined) {
            reject([{ field: 'name', code: 'validation.duplicate_in_file', params: { row: earlier } }]);
            continue;
          }
          if (await deps.repo.findDuplicate(tx, agent, null)) {
            reject([{ field: 'name', code: 'validation.duplicate_agent' }]);
            continue;
          }
          for (const phone of agent.phones) seen.set([...placeKey, phone].join('|'), row);
          agents.push(agent);
        }
        outcome.created = agents.length;
        if (outcome.rejected.length > 0 || options.dryRun) return outcome;
        for (const agent of agents) {
          const id = await deps.repo.insert(tx, agent);
          await deps.recordAudit(tx, actor, {
            action: 'import',
            entityType: 'collection_agent',
            entityId: id,
            orgUnitId: agent.orgUnitId,
            summary: `${agent.name} — ${agent.provinceName}`.slice(0, 300),
            after: agentSnapshot(agent),
          });
        }
        outcome.applied = true;
        return outcome;
      });
    },
  };
}
