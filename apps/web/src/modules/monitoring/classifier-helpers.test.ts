import type { TLexicon } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { cleanTerms, draftProblems, fromDraft, lexiconPlace, metricRows, toDraft } from './classifier-helpers';

const lexicon: TLexicon = {
  schemeGate: ['bảo hiểm', 'lương hưu'],
  groups: { scheme: ['bảo hiểm xã hội', 'BHYT'], fraud: ['trục lợi'] },
  rules: [
    { name: 'scam', allOf: [['giả mạo'], ['BHXH', 'bảo hiểm xã hội']], titleOrLead: true, flag: 'scam_impersonation' },
    { name: 'debt', allOf: [['nợ đóng']], unit: 'thu', minRelevance: 'core' },
  ],
};

describe('lexicon draft', () => {
  it('round-trips a lexicon through the editor rows unchanged', () => {
    const draft = toDraft(lexicon);
    expect(draft.groups.map((g) => g.name)).toEqual(['scheme', 'fraud']);
    expect(new Set(draft.rules.map((r) => r.key)).size).toBe(2);
    expect(fromDraft(draft)).toEqual(lexicon);
  });

  it('cleans terms and leaves unset rule fields out', () => {
    const draft = toDraft(lexicon);
    draft.schemeGate.push('  Bảo hiểm ', '', 'thai   sản');
    draft.rules[0]!.titleOrLead = false;
    draft.rules[0]!.flag = undefined;
    draft.rules[0]!.sentiment = 'negative';
    const out = fromDraft(draft);
    expect(out.schemeGate).toEqual(['bảo hiểm', 'lương hưu', 'thai sản']);
    expect(out.rules[0]).toEqual({
      name: 'scam',
      allOf: [['giả mạo'], ['BHXH', 'bảo hiểm xã hội']],
      sentiment: 'negative',
    });
  });

  it('drops blank and repeated terms, keeping the first spelling', () => {
    expect(cleanTerms(['BHXH', ' bhxh', '', 'VssID', 'vssid '])).toEqual(['BHXH', 'VssID']);
  });
});

describe('draftProblems', () => {
  it('finds nothing wrong with a sound lexicon', () => {
    expect(draftProblems(toDraft(lexicon))).toEqual([]);
  });

  it('names each problem with its position', () => {
    const draft = toDraft(lexicon);
    draft.schemeGate = [' '];
    draft.groups[1]!.name = 'scheme';
    draft.groups.push({ key: 'x', name: '', terms: [] });
    draft.rules[0]!.allOf.push([]);
    draft.rules[1]!.name = '';
    draft.rules[1]!.unit = undefined;
    draft.rules[1]!.minRelevance = undefined;
    expect(draftProblems(draft)).toEqual([
      { code: 'gate_empty' },
      { code: 'group_name_repeated', position: 2, name: 'scheme' },
      { code: 'group_name_empty', position: 3 },
      { code: 'group_empty', position: 3 },
      { code: 'rule_group_empty', position: 1 },
      { code: 'rule_name_empty', position: 2 },
      { code: 'rule_no_effect', position: 2 },
    ]);
  });
});

describe('metricRows', () => {
  it('lists finite metrics by name', () => {
    expect(metricRows({ unitAccuracy: 0.9, coreF1: 0.93, bad: Number.NaN })).toEqual([
      { name: 'coreF1', value: 0.93 },
      { name: 'unitAccuracy', value: 0.9 },
    ]);
    expect(metricRows(null)).toEqual([]);
  });
});

describe('lexiconPlace', () => {
  it('reads the part of the lexicon a server field error names', () => {
    expect(lexiconPlace('lexicon.schemeGate.3')).toEqual({ area: 'gate' });
    expect(lexiconPlace('lexicon.groups.fraud.2')).toEqual({ area: 'group', name: 'fraud' });
    expect(lexiconPlace('lexicon.rules.0.allOf.1.0')).toEqual({ area: 'rule', position: 1 });
    expect(lexiconPlace('rules.4.name')).toEqual({ area: 'rule', position: 5 });
    expect(lexiconPlace('version')).toEqual({ area: 'other' });
  });
});
