import type { TRole } from '@loa/contracts';

/**
 * Whose records a route reaches, as the authorisation matrix tests it:
 * - `unit`: records that belong to an org unit; outside the caller's subtree they are "not found" (404), never data;
 * - `global`: a shared catalogue or national document every allowed role reads (guidance, regulations, norms);
 * - `self`: the caller's own records (account, notifications, saved views) — another user's are not found.
 */
export type RouteScope = 'unit' | 'global' | 'self';

/**
 * The declared policy of a private route: the roles that may call it at all, checked before the body is parsed
 * (any other role gets 403 `access.role_forbidden`), and its scope. Finer rules — the unit subtree, ownership,
 * the record's state — stay in the module's `*.policy.ts`, which the services apply.
 */
export interface RoutePolicy {
  /** `signed-in`: every role (what a viewer may do is then decided by the service). */
  roles: readonly TRole[] | 'signed-in';
  scope: RouteScope;
}

/** Route config declaring its policy: `{ config: allow(['admin', 'leader'], 'unit'), schema, … }`. */
export function allow(roles: RoutePolicy['roles'], scope: RouteScope): { policy: RoutePolicy } {
  return { policy: { roles, scope } };
}

/** True when the policy lets an actor holding `roles` call the route. */
export function policyAdmits(policy: RoutePolicy, roles: readonly TRole[]): boolean {
  return policy.roles === 'signed-in' || roles.some((role) => policy.roles.includes(role));
}
