import { requiredAttendanceDays, type TCertificateRefusal } from '@loa/contracts';

/** What the pass rule needs of a course and of one trainee. */
export interface PassRuleInput {
  startsOn: string;
  endsOn: string;
  /** null: the course has no assessment, attendance alone decides. */
  passScore: number | null;
  attendedDays: readonly string[];
  score: number | null;
}

/** Course days a trainee must attend: 80% of them, rounded up, and at least one. */
export const requiredDays = requiredAttendanceDays;

/**
 * The pass rule of a certificate: attended at least 80% of the course days and, when the course sets a pass
 * mark, scored at least that mark. Returns why not, or null when the trainee passed.
 */
export function certificateRefusal(input: PassRuleInput): TCertificateRefusal | null {
  const attended = new Set(input.attendedDays.filter((d) => d >= input.startsOn && d <= input.endsOn)).size;
  if (attended < requiredDays(input.startsOn, input.endsOn)) return 'not_attended';
  if (input.passScore === null) return null;
  if (input.score === null) return 'score_missing';
  return input.score < input.passScore ? 'score_below' : null;
}
