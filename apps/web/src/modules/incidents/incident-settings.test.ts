import { DEFAULT_INCIDENT_DEADLINES } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import {
  convertDuration,
  durationProblem,
  formToSettings,
  settingsFieldPath,
  settingsToForm,
} from './incident-settings';

describe('settings form', () => {
  it('shows whole hours in hours and round-trips to the same minutes', () => {
    const form = settingsToForm({
      assessMinutes: { severe: 60, high: 90, medium: 1440, low: 4320 },
      respondMinutes: DEFAULT_INCIDENT_DEADLINES.respondMinutes,
    });
    expect(form.assess.severe).toEqual({ value: 1, unit: 'hours' });
    expect(form.assess.high).toEqual({ value: 90, unit: 'minutes' });
    expect(formToSettings(form).assessMinutes).toEqual({ severe: 60, high: 90, medium: 1440, low: 4320 });
    expect(formToSettings(form).respondMinutes).toEqual(DEFAULT_INCIDENT_DEADLINES.respondMinutes);
  });

  it("checks a duration against the contract's limits", () => {
    expect(durationProblem('assess', { value: null, unit: 'minutes' })).toBe('required');
    expect(durationProblem('assess', { value: 4, unit: 'minutes' })).toBe('range');
    expect(durationProblem('assess', { value: 5, unit: 'minutes' })).toBeNull();
    expect(durationProblem('assess', { value: 720, unit: 'hours' })).toBeNull();
    expect(durationProblem('assess', { value: 721, unit: 'hours' })).toBe('range');
    expect(durationProblem('respond', { value: 2160, unit: 'hours' })).toBeNull();
    expect(durationProblem('respond', { value: 0.01, unit: 'hours' })).toBe('whole');
  });

  it('keeps the duration when the unit changes', () => {
    expect(convertDuration(4, 'minutes')).toBe(240);
    expect(convertDuration(90, 'hours')).toBe(1.5);
  });

  it("places the server's field errors on the matching input", () => {
    expect(settingsFieldPath('assessMinutes.severe')).toEqual(['assess', 'severe', 'value']);
    expect(settingsFieldPath('respondMinutes.low')).toEqual(['respond', 'low', 'value']);
    expect(settingsFieldPath('respondMinutes.extreme')).toBeNull();
    expect(settingsFieldPath('other')).toBeNull();
  });
});
