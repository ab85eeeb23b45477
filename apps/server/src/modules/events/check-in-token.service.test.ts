import { describe, expect, it } from 'vitest';
import { eventIdOfToken, newCheckInKey, signCheckInToken, verifyCheckInToken } from './check-in-token.service.js';

const EVENT = '0b6f3f0e-5d4e-4a55-9a53-2f3c9c1d7e11';
const now = new Date('2026-03-10T02:00:00Z');
const inTwoHours = new Date('2026-03-10T04:00:00Z');

describe('check-in tokens', () => {
  it('verifies a token signed with the event key until it expires', () => {
    const key = newCheckInKey();
    const token = signCheckInToken(key, EVENT, inTwoHours);
    expect(eventIdOfToken(token)).toBe(EVENT);
    expect(verifyCheckInToken(key, token, now)).toEqual({ valid: true, expiresAt: inTwoHours });
    expect(verifyCheckInToken(key, token, new Date('2026-03-10T03:59:59Z')).valid).toBe(true);
  });

  it('refuses an expired token', () => {
    const key = newCheckInKey();
    const token = signCheckInToken(key, EVENT, inTwoHours);
    expect(verifyCheckInToken(key, token, inTwoHours)).toEqual({ valid: false, reason: 'expired' });
  });

  it('refuses a token whose expiry or event was changed, or that another key signed', () => {
    const key = newCheckInKey();
    const token = signCheckInToken(key, EVENT, inTwoHours);
    const [id, seconds, sig] = token.split('.');
    const later = `${id}.${Number(seconds) + 86_400}.${sig}`;
    expect(verifyCheckInToken(key, later, now)).toEqual({ valid: false, reason: 'forged' });
    const other = `${EVENT.replace('0b6f', '1b6f')}.${seconds}.${sig}`;
    expect(verifyCheckInToken(key, other, now)).toEqual({ valid: false, reason: 'forged' });
    expect(verifyCheckInToken(newCheckInKey(), token, now)).toEqual({ valid: false, reason: 'forged' });
  });

  it('refuses malformed tokens', () => {
    const key = newCheckInKey();
    for (const token of ['', 'abc', `${EVENT}.123`, `${EVENT}.x.${'a'.repeat(43)}`])
      expect(verifyCheckInToken(key, token, now)).toEqual({ valid: false, reason: 'malformed' });
    expect(eventIdOfToken('nonsense')).toBeNull();
  });
});
