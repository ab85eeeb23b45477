/** Where a syntax error sits in a (possibly multi-line) query: the line, its 1-based number and column, a caret. */
export interface CaretView {
  line: string;
  lineNumber: number;
  column: number;
  /** Spaces then `^`, to print under `line` in a monospace font. */
  caret: string;
}

/**
 * Places a caret under the character at `position` (0-based offset into `text`, as the server reports it); a
 * position past the end points just after the last character.
 */
export function caretAt(text: string, position: number): CaretView {
  const at = Math.max(0, Math.min(position, text.length));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEndIndex = text.indexOf('\n', at);
  const lineEnd = lineEndIndex === -1 ? text.length : lineEndIndex;
  const before = text.slice(lineStart, at);
  const lineNumber = text.slice(0, lineStart).split('\n').length;
  // Tabs keep their width in the caret line so the caret stays under the character.
  const caret = `${before.replace(/[^\t]/g, ' ')}^`;
  return { line: text.slice(lineStart, lineEnd), lineNumber, column: at - lineStart + 1, caret };
}

/** The query text worth checking on the server: trimmed, null when blank. */
export function checkableText(text: string | undefined | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : text!;
}
