import type { TLexicon } from '@loa/contracts';

type Rule = TLexicon['rules'][number];

/** A term group as the editor holds it: a row with a stable key, so renaming does not remount the row. */
export interface GroupRow {
  key: string;
  name: string;
  terms: string[];
}

/** A rule as the editor holds it. */
export interface RuleRow extends Rule {
  key: string;
}

/** The lexicon as the editor holds it: groups and rules as keyed rows. */
export interface LexiconDraft {
  schemeGate: string[];
  groups: GroupRow[];
  rules: RuleRow[];
}

let nextKey = 0;
/** A key for a new row of the editor. */
export const rowKey = () => `row-${(nextKey += 1)}`;

export function toDraft(lexicon: TLexicon): LexiconDraft {
  return {
    schemeGate: [...lexicon.schemeGate],
    groups: Object.entries(lexicon.groups).map(([name, terms]) => ({ key: rowKey(), name, terms: [...terms] })),
    rules: lexicon.rules.map((rule) => ({ ...rule, allOf: rule.allOf.map((g) => [...g]), key: rowKey() })),
  };
}

/** Terms trimmed, blanks and repeats (ignoring case) dropped, first spelling kept. */
export function cleanTerms(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of terms) {
    const term = raw.trim().replace(/\s+/g, ' ');
    const key = term.toLocaleLowerCase('vi');
    if (term === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  return out;
}

/** The lexicon the API takes, from the editor's rows (terms cleaned, unset rule fields left out). */
export function fromDraft(draft: LexiconDraft): TLexicon {
  const groups: Record<string, string[]> = {};
  for (const row of draft.groups) groups[row.name.trim()] = cleanTerms(row.terms);
  return {
    schemeGate: cleanTerms(draft.schemeGate),
    groups,
    rules: draft.rules.map(({ key: _key, ...rule }) => {
      const out: Rule = { name: rule.name.trim(), allOf: rule.allOf.map(cleanTerms) };
      if (rule.titleOrLead) out.titleOrLead = true;
      if (rule.flag) out.flag = rule.flag;
      if (rule.minRelevance) out.minRelevance = rule.minRelevance;
      if (rule.sentiment) out.sentiment = rule.sentiment;
      if (rule.unit) out.unit = rule.unit;
      return out;
    }),
  };
}

/** What is wrong with a draft before it is sent: a problem code and where (group or rule position, 1-based). */
export type DraftProblem =
  | { code: 'gate_empty' }
  | { code: 'group_name_empty' | 'group_empty'; position: number }
  | { code: 'group_name_repeated'; position: number; name: string }
  | { code: 'rule_name_empty' | 'rule_no_terms' | 'rule_group_empty' | 'rule_no_effect'; position: number };

export function draftProblems(draft: LexiconDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (cleanTerms(draft.schemeGate).length === 0) problems.push({ code: 'gate_empty' });
  const names = new Set<string>();
  draft.groups.forEach((group, index) => {
    const position = index + 1;
    const name = group.name.trim();
    if (name === '') problems.push({ code: 'group_name_empty', position });
    else if (names.has(name)) problems.push({ code: 'group_name_repeated', position, name });
    names.add(name);
    if (cleanTerms(group.terms).length === 0) problems.push({ code: 'group_empty', position });
  });
  draft.rules.forEach((rule, index) => {
    const position = index + 1;
    if (rule.name.trim() === '') problems.push({ code: 'rule_name_empty', position });
    if (rule.allOf.length === 0) problems.push({ code: 'rule_no_terms', position });
    else if (rule.allOf.some((group) => cleanTerms(group).length === 0))
      problems.push({ code: 'rule_group_empty', position });
    if (!rule.flag && !rule.minRelevance && !rule.sentiment && !rule.unit)
      problems.push({ code: 'rule_no_effect', position });
  });
  return problems;
}

/** Held-out metrics as table rows, sorted by name; values between 0 and 1 read as shares. */
export function metricRows(metrics: Record<string, number> | null): { name: string; value: number }[] {
  if (!metrics) return [];
  return Object.entries(metrics)
    .filter(([, value]) => Number.isFinite(value))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ({ name, value }));
}

/** Where a server field error of the lexicon points (`lexicon.rules.3.allOf.0.1`, `lexicon.groups.fraud.2`). */
export type LexiconPlace =
  { area: 'gate' } | { area: 'group'; name: string } | { area: 'rule'; position: number } | { area: 'other' };

export function lexiconPlace(field: string): LexiconPlace {
  const parts = field.split('.');
  if (parts[0] === 'lexicon') parts.shift();
  if (parts[0] === 'schemeGate') return { area: 'gate' };
  if (parts[0] === 'groups' && parts[1] !== undefined) return { area: 'group', name: parts[1] };
  const position = Number(parts[1]);
  if (parts[0] === 'rules' && Number.isInteger(position)) return { area: 'rule', position: position + 1 };
  return { area: 'other' };
}
