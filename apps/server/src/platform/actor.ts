import type { TRole } from '@loa/contracts';

/** Who is acting: the authenticated user (or the system, for CLI and jobs) and their org scope. */
export interface Actor {
  userId: string | null;
  username: string;
  fullName: string;
  roles: TRole[];
  orgUnitId: string | null;
  /** Materialised path of the actor's unit (`/id/id/`); their scope is every unit whose path starts with it. */
  scopePath: string;
  requestId?: string;
  ip?: string;
}

/** The system itself (CLI commands, seeding, scheduled jobs): whole tree, no user. */
export const SYSTEM_ACTOR: Actor = {
  userId: null,
  username: 'system',
  fullName: 'Hệ thống',
  roles: ['admin'],
  orgUnitId: null,
  scopePath: '/',
};

export function hasRole(actor: Actor, ...roles: TRole[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

/** True when the unit with materialised path `unitPath` lies in the actor's subtree. */
export function inScope(actor: Actor, unitPath: string): boolean {
  return unitPath.startsWith(actor.scopePath);
}
