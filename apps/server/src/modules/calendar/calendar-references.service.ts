import type { TGuidanceKind, TListQuery } from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import { AppError, fieldError } from '../../platform/errors.js';
import {
  codeProblems,
  guidanceYearFor,
  type CodedValues,
  type FieldProblem,
  type GuidanceCatalog,
} from './item-rules.js';
import type { UnitInfo, UnitLookup } from '../org-units/index.js';

/** A user as the calendar needs it (users module). */
export interface UserInfo {
  id: string;
  username: string;
  fullName: string;
  roles: string[];
  orgUnitId: string;
  orgUnitPath: string;
  disabled: boolean;
}

export interface UserLookup {
  findById(tx: Executor, id: string): Promise<UserInfo | null>;
  /** By username (or e-mail). */
  findByLogin(tx: Executor, login: string): Promise<UserInfo | null>;
}

/** The guidance catalog (guidance module): its years, and the items of a year by kind. */
export interface GuidanceLookup {
  listYears(tx: Executor, query: TListQuery): Promise<{ rows: { year: number }[] }>;
  listItems(
    tx: Executor,
    year: number,
    kind: TGuidanceKind,
    group: undefined,
    query: TListQuery,
  ): Promise<{ rows: { code: string }[] }>;
}

export interface RegulationLookup {
  findById(tx: Executor, id: string): Promise<{ id: string; number: string } | null>;
}

export interface ReferenceDeps {
  units: UnitLookup;
  users: UserLookup;
  guidance: GuidanceLookup;
  regulations: RegulationLookup;
}

const ALL: TListQuery = { page: 1, pageSize: 1000, q: undefined, sort: undefined };

/** Throws every problem at once, as one problem+json with a field error each. */
export function throwProblems(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
}

/**
 * Checks of what an item refers to: a unit of the caller's scope, an assignee working there, codes of the
 * guidance year, an existing regulation. The catalog of a year is read once per checker.
 */
export function createReferenceChecks(deps: ReferenceDeps) {
  const catalogs = new Map<number, GuidanceCatalog>();
  let years: number[] | null = null;
  const unitsByCode = new Map<string, UnitInfo | null>();
  const usersByLogin = new Map<string, UserInfo | null>();

  async function knownYears(tx: Executor): Promise<number[]> {
    years ??= (await deps.guidance.listYears(tx, ALL)).rows.map((r) => r.year);
    return years;
  }

  async function catalog(tx: Executor, year: number): Promise<GuidanceCatalog> {
    const cached = catalogs.get(year);
    if (cached) return cached;
    const codes = async (kind: TGuidanceKind) =>
      new Set((await deps.guidance.listItems(tx, year, kind, undefined, ALL)).rows.map((r) => r.code));
    const loaded = {
      year,
      themes: await codes('theme'),
      audiences: await codes('audience'),
      channels: await codes('channel'),
      forms: await codes('form'),
    };
    catalogs.set(year, loaded);
    return loaded;
  }

  return {
    /** The owner unit (the caller's own when not given), which must lie in the caller's scope. */
    async ownerUnit(tx: Executor, actor: Actor, unitId: string | undefined): Promise<UnitInfo> {
      const id = unitId ?? actor.orgUnitId;
      const unit = id ? await deps.units.findById(tx, id) : null;
      if (!unit || !inScope(actor, unit.path)) throw fieldError('ownerUnitId', 'validation.unit_out_of_scope');
      return unit;
    },

    /** An assignee must be an enabled user working in the owner unit or below it. */
    async assigneeProblem(tx: Executor, userId: string, ownerPath: string, field = 'assigneeId') {
      const user = await deps.users.findById(tx, userId);
      if (!user || user.disabled) return { field, code: 'validation.invalid_value' };
      if (!user.orgUnitPath.startsWith(ownerPath)) return { field, code: 'validation.assignee_not_in_unit' };
      return null;
    },

    /** The guidance year asked for (which must exist), or the one in force on `startsOn`. */
    async guidanceYear(tx: Executor, asked: number | undefined, startsOn: string): Promise<number | null> {
      const all = await knownYears(tx);
      if (asked !== undefined) return all.includes(asked) ? asked : null;
      return guidanceYearFor(startsOn, all);
    },

    async codeProblems(tx: Executor, year: number, values: CodedValues): Promise<FieldProblem[]> {
      return codeProblems(await catalog(tx, year), values);
    },

    async regulation(tx: Executor, id: string): Promise<{ id: string; number: string } | null> {
      return deps.regulations.findById(tx, id);
    },

    /** A unit by code, remembered for the checker's lifetime (an import names the same units again and again). */
    async unitByCode(tx: Executor, code: string): Promise<UnitInfo | null> {
      if (!unitsByCode.has(code)) unitsByCode.set(code, await deps.units.findByCode(tx, code));
      return unitsByCode.get(code)!;
    },

    /** A user by username or e-mail, remembered likewise. */
    async userByLogin(tx: Executor, login: string): Promise<UserInfo | null> {
      if (!usersByLogin.has(login)) usersByLogin.set(login, await deps.users.findByLogin(tx, login));
      return usersByLogin.get(login)!;
    },

    units: deps.units,
  };
}

export type ReferenceChecks = ReturnType<typeof createReferenceChecks>;
