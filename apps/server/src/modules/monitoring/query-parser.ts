// The saved-query language of media monitoring (decision 0030): terms, "exact phrases", prefix*, AND / OR / NOT (upper
// case; lower-case "and", "or", "not" are words), -term, parentheses, implicit AND between neighbours, NEAR/n between
// two terms or phrases, and the field scopes title:, lead:, body:, source:. Every term goes through matchTokens, so the
// query compares accent-insensitively and "BHXH" means "bảo hiểm xã hội"; a term that gives several tokens ("BHXH",
// "covid-19") is a phrase. Binding, loosest first: OR, AND (explicit or implicit), NOT / -, NEAR, field scope.
import {
  QUERY_FIELDS,
  QUERY_MAX_DEPTH,
  QUERY_MAX_NEAR_DISTANCE,
  type TQueryField,
  type TQuerySyntaxReason,
} from '@loa/contracts';
import { matchTokens } from './vn-text.js';

/** Consecutive tokens in one field; with `prefix` the last token is a prefix ("bảo hiểm*" → bao, hiem*). */
export interface QueryPhrase {
  kind: 'phrase';
  /** null: the title, the lead or the body. */
  field: TQueryField | null;
  tokens: string[];
  prefix: boolean;
}
export interface QueryNear {
  kind: 'near';
  /** In either order, in the same field, the later begins at most this many tokens after the earlier ends
   *  (neighbours are at distance 1, so NEAR/3 allows two tokens between them). */
  distance: number;
  left: QueryPhrase;
  right: QueryPhrase;
}
export type QueryNode =
  | QueryPhrase
  | QueryNear
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

/** A query that does not parse: the 0-based character position and the reason (FIELD_MESSAGES `query.<reason>`). */
export class QuerySyntaxError extends Error {
  constructor(
    readonly reason: TQuerySyntaxReason,
    readonly position: number,
  ) {
    super(`Query syntax error at ${position}: ${reason}`);
    this.name = 'QuerySyntaxError';
  }

  /** The params of the field message. */
  get params(): { position: number; column: number } {
    return { position: this.position, column: this.position + 1 };
  }
}

type Token =
  | { type: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'minus'; pos: number }
  | { type: 'near'; pos: number; distance: number }
  | { type: 'field'; pos: number; field: TQueryField }
  | { type: 'phrase'; pos: number; text: string }
  | { type: 'word'; pos: number; text: string };

const isSpace = (ch: string) => /\s/u.test(ch);
const endsWord = (ch: string | undefined) => ch === undefined || ch === '(' || ch === ')' || ch === '"' || isSpace(ch);
const opensOperand = (ch: string | undefined) => ch !== undefined && ch !== ')' && !isSpace(ch);
const FIELD_PREFIX = /^([A-Za-z]+):/;
const NEAR_WORD = /^NEAR(?:\/(\d*))?$/;

function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (isSpace(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'lparen' : 'rparen', pos: i++ });
    } else if (ch === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) throw new QuerySyntaxError('unterminated_phrase', i);
      tokens.push({ type: 'phrase', pos: i, text: text.slice(i + 1, close) });
      i = close + 1;
    } else if (ch === '-' && opensOperand(text[i + 1]) && (i === 0 || endsWord(text[i - 1]) || text[i - 1] === ':')) {
      // A minus that opens a word, a phrase or a group negates it; inside a word ("covid-19") it is punctuation.
      tokens.push({ type: 'minus', pos: i++ });
    } else {
      let end = i;
      while (!endsWord(text[end])) end++;
      const word = text.slice(i, end);
      const field = FIELD_PREFIX.exec(word);
      if (field) {
        const name = field[1]!.toLowerCase();
        if (!(QUERY_FIELDS as readonly string[]).includes(name)) throw new QuerySyntaxError('bad_field', i);
        tokens.push({ type: 'field', pos: i, field: name as TQueryField });
        i += field[0].length; // the scoped term, phrase or group follows without a space
        continue;
      }
      const near = NEAR_WORD.exec(word);
      if (word === 'AND' || word === 'OR' || word === 'NOT') {
        tokens.push({ type: word === 'AND' ? 'and' : word === 'OR' ? 'or' : 'not', pos: i });
      } else if (near) {
        const distance = near[1] ? Number(near[1]) : NaN;
        if (!(distance >= 1 && distance <= QUERY_MAX_NEAR_DISTANCE)) throw new QuerySyntaxError('near_distance', i);
        tokens.push({ type: 'near', pos: i, distance });
      } else {
        tokens.push({ type: 'word', pos: i, text: word });
      }
      i = end;
    }
  }
  return tokens;
}

/** The phrase of a bare word or quoted text (at `pos`): its matching tokens, a trailing * making the last a prefix. */
function toPhrase(
  text: string,
  pos: number,
  field: TQueryField | null,
  empty: 'empty_term' | 'empty_phrase',
): QueryPhrase {
  const star = text.indexOf('*');
  const prefix = star >= 0;
  if (prefix && star !== text.length - 1) throw new QuerySyntaxError('misplaced_wildcard', pos + star);
  const tokens = matchTokens(prefix ? text.slice(0, -1) : text);
  if (prefix) {
    // "bảo*" folds to "bao": the rule counts the folded characters the prefix really compares.
    if (tokens.length === 0 || tokens[tokens.length - 1]!.length < 3 || /[^\p{L}\p{N}]$/u.test(text.slice(0, -1))) {
      throw new QuerySyntaxError('short_prefix', pos + star);
    }
  } else if (tokens.length === 0) {
    throw new QuerySyntaxError(empty, pos);
  }
  return { kind: 'phrase', field, tokens, prefix };
}

