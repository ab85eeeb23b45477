import type { TDiffSegment, TFieldDiff, TProductSnapshot } from '@loa/contracts';

type Op = TDiffSegment['op'];

/**
 * Above this many cells (tokens of one side × the other) the LCS table is not built: the block is shown as
 * deleted and inserted whole. Lines are compared first, so only a changed block of lines meets this limit.
 */
const MAX_CELLS = 4_000_000;

/** The edit script turning `a` into `b` along a longest common subsequence, token by token. */
export function diffTokens(a: readonly string[], b: readonly string[]): { op: Op; token: string }[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const head = a.slice(0, start).map((token) => ({ op: 'equal' as const, token }));
  const tail = a.slice(endA).map((token) => ({ op: 'equal' as const, token }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS || n === 0 || m === 0) {
    return [
      ...head,
      ...midA.map((token) => ({ op: 'delete' as const, token })),
      ...midB.map((token) => ({ op: 'insert' as const, token })),
      ...tail,
    ];
  }
  // lcs[i][j]: length of the longest common subsequence of midA[i..] and midB[j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        midA[i] === midB[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const middle: { op: Op; token: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (midA[i] === midB[j]) {
      middle.push({ op: 'equal', token: midA[i]! });
      i += 1;
      j += 1;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      middle.push({ op: 'delete', token: midA[i]! });
      i += 1;
    } else {
      middle.push({ op: 'insert', token: midB[j]! });
      j += 1;
    }
  }
  for (; i < n; i += 1) middle.push({ op: 'delete', token: midA[i]! });
  for (; j < m; j += 1) middle.push({ op: 'insert', token: midB[j]! });
  return [...head, ...middle, ...tail];
}

/** Adjacent pieces of the same kind joined into one segment; empty pieces dropped. */
function merge(pieces: readonly { op: Op; token: string }[]): TDiffSegment[] {
  const segments: TDiffSegment[] = [];
  for (const { op, token } of pieces) {
    if (token === '') continue;
    const last = segments.at(-1);
    if (last && last.op === op) last.text += token;
    else segments.push({ op, text: token });
  }
  return segments;
}

const lines = (text: string) => text.split(/(?<=\n)/).filter(Boolean);
const words = (text: string) => text.split(/(\s+)/).filter(Boolean);

/**
 * How `from` became `to`: lines are compared first, then the words of each changed block of lines, so an
 * edit inside a paragraph shows as the words that changed. Joining the equal and deleted segments gives
 * `from`; joining the equal and inserted ones gives `to`.
 */
export function diffText(from: string, to: string): TDiffSegment[] {
  const byLine = diffTokens(lines(from), lines(to));
  const pieces: { op: Op; token: string }[] = [];
  let deleted: string[] = [];
  let inserted: string[] = [];
  const flush = () => {
    if (deleted.length > 0 && inserted.length > 0)
      pieces.push(...diffTokens(words(deleted.join('')), words(inserted.join(''))));
    else {
      pieces.push(...deleted.map((token) => ({ op: 'delete' as const, token })));
      pieces.push(...inserted.map((token) => ({ op: 'insert' as const, token })));
    }
    deleted = [];
    inserted = [];
  };
  for (const piece of byLine) {
    if (piece.op === 'delete') deleted.push(piece.token);
    else if (piece.op === 'insert') inserted.push(piece.token);
    else {
      flush();
      pieces.push(piece);
    }
  }
  flush();
  return merge(pieces);
}

/** Items of `to` not in `from` (added), of `from` not in `to` (removed), and in both (kept), each in order. */
export function diffList(from: readonly string[], to: readonly string[]) {
  const before = new Set(from);
  const after = new Set(to);
  return {
    added: to.filter((item) => !before.has(item)),
    removed: from.filter((item) => !after.has(item)),
    kept: to.filter((item) => before.has(item)),
  };
}

type FieldKind = TFieldDiff['kind'];

/** The fields of a snapshot in the order a comparison shows them, and how each is compared. */
export const DIFF_FIELDS = [
  ['title', 'text'],
  ['typeCode', 'value'],
  ['guidanceYear', 'value'],
  ['summary', 'text'],
  ['body', 'text'],
  ['themeCodes', 'list'],
  ['audienceCodes', 'list'],
  ['channelCodes', 'list'],
  ['ownerUnitName', 'value'],
  ['authors', 'list'],
  ['partnerOutlet', 'value'],
  ['language', 'value'],
  ['calendarItemTitle', 'value'],
] as const satisfies readonly (readonly [keyof TProductSnapshot, FieldKind])[];

/** Every compared field of two versions, changed or not. */
export function diffSnapshots(from: TProductSnapshot, to: TProductSnapshot): TFieldDiff[] {
  return DIFF_FIELDS.map(([field, kind]): TFieldDiff => {
    if (kind === 'text') {
      const segments = diffText(from[field], to[field]);
      return { field, kind, changed: segments.some((s) => s.op !== 'equal'), segments };
    }
    if (kind === 'list') {
      const lists = diffList(from[field], to[field]);
      const changed = lists.added.length > 0 || lists.removed.length > 0 || from[field].join() !== to[field].join();
      return { field, kind, changed, ...lists };
    }
    return { field, kind, changed: from[field] !== to[field], from: from[field], to: to[field] };
  });
}
