import { describe, expect, it } from 'vitest';
import { caretAt, checkableText } from './queries-helpers';

describe('caretAt', () => {
  it('puts the caret under the offending character of a one-line query', () => {
    const view = caretAt('(bảo hiểm AND nợ', 0);
    expect(view).toEqual({ line: '(bảo hiểm AND nợ', lineNumber: 1, column: 1, caret: '^' });
    expect(caretAt('a AND OR b', 6).caret).toBe('      ^');
  });

  it('finds the line and the column inside a multi-line query', () => {
    const text = 'title:"bảo hiểm"\nAND (nợ OR\n  trốn';
    const position = text.indexOf('(');
    const view = caretAt(text, position);
    expect(view.line).toBe('AND (nợ OR');
    expect(view.lineNumber).toBe(2);
    expect(view.column).toBe(5);
    expect(view.caret).toBe('    ^');
  });

  it('points after the end when the position is the text length, and clamps past it', () => {
    expect(caretAt('"chưa đóng', 10)).toMatchObject({ column: 11, caret: `${' '.repeat(10)}^` });
    expect(caretAt('ab', 99)).toMatchObject({ column: 3, lineNumber: 1 });
    expect(caretAt('ab\n', 3)).toMatchObject({ line: '', lineNumber: 2, column: 1, caret: '^' });
  });

  it('keeps tabs in the caret line', () => {
    expect(caretAt('\tx', 1).caret).toBe('\t^');
  });
});

describe('checkableText', () => {
  it('skips blank text and keeps the rest as typed', () => {
    expect(checkableText('  \n ')).toBeNull();
    expect(checkableText(undefined)).toBeNull();
    expect(checkableText(' nợ ')).toBe(' nợ ');
  });
});
