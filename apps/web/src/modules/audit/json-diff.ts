/** One line of a before/after comparison. */
export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  /** Present on one side only, or different on the two sides. */
  changed: boolean;
  inBefore: boolean;
  inAfter: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality for JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => Object.hasOwn(a, key) === Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}

/**
 * Compares the top-level keys of two records (the before/after of an audit event), in the order they first
 * appear. A value that is not a record is compared as a whole under the key "".
 */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  if (
    (before !== null && before !== undefined && !isRecord(before)) ||
    (after !== null && after !== undefined && !isRecord(after))
  ) {
    return [
      { key: '', before, after, changed: !jsonEqual(before, after), inBefore: before != null, inAfter: after != null },
    ];
  }
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.map((key) => {
    const inBefore = Object.hasOwn(a, key);
    const inAfter = Object.hasOwn(b, key);
    return {
      key,
      before: a[key],
      after: b[key],
      inBefore,
      inAfter,
      changed: inBefore !== inAfter || !jsonEqual(a[key], b[key]),
    };
  });
}

/** A value as readable JSON text; absent values show as an empty string. */
export function showJson(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}
