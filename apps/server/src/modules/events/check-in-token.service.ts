import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * QR check-in tokens: `<event id>.<expiry, Unix seconds>.<HMAC-SHA256 signature>`, signed with a key kept on the
 * event. Opening check-in again rotates the key (old codes stop working); closing it clears the key.
 */

export function newCheckInKey(): string {
  return randomBytes(32).toString('base64url');
}

function signature(key: string, payload: string): string {
  return createHmac('sha256', Buffer.from(key, 'base64url')).update(payload).digest('base64url');
}

export function signCheckInToken(key: string, eventId: string, expiresAt: Date): string {
  const payload = `${eventId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${signature(key, payload)}`;
}

const SHAPE = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/** The event a token names, read without trusting it (the key to verify it is the event's). */
export function eventIdOfToken(token: string): string | null {
  return SHAPE.exec(token)?.[1] ?? null;
}

/** Whether a token was signed with `key` and is still valid at `now`. */
export function verifyCheckInToken(
  key: string,
  token: string,
  now: Date,
): { valid: true; expiresAt: Date } | { valid: false; reason: 'malformed' | 'forged' | 'expired' } {
  const match = SHAPE.exec(token);
  if (!match) return { valid: false, reason: 'malformed' };
  const [, eventId, seconds, sig] = match;
  const expected = Buffer.from(signature(key, `${eventId}.${seconds}`));
  const given = Buffer.from(sig!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { valid: false, reason: 'forged' };
  const expiresAt = new Date(Number(seconds) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { valid: false, reason: 'expired' };
  return { valid: true, expiresAt };
}
