import type { TRole } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actor.js';
import { incidentsPolicy } from './incidents.policy.js';

const actor = (roles: TRole[], scopePath: string): Actor => ({
  userId: 'u',
  username: 'u',
  fullName: 'U',
  roles,
  orgUnitId: 'x',
  scopePath,
});
// Root /r/, Hà Nội /r/hn/ with Ba Đình /r/hn/bd/, Ban Sổ thẻ /r/st/, TP HCM /r/hcm/.
const hanoiCase = { owningUnitPath: '/r/hn/', supportingUnitPaths: ['/r/st/'] };

describe('incidentsPolicy', () => {
  it('shows a case in scope of its owning or a supporting unit, to the leaders above, and to the Center', () => {
    expect(incidentsPolicy.canSee(actor(['province_officer'], '/r/hn/'), hanoiCase)).toBe(true);
    expect(incidentsPolicy.canSee(actor(['unit_officer'], '/r/st/'), hanoiCase)).toBe(true);
    expect(incidentsPolicy.canSee(actor(['leader'], '/r/'), hanoiCase)).toBe(true);
    expect(incidentsPolicy.canSee(actor(['comms_center'], '/r/tt/'), hanoiCase)).toBe(true);
    expect(incidentsPolicy.canSee(actor(['province_officer'], '/r/hcm/'), hanoiCase)).toBe(false);
    expect(incidentsPolicy.canSee(actor(['district_officer'], '/r/hn/bd/'), hanoiCase)).toBe(false);
  });

  it('lets the owning unit’s working roles edit, and supporting units only record actions', () => {
    const owner = actor(['province_officer'], '/r/hn/');
    const supporter = actor(['unit_officer'], '/r/st/');
    expect(incidentsPolicy.canEdit(owner, hanoiCase)).toBe(true);
    expect(incidentsPolicy.canEdit(supporter, hanoiCase)).toBe(false);
    expect(incidentsPolicy.canAddActions(supporter, hanoiCase)).toBe(true);
    expect(incidentsPolicy.canAddActions(actor(['viewer'], '/r/st/'), hanoiCase)).toBe(false);
    expect(incidentsPolicy.canEdit(actor(['leader'], '/r/'), hanoiCase)).toBe(false);
    expect(incidentsPolicy.canEdit(actor(['comms_center'], '/r/tt/'), hanoiCase)).toBe(true);
  });

  it('leaves the deadline settings to administrators', () => {
    expect(() => incidentsPolicy.assertCanManageSettings(actor(['admin'], '/r/'))).not.toThrow();
    expect(() => incidentsPolicy.assertCanManageSettings(actor(['comms_center'], '/r/tt/'))).toThrow();
  });
});
