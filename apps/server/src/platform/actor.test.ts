import type { TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { hasRole, inScope, SYSTEM_ACTOR, type Actor } from './actor.js';

// Materialised paths as the org tree stores them: /root/province/district/.
const ROOT = '/a0000000-0000-4000-8000-000000000000/';
const HA_NOI = `${ROOT}b0000000-0000-4000-8000-000000000001/`;
const BA_DINH = `${HA_NOI}c0000000-0000-4000-8000-000000000001/`;
const DA_NANG = `${ROOT}b0000000-0000-4000-8000-000000000048/`;
const HAI_CHAU = `${DA_NANG}c0000000-0000-4000-8000-000000000492/`;

function actor(scopePath: string, roles: TRole[] = ['province_officer']): Actor {
  return {
    userId: 'd0000000-0000-4000-8000-000000000001',
    username: 'hanoi',
    fullName: 'Hoàng Văn Hà',
    roles,
    orgUnitId: scopePath.split('/').filter(Boolean).at(-1) ?? null,
    scopePath,
  };
}

describe('inScope', () => {
  it('puts a province actor in scope of its own unit and of its districts', () => {
    const hanoi = actor(HA_NOI);
    expect(inScope(hanoi, HA_NOI)).toBe(true);
    expect(inScope(hanoi, BA_DINH)).toBe(true);
  });

  it('keeps a province actor out of another province, its districts and the units above', () => {
    const hanoi = actor(HA_NOI);
    expect(inScope(hanoi, DA_NANG)).toBe(false);
    expect(inScope(hanoi, HAI_CHAU)).toBe(false);
    expect(inScope(hanoi, ROOT)).toBe(false);
  });

  it('does not mistake a unit whose id merely starts with the same characters for a descendant', () => {
    const unit = `${ROOT}b000/`;
    const lookalike = `${ROOT}b0001/`;
    expect(inScope(actor(unit), lookalike)).toBe(false);
  });

  it('puts every unit in scope of an actor at the root', () => {
    const central = actor(ROOT, ['admin']);
    for (const path of [ROOT, HA_NOI, BA_DINH, DA_NANG, HAI_CHAU]) expect(inScope(central, path)).toBe(true);
  });

  it('puts every unit in scope of the system actor', () => {
    expect(inScope(SYSTEM_ACTOR, HAI_CHAU)).toBe(true);
  });
});

describe('hasRole', () => {
  it('is true when the actor holds any of the roles asked for', () => {
    const leader = actor(HA_NOI, ['viewer', 'leader']);
    expect(hasRole(leader, 'admin', 'leader')).toBe(true);
    expect(hasRole(leader, 'leader')).toBe(true);
  });

  it('is false when the actor holds none of them', () => {
    expect(hasRole(actor(HA_NOI, ['province_officer']), 'admin', 'leader')).toBe(false);
  });

  it('is false when no role is asked for', () => {
    expect(hasRole(actor(HA_NOI, ['admin']))).toBe(false);
  });

  it('counts the system actor as an administrator', () => {
    expect(hasRole(SYSTEM_ACTOR, 'admin')).toBe(true);
  });
});