class Parser {
  private at = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parse(): QueryNode {
    if (this.tokens.length === 0) throw new QuerySyntaxError('empty_query', 0);
    const node = this.or(null);
    const rest = this.peek();
    if (rest) {
      // `or` stops only at a closing parenthesis it did not open.
      throw new QuerySyntaxError(rest.type === 'rparen' ? 'unbalanced_parenthesis' : 'dangling_operator', rest.pos);
    }
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private where(): number {
    return this.peek()?.pos ?? this.length;
  }

  private enter(pos: number): void {
    if (++this.depth > QUERY_MAX_DEPTH) throw new QuerySyntaxError('too_deep', pos);
  }

  private or(field: TQueryField | null): QueryNode {
    const children = [this.and(field)];
    while (this.peek()?.type === 'or') {
      this.at++;
      children.push(this.and(field));
    }
    return children.length === 1 ? children[0]! : { kind: 'or', children: children.flatMap(flatten('or')) };
  }

  private and(field: TQueryField | null): QueryNode {
    const children = [this.unary(field)];
    for (;;) {
      const next = this.peek();
      if (next?.type === 'and') {
        this.at++;
        children.push(this.unary(field));
      } else if (next && next.type !== 'or' && next.type !== 'rparen') {
        children.push(this.unary(field)); // implicit AND
      } else {
        break;
      }
    }
    return children.length === 1 ? children[0]! : { kind: 'and', children: children.flatMap(flatten('and')) };
  }

  private unary(field: TQueryField | null): QueryNode {
    const token = this.peek();
    if (token?.type === 'not' || token?.type === 'minus') {
      this.at++;
      this.enter(token.pos);
      const child = this.unary(field);
      this.depth--;
      return { kind: 'not', child };
    }
    return this.near(field);
  }

  private near(field: TQueryField | null): QueryNode {
    const start = this.where();
    const left = this.primary(field);
    const op = this.peek();
    if (op?.type !== 'near') return left;
    this.at++;
    if (left.kind !== 'phrase') throw new QuerySyntaxError('near_operand', start);
    const next = this.peek();
    if (!next) throw new QuerySyntaxError('dangling_operator', op.pos);
    const right = this.primary(field);
    if (right.kind !== 'phrase') throw new QuerySyntaxError('near_operand', next.pos);
    const after = this.peek();
    if (after?.type === 'near') throw new QuerySyntaxError('near_operand', after.pos);
    return { kind: 'near', distance: op.distance, left, right };
  }

  private primary(field: TQueryField | null): QueryNode {
    const token = this.peek();
    if (!token) {
      const previous = this.tokens[this.at - 1];
      throw new QuerySyntaxError('dangling_operator', previous?.pos ?? 0);
    }
    switch (token.type) {
      case 'word':
        this.at++;
        return toPhrase(token.text, token.pos, field, 'empty_term');
      case 'phrase': {
        this.at++;
        const text = token.text.trimEnd();
        if (matchTokens(text).length === 0) throw new QuerySyntaxError('empty_phrase', token.pos);
        return toPhrase(text, token.pos + 1, field, 'empty_phrase'); // "sổ bảo hi*" ends with a prefix
      }
      case 'field': {
        this.at++;
        if (!this.peek()) throw new QuerySyntaxError('dangling_operator', token.pos);
        this.enter(token.pos);
        const scoped = this.primary(token.field); // the innermost scope wins: title:(a source:b)
        this.depth--;
        return scoped;
      }
      case 'lparen': {
        this.at++;
        this.enter(token.pos);
        if (this.peek()?.type === 'rparen') throw new QuerySyntaxError('empty_group', token.pos);
        if (!this.peek()) throw new QuerySyntaxError('unbalanced_parenthesis', token.pos);
        const inner = this.or(field);
        if (this.peek()?.type !== 'rparen') throw new QuerySyntaxError('unbalanced_parenthesis', token.pos);
        this.at++;
        this.depth--;
        return inner;
      }
      case 'rparen':
        // A term was due after an operator: "a AND )" names the operator; ")" alone has no "(".
        if (this.at === 0) throw new QuerySyntaxError('unbalanced_parenthesis', token.pos);
        throw new QuerySyntaxError('dangling_operator', this.tokens[this.at - 1]!.pos);
      default:
        // AND, OR, NEAR where a term belongs; NOT and - are handled by `unary`.
        throw new QuerySyntaxError('dangling_operator', token.pos);
    }
  }
}

const flatten =
  (kind: 'and' | 'or') =>
  (node: QueryNode): QueryNode[] =>
    node.kind === kind ? node.children : [node];

/** Parses a saved query; throws QuerySyntaxError with the position and reason. */
export function parseQuery(text: string): QueryNode {
  return new Parser(lex(text), text.length).parse();
}

export type QueryParseResult = { ok: true; query: QueryNode } | { ok: false; error: QuerySyntaxError };

/** parseQuery without the throw, for validating user input. */
export function tryParseQuery(text: string): QueryParseResult {
  try {
    return { ok: true, query: parseQuery(text) };
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { ok: false, error };
    throw error;
  }
}
