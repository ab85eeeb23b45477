import { FIELD_MESSAGES, QUERY_SYNTAX_REASONS, formatMessage } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { parseQuery, QuerySyntaxError, tryParseQuery, type QueryNode } from './query-parser.js';

const term = (...tokens: string[]): QueryNode => ({ kind: 'phrase', field: null, tokens, prefix: false });

function syntaxError(text: string): { reason: string; position: number } {
  const result = tryParseQuery(text);
  if (result.ok) throw new Error(`"${text}" parsed as ${JSON.stringify(result.query)}`);
  return { reason: result.error.reason, position: result.error.position };
}

describe('parseQuery', () => {
  it('joins neighbours with an implicit AND and folds accents and abbreviations into tokens', () => {
    expect(parseQuery('sổ BHXH')).toEqual({
      kind: 'and',
      children: [term('so'), term('bao', 'hiem', 'xa', 'hoi')],
    });
    expect(parseQuery('so bhxh')).toEqual(parseQuery('Sổ BHXH'));
    expect(parseQuery('BHXH')).toEqual(parseQuery('"bảo hiểm xã hội"'));
    expect(parseQuery('hoà thuỷ')).toEqual({ kind: 'and', children: [term('hoa'), term('thuy')] });
  });

  it('binds OR loosest, then AND, then NOT, and flattens chains', () => {
    expect(parseQuery('a b OR c AND d OR e')).toEqual({
      kind: 'or',
      children: [
        { kind: 'and', children: [term('a'), term('b')] },
        { kind: 'and', children: [term('c'), term('d')] },
        term('e'),
      ],
    });
    expect(parseQuery('NOT a b')).toEqual({ kind: 'and', children: [{ kind: 'not', child: term('a') }, term('b')] });
    expect(parseQuery('-(a OR b) c')).toEqual({
      kind: 'and',
      children: [{ kind: 'not', child: { kind: 'or', children: [term('a'), term('b')] } }, term('c')],
    });
  });

  it('reads lower-case and, or, not, near as words and a minus inside a word as punctuation', () => {
    expect(parseQuery('thu and chi or nợ')).toEqual({
      kind: 'and',
      children: [term('thu'), term('and'), term('chi'), term('or'), term('no')],
    });
    expect(parseQuery('covid-19')).toEqual(term('covid', '19'));
    expect(parseQuery('a -b')).toEqual({ kind: 'and', children: [term('a'), { kind: 'not', child: term('b') }] });
    expect(syntaxError('a - b')).toEqual({ reason: 'empty_term', position: 2 });
  });

  it('parses phrases, prefixes, field scopes and NEAR', () => {
    expect(parseQuery('"sổ bảo hiể*"')).toEqual({
      kind: 'phrase',
      field: null,
      tokens: ['so', 'bao', 'hie'],
      prefix: true,
    });
    expect(parseQuery('"rút BHXH một lần"')).toEqual(term('rut', 'bao', 'hiem', 'xa', 'hoi', 'mot', 'lan'));
    expect(parseQuery('bảo hiể*')).toEqual({
      kind: 'and',
      children: [term('bao'), { kind: 'phrase', field: null, tokens: ['hie'], prefix: true }],
    });
    expect(parseQuery('title:(trốn OR "nợ đọng") source:vnexpress.net')).toEqual({
      kind: 'and',
      children: [
        {
          kind: 'or',
          children: [
            { kind: 'phrase', field: 'title', tokens: ['tron'], prefix: false },
            { kind: 'phrase', field: 'title', tokens: ['no', 'dong'], prefix: false },
          ],
        },
        { kind: 'phrase', field: 'source', tokens: ['vnexpress', 'net'], prefix: false },
      ],
    });
    expect(parseQuery('Lead:a body:b')).toMatchObject({ children: [{ field: 'lead' }, { field: 'body' }] });
    expect(parseQuery('lương NEAR/3 "hưu trí"')).toEqual({
      kind: 'near',
      distance: 3,
      left: term('luong'),
      right: term('huu', 'tri'),
    });
    expect(parseQuery('title:(a source:b)')).toMatchObject({ children: [{ field: 'title' }, { field: 'source' }] });
  });

  it('reports each kind of syntax error at its 0-based position', () => {
    expect(syntaxError('')).toEqual({ reason: 'empty_query', position: 0 });
    expect(syntaxError('   ')).toEqual({ reason: 'empty_query', position: 0 });
    expect(syntaxError('a (b OR c')).toEqual({ reason: 'unbalanced_parenthesis', position: 2 });
    expect(syntaxError('a OR b) c')).toEqual({ reason: 'unbalanced_parenthesis', position: 6 });
    expect(syntaxError(') a')).toEqual({ reason: 'unbalanced_parenthesis', position: 0 });
    expect(syntaxError('a ()')).toEqual({ reason: 'empty_group', position: 2 });
    expect(syntaxError('a AND')).toEqual({ reason: 'dangling_operator', position: 2 });
    expect(syntaxError('OR a')).toEqual({ reason: 'dangling_operator', position: 0 });
    expect(syntaxError('a OR OR b')).toEqual({ reason: 'dangling_operator', position: 5 });
    expect(syntaxError('(a NOT)')).toEqual({ reason: 'dangling_operator', position: 3 });
    expect(syntaxError('a NEAR/2')).toEqual({ reason: 'dangling_operator', position: 2 });
    expect(syntaxError('title: ')).toEqual({ reason: 'dangling_operator', position: 0 });
    expect(syntaxError('a "b c')).toEqual({ reason: 'unterminated_phrase', position: 2 });
    expect(syntaxError('a ""')).toEqual({ reason: 'empty_phrase', position: 2 });
    expect(syntaxError('a " ,; "')).toEqual({ reason: 'empty_phrase', position: 2 });
    expect(syntaxError('a & b')).toEqual({ reason: 'empty_term', position: 2 });
    expect(syntaxError('a NEAR b')).toEqual({ reason: 'near_distance', position: 2 });
    expect(syntaxError('a NEAR/ b')).toEqual({ reason: 'near_distance', position: 2 });
    expect(syntaxError('a NEAR/0 b')).toEqual({ reason: 'near_distance', position: 2 });
    expect(syntaxError('a NEAR/101 b')).toEqual({ reason: 'near_distance', position: 2 });
    expect(syntaxError('(a b) NEAR/3 c')).toEqual({ reason: 'near_operand', position: 0 });
    expect(syntaxError('a NEAR/3 (b OR c)')).toEqual({ reason: 'near_operand', position: 9 });
    expect(syntaxError('a NEAR/3 b NEAR/3 c')).toEqual({ reason: 'near_operand', position: 11 });
    expect(syntaxError('a url:b')).toEqual({ reason: 'bad_field', position: 2 });
    expect(syntaxError('bả*')).toEqual({ reason: 'short_prefix', position: 2 });
    expect(syntaxError('a ab*')).toEqual({ reason: 'short_prefix', position: 4 });
    expect(syntaxError('covid-*')).toEqual({ reason: 'short_prefix', position: 6 });
    expect(syntaxError('a b*c')).toEqual({ reason: 'misplaced_wildcard', position: 3 });
    expect(syntaxError('"a* b"')).toEqual({ reason: 'misplaced_wildcard', position: 2 });
    expect(syntaxError('"sổ b*"')).toEqual({ reason: 'short_prefix', position: 5 });
    expect(syntaxError('*abc')).toEqual({ reason: 'misplaced_wildcard', position: 0 });
    expect(syntaxError(`${'('.repeat(40)}a${')'.repeat(40)}`).reason).toBe('too_deep');
    expect(syntaxError(`${'NOT '.repeat(40)}a`).reason).toBe('too_deep');
  });

  it('throws a QuerySyntaxError whose message code exists in both languages', () => {
    expect(() => parseQuery('a (b')).toThrow(QuerySyntaxError);
    for (const reason of QUERY_SYNTAX_REASONS) {
      const message = FIELD_MESSAGES[`query.${reason}`];
      expect(message.vi).not.toBe(message.en);
      if (reason !== 'empty_query') expect(formatMessage(message.vi, { column: 7 })).toContain('7');
    }
    const result = tryParseQuery('a (b');
    expect(result.ok ? null : result.error.params).toEqual({ position: 2, column: 3 });
  });
});
