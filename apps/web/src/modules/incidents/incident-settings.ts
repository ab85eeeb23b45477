import {
  INCIDENT_SEVERITIES,
  ZIncidentDeadlineSettings,
  type TIncidentDeadlineSettings,
  type TIncidentSeverity,
} from '@loa/contracts';
import { toDuration, toMinutes, type DurationUnit } from './incident-values';

export type DeadlineKind = 'assess' | 'respond';
export const DEADLINE_KINDS: readonly DeadlineKind[] = ['assess', 'respond'];

export interface DurationValue {
  value: number | null;
  unit: DurationUnit;
}

/** The settings form: one duration per deadline kind and severity. */
export type SettingsFormValues = Record<DeadlineKind, Record<TIncidentSeverity, DurationValue>>;

const FIELD_OF: Record<DeadlineKind, 'assessMinutes' | 'respondMinutes'> = {
  assess: 'assessMinutes',
  respond: 'respondMinutes',
};

/** The allowed minutes of each deadline kind, from the contract. */
export function minuteLimits(kind: DeadlineKind): { min: number; max: number } {
  const schema = ZIncidentDeadlineSettings.shape[FIELD_OF[kind]].valueType;
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

export function settingsToForm(settings: TIncidentDeadlineSettings): SettingsFormValues {
  const row = (minutes: Record<TIncidentSeverity, number>) =>
    Object.fromEntries(INCIDENT_SEVERITIES.map((severity) => [severity, toDuration(minutes[severity])])) as Record<
      TIncidentSeverity,
      DurationValue
    >;
  return { assess: row(settings.assessMinutes), respond: row(settings.respondMinutes) };
}

export function formToSettings(values: SettingsFormValues): TIncidentDeadlineSettings {
  const row = (kind: DeadlineKind) =>
    Object.fromEntries(
      INCIDENT_SEVERITIES.map((severity) => {
        const duration = values[kind][severity];
        return [severity, toMinutes(duration.value ?? 0, duration.unit)];
      }),
    ) as Record<TIncidentSeverity, number>;
  return { assessMinutes: row('assess'), respondMinutes: row('respond') };
}

/** Why a duration is not allowed: `required`, `whole` (not a whole number of minutes) or `range`; null when fine. */
export function durationProblem(kind: DeadlineKind, duration: DurationValue): 'required' | 'whole' | 'range' | null {
  if (duration.value === null || !Number.isFinite(duration.value)) return 'required';
  const minutes = duration.unit === 'hours' ? duration.value * 60 : duration.value;
  if (Math.abs(minutes - Math.round(minutes)) > 1e-9) return 'whole';
  const { min, max } = minuteLimits(kind);
  return minutes < min || minutes > max ? 'range' : null;
}

/** The form field a server error names (`assessMinutes.severe` → ['assess', 'severe', 'value']). */
export function settingsFieldPath(field: string): [DeadlineKind, TIncidentSeverity, 'value'] | null {
  const [name, severity] = field.split('.');
  const kind = DEADLINE_KINDS.find((candidate) => FIELD_OF[candidate] === name);
  const level = INCIDENT_SEVERITIES.find((candidate) => candidate === severity);
  return kind && level ? [kind, level, 'value'] : null;
}

/** A duration re-expressed in `to` (the other unit): 4 hours → 240 minutes, 90 minutes → 1.5 hours. */
export function convertDuration(value: number, to: DurationUnit): number {
  return to === 'hours' ? Math.round((value / 60) * 100) / 100 : Math.round(value * 60);
}
