import { describe, expect, it } from 'vitest';
import { checkTransition, missingActions, nextStatuses } from './state-machine.js';

describe('nextStatuses', () => {
  it('moves forward one step, and lets an assessed case go straight to monitoring', () => {
    expect(nextStatuses('open', 'high')).toEqual(['assessing']);
    expect(nextStatuses('assessing', 'high')).toEqual(['responding', 'monitoring']);
    expect(nextStatuses('responding', 'severe')).toEqual(['monitoring']);
  });

  it('sends a watched case that flares again back to responding, or closes it', () => {
    expect(nextStatuses('monitoring', 'medium')).toEqual(['responding', 'closed']);
  });

  it('closes early ("not an incident") only a low-severity case', () => {
    expect(nextStatuses('open', 'low')).toEqual(['assessing', 'closed']);
    expect(nextStatuses('assessing', 'low')).toEqual(['responding', 'monitoring', 'closed']);
    expect(nextStatuses('assessing', 'medium')).not.toContain('closed');
  });

  it('never leaves closed', () => {
    expect(nextStatuses('closed', 'low')).toEqual([]);
  });
});

describe('missingActions', () => {
  it('lists the required groups none of whose kinds was recorded', () => {
    expect(missingActions('severe', ['assessment', 'response_drafted'])).toEqual([['verified_facts'], ['appraised']]);
    expect(missingActions('low', [])).toEqual([['assessment']]);
    expect(missingActions('medium', ['assessment', 'verified_facts', 'correction_published'])).toEqual([]);
  });
});

describe('checkTransition', () => {
  it('refuses a move that is not in the workflow', () => {
    expect(checkTransition({ from: 'open', to: 'responding', severity: 'high', recorded: ['assessment'] })).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
    expect(checkTransition({ from: 'open', to: 'open', severity: 'low', recorded: [] }).ok).toBe(false);
    expect(
      checkTransition({ from: 'open', to: 'closed', severity: 'medium', recorded: ['assessment'], lessons: 'x' }),
    ).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('needs a first assessment on record before responding or monitoring', () => {
    expect(checkTransition({ from: 'assessing', to: 'responding', severity: 'high', recorded: ['note'] })).toEqual({
      ok: false,
      reason: 'requirements',
      missing: [['assessment']],
      lessonsMissing: false,
    });
    expect(
      checkTransition({ from: 'assessing', to: 'monitoring', severity: 'high', recorded: ['assessment'] }),
    ).toEqual({ ok: true });
    expect(checkTransition({ from: 'open', to: 'assessing', severity: 'high', recorded: [] })).toEqual({ ok: true });
  });

  it('closes only with every required group and lessons learnt', () => {
    const closing = { from: 'monitoring', to: 'closed', severity: 'high' } as const;
    expect(checkTransition({ ...closing, recorded: ['assessment', 'verified_facts'], lessons: '  ' })).toEqual({
      ok: false,
      reason: 'requirements',
      missing: [['correction_published', 'response_drafted'], ['appraised']],
      lessonsMissing: true,
    });
    const done = ['assessment', 'verified_facts', 'correction_published', 'appraised'] as const;
    expect(checkTransition({ ...closing, recorded: done })).toMatchObject({ missing: [], lessonsMissing: true });
    expect(checkTransition({ ...closing, recorded: done, lessons: 'Phản hồi sớm hơn qua fanpage.' })).toEqual({
      ok: true,
    });
  });

  it('closes a low-severity "not an incident" case from open once it was assessed', () => {
    const early = { from: 'open', to: 'closed', severity: 'low', lessons: 'Tin đúng, không phải sự cố.' } as const;
    expect(checkTransition({ ...early, recorded: [] })).toMatchObject({ missing: [['assessment']] });
    expect(checkTransition({ ...early, recorded: ['assessment'] })).toEqual({ ok: true });
  });
});
