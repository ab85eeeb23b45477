import { OWNING_UNIT_CODES } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { hasCondition } from './rule-match.js';
import { SEED_RULES } from './seed-rules.data.js';

describe('SEED_RULES', () => {
  it('holds the three rules of the issue, each with a condition and a unique key', () => {
    expect(SEED_RULES.map((r) => r.name)).toEqual([
      'Tin cốt lõi, tiêu cực',
      'Mạo danh cơ quan BHXH để lừa đảo',
      'Mua bán, cầm cố sổ BHXH',
    ]);
    expect(new Set(SEED_RULES.map((r) => r.key)).size).toBe(SEED_RULES.length);
    for (const rule of SEED_RULES) expect(hasCondition({ ...rule, queryIds: [] })).toBe(true);
  });

  it('routes to owning units with the Communication Center as fallback, and book trading to ST', () => {
    const [coreNegative, scams, books] = SEED_RULES;
    expect(coreNegative).toMatchObject({ routeToOwningUnit: true, unitCode: OWNING_UNIT_CODES.truyenthong });
    expect(coreNegative).toMatchObject({ minRelevance: 'core', sentiments: ['negative'] });
    expect(scams).toMatchObject({ routeToOwningUnit: true, unitCode: 'TT', flags: ['scam_impersonation'] });
    expect(books).toMatchObject({
      routeToOwningUnit: false,
      unitCode: OWNING_UNIT_CODES.sothe,
      flags: ['book_trading'],
    });
  });
});
