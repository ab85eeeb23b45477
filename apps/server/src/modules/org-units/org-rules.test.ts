import { UNIT_KINDS, type TUnitKind } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { childPath, depthOf, kindFitsParent, wouldCreateCycle } from './org-rules.js';

describe('kindFitsParent', () => {
  it('puts central units, press offices and provinces directly under the agency', () => {
    expect(kindFitsParent('central_unit', 'agency')).toBe(true);
    expect(kindFitsParent('press_office', 'agency')).toBe(true);
    expect(kindFitsParent('province', 'agency')).toBe(true);
  });

  it('puts districts under provinces only', () => {
    const parents = UNIT_KINDS.filter((parent) => kindFitsParent('district', parent));
    expect(parents).toEqual(['province']);
  });

  it('never puts the agency under anything', () => {
    for (const parent of UNIT_KINDS) expect(kindFitsParent('agency', parent)).toBe(false);
  });

  it('refuses a province under a province and anything under a district', () => {
    expect(kindFitsParent('province', 'province')).toBe(false);
    for (const kind of UNIT_KINDS) expect(kindFitsParent(kind, 'district' as TUnitKind)).toBe(false);
  });
});

describe('childPath', () => {
  it('appends the id and a closing slash to the parent path', () => {
    expect(childPath('/', 'root')).toBe('/root/');
    expect(childPath('/root/p01/', 'd001')).toBe('/root/p01/d001/');
  });
});

describe('depthOf', () => {
  it('counts the root as depth 0 and each level below it as one more', () => {
    expect(depthOf('/root/')).toBe(0);
    expect(depthOf('/root/p01/')).toBe(1);
    expect(depthOf('/root/p01/d001/')).toBe(2);
  });

  it('agrees with childPath', () => {
    expect(depthOf(childPath(childPath('/', 'a'), 'b'))).toBe(1);
  });
});

describe('wouldCreateCycle', () => {
  it('refuses moving a unit under itself', () => {
    expect(wouldCreateCycle('/root/p01/', '/root/p01/')).toBe(true);
  });

  it('refuses moving a unit under one of its descendants', () => {
    expect(wouldCreateCycle('/root/p01/', '/root/p01/d001/')).toBe(true);
  });

  it('allows moving a unit under a sibling or an ancestor', () => {
    expect(wouldCreateCycle('/root/p01/d001/', '/root/p48/')).toBe(false);
    expect(wouldCreateCycle('/root/p01/d001/', '/root/')).toBe(false);
  });

  it('allows moving under a sibling whose id starts with the same characters', () => {
    expect(wouldCreateCycle('/root/p01/', '/root/p011/')).toBe(false);
  });
});
