import { describe, expect, it } from 'vitest';
import { createSessionCache } from './session-cache.js';

const value = (userId: string, name = userId) => ({ session: { userId }, name });

function liveCache(options: { maxEntries?: number; ttlMs?: number } = {}) {
  let clock = 1_000;
  const cache = createSessionCache<ReturnType<typeof value>>({ ...options, now: () => clock });
  cache.setLive(true);
  return { cache, advance: (ms: number) => (clock += ms) };
}

describe('session cache', () => {
  it('keeps nothing and answers nothing while it is not listening', () => {
    const cache = createSessionCache<ReturnType<typeof value>>();
    expect(cache.put('s1', value('u1'), cache.ticket())).toBe(false);
    expect(cache.get('s1')).toBeUndefined();
    cache.setLive(true);
    expect(cache.put('s1', value('u1'), cache.ticket())).toBe(true);
    expect(cache.get('s1')?.name).toBe('u1');
    cache.setLive(false);
    expect(cache.get('s1')).toBeUndefined();
    cache.setLive(true);
    expect(cache.get('s1')).toBeUndefined();
  });

  it('drops a value read before a change arrived, whichever entry the change was about', () => {
    const { cache } = liveCache();
    const ticket = cache.ticket();
    cache.apply('user:someone-else');
    expect(cache.put('s1', value('u1'), ticket)).toBe(false);
    expect(cache.get('s1')).toBeUndefined();
    expect(cache.put('s1', value('u1'), cache.ticket())).toBe(true);
  });

  it("evicts a session, a user's sessions, or everything, as the notification says", () => {
    const { cache } = liveCache();
    for (const [id, user] of [
      ['s1', 'u1'],
      ['s2', 'u1'],
      ['s3', 'u2'],
      ['s4', 'u3'],
    ] as const) {
      cache.put(id, value(user), cache.ticket());
    }
    cache.apply('session:s4');
    expect(cache.get('s4')).toBeUndefined();
    cache.apply('user:u1');
    expect([cache.get('s1'), cache.get('s2'), cache.get('s3')?.name]).toEqual([undefined, undefined, 'u2']);
    cache.apply('all');
    expect(cache.get('s3')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets an entry after its time to live, and the least recently used one when full', () => {
    const { cache, advance } = liveCache({ maxEntries: 2, ttlMs: 30_000 });
    cache.put('s1', value('u1'), cache.ticket());
    cache.put('s2', value('u2'), cache.ticket());
    expect(cache.get('s1')?.name).toBe('u1');
    cache.put('s3', value('u3'), cache.ticket());
    expect(cache.get('s2')).toBeUndefined();
    expect(cache.get('s1')?.name).toBe('u1');
    advance(30_001);
    expect(cache.get('s1')).toBeUndefined();
    expect(cache.get('s3')).toBeUndefined();
  });
});
