/** A piece of a text: either plain or one of the searched words. */
export interface TextSegment {
  text: string;
  marked: boolean;
}

/**
 * Cuts `text` at the server's highlight ranges ([start, end) offsets): ranges are clamped to the text, sorted and
 * merged when they overlap or touch, so the segments cover the text exactly once.
 */
export function highlightSegments(
  text: string,
  ranges: readonly (readonly [number, number])[] | undefined,
): TextSegment[] {
  const clean = (ranges ?? [])
    .map(
      ([start, end]) => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))] as const,
    )
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of clean) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

/** A text with the searched words in <mark>. */
export function HighlightText({
  text,
  ranges,
}: {
  text: string;
  ranges?: readonly (readonly [number, number])[] | undefined;
}) {
  return (
    <>
      {highlightSegments(text, ranges).map((segment, index) =>
        segment.marked ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}
