import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashEvent, verifyChain, type ChainedFields } from './chain.js';

type StoredEvent = ChainedFields & { hash: string };

/** Builder: `count` events chained the way recordAudit chains them. */
function chainOf(count: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const fields: ChainedFields = {
      seq,
      prevHash: events.at(-1)?.hash ?? GENESIS_HASH,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 8, seq)).toISOString(),
      actorId: '6f1c1f3e-0000-4000-8000-000000000001',
      actorName: 'Quản trị hệ thống (admin)',
      action: 'update',
      entityType: 'org_unit',
      entityId: `unit-${seq}`,
      orgUnitId: null,
      summary: `P${seq} BHXH tỉnh số ${seq}`,
      before: { name: `Cũ ${seq}`, nested: { b: 2, a: 1 } },
      after: { name: `Mới ${seq}`, nested: { a: 1, b: 2 } },
      requestId: `req-${seq}`,
      ip: '127.0.0.1',
    };
    events.push({ ...fields, hash: hashEvent(fields) });
  }
  return events;
}

describe('canonicalJson', () => {
  it('sorts object keys, so key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('sorts keys at every depth, including inside arrays', () => {
    const one = { z: { y: [{ d: 1, c: 'đ' }], x: null }, a: true };
    const two = { a: true, z: { x: null, y: [{ c: 'đ', d: 1 }] } };
    expect(canonicalJson(one)).toBe('{"a":true,"z":{"x":null,"y":[{"c":"đ","d":1}]}}');
    expect(canonicalJson(two)).toBe(canonicalJson(one));
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('drops undefined properties as JSON does, and writes undefined itself as null', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('verifyChain', () => {
  it('passes an intact chain and reports its head', () => {
    const events = chainOf(5);
    expect(verifyChain(events)).toEqual({ problems: [], count: 5, head: { seq: 5, hash: events[4]!.hash } });
  });

  it('passes an empty log with the genesis head', () => {
    expect(verifyChain([])).toEqual({ problems: [], count: 0, head: { seq: 0, hash: GENESIS_HASH } });
  });

  it('continues a chain from the head of a previous page', () => {
    const events = chainOf(6);
    const first = verifyChain(events.slice(0, 3));
    expect(verifyChain(events.slice(3), first.head).problems).toEqual([]);
    expect(verifyChain(events.slice(3)).problems).toEqual([
      { seq: 4, problem: 'missing_events' },
      { seq: 4, problem: 'broken_link' },
    ]);
  });

  it('does not mind jsonb reordering the keys of before/after', () => {
    const events = chainOf(2);
    const [first, second] = events as [StoredEvent, StoredEvent];
    const reordered = { ...second, before: { nested: { a: 1, b: 2 }, name: 'Cũ 2' } };
    expect(verifyChain([first, reordered]).problems).toEqual([]);
  });

  it('detects an edited field as a hash mismatch of that event', () => {
    const events = chainOf(4);
    events[1] = { ...events[1]!, summary: 'x' };
    expect(verifyChain(events).problems).toEqual([{ seq: 2, problem: 'hash_mismatch' }]);
  });

  it('detects an edit inside before/after', () => {
    const events = chainOf(3);
    events[2] = { ...events[2]!, after: { name: 'Mới 3', nested: { a: 1, b: 3 } } };
    expect(verifyChain(events).problems).toEqual([{ seq: 3, problem: 'hash_mismatch' }]);
  });

  it('detects an edit whose hash was recomputed by the link to the next event', () => {
    const events = chainOf(3);
    const { hash: _old, ...fields } = { ...events[1]!, summary: 'x' };
    events[1] = { ...fields, hash: hashEvent(fields) };
    expect(verifyChain(events).problems).toEqual([{ seq: 3, problem: 'broken_link' }]);
  });

  it('detects a deleted middle event as a broken link and a gap', () => {
    const events = chainOf(5);
    events.splice(2, 1);
    expect(verifyChain(events).problems).toEqual([
      { seq: 4, problem: 'missing_events' },
      { seq: 4, problem: 'broken_link' },
    ]);
  });

  it('detects two events in swapped order', () => {
    const events = chainOf(4);
    const swapped = [events[0]!, events[2]!, events[1]!, events[3]!];
    expect(verifyChain(swapped).problems).toEqual([
      { seq: 3, problem: 'missing_events' },
      { seq: 3, problem: 'broken_link' },
      { seq: 2, problem: 'missing_events' },
      { seq: 2, problem: 'broken_link' },
      { seq: 4, problem: 'missing_events' },
      { seq: 4, problem: 'broken_link' },
    ]);
  });
});
