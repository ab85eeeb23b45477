import type { TRecurrence, TWeekday } from '@loa/contracts';
import type { Translate } from '../../app/i18n/i18n';
import { dayParts, formatDay } from './calendar-days';
import { weekdayOf } from './recurrence-form';

const pad = (value: number) => String(value).padStart(2, '0');

function ordinal(nth: number, t: Translate): string {
  if (nth < 0) return t('calendar.ordinal.last');
  return t(`calendar.ordinal.${Math.min(5, Math.max(1, nth)) as 1 | 2 | 3 | 4 | 5}`);
}

function nthWeekday(weekday: TWeekday, nth: number, t: Translate): string {
  return t('calendar.rule.nthWeekday', { weekday: t(`calendar.weekday.${weekday}`), ordinal: ordinal(nth, t) });
}

function monthDay(day: number, t: Translate): string {
  if (day === -1) return t('calendar.rule.lastDay');
  if (day < 0) return t('calendar.rule.fromEnd', { n: -day });
  return t('calendar.rule.monthDay', { day });
}

const monthName = (month: number, t: Translate) =>
  t(`calendar.month.${month as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12}`);

/** The day(s) of its period a rule picks, in words: "ngày 15", "Thứ Sáu cuối cùng", "Thứ Hai, Thứ Tư". */
function dayPhrase(rule: TRecurrence, startsOn: string, t: Translate): string {
  const start = dayParts(startsOn);
  const join = (parts: string[]) => parts.join(t('calendar.rule.and'));
  if (rule.freq === 'WEEKLY') {
    const days = rule.byDay.length > 0 ? rule.byDay.map((d) => d.weekday) : [weekdayOf(startsOn)];
    return join(days.map((weekday) => t(`calendar.weekday.${weekday}`)));
  }
  const inMonth =
    rule.byMonthDay !== null
      ? monthDay(rule.byMonthDay, t)
      : rule.byDay.length > 0
        ? join(rule.byDay.map((d) => nthWeekday(d.weekday, d.nth ?? 1, t)))
        : null;
  if (rule.freq === 'MONTHLY') return inMonth ?? monthDay(start.day, t);
  // Yearly: a fixed day and month reads as a date; other days say which month they are in.
  if (rule.byMonth === null) return t('calendar.rule.date', { date: `${pad(start.day)}/${pad(start.month)}` });
  if (rule.byMonthDay !== null && rule.byMonthDay > 0)
    return t('calendar.rule.date', { date: `${pad(rule.byMonthDay)}/${pad(rule.byMonth)}` });
  return t('calendar.rule.inMonth', { day: inMonth ?? '', month: monthName(rule.byMonth, t) });
}

/**
 * A rule in words, in the UI language, for a series whose occurrence falls on `startsOn` (the plain rules take
 * their day from it): "Hằng tháng vào Thứ Sáu cuối cùng, đến hết ngày 31/12/2027".
 */
export function describeRecurrence(rule: TRecurrence, startsOn: string, t: Translate): string {
  const day = dayPhrase(rule, startsOn, t);
  const many = rule.interval > 1;
  const text =
    rule.freq === 'YEARLY'
      ? t(many ? 'calendar.rule.yearlyN' : 'calendar.rule.yearly', { n: rule.interval, day })
      : rule.freq === 'MONTHLY'
        ? t(many ? 'calendar.rule.monthlyN' : 'calendar.rule.monthly', { n: rule.interval, day })
        : t(many ? 'calendar.rule.weeklyN' : 'calendar.rule.weekly', { n: rule.interval, day });
  if (rule.count !== null) return t('calendar.rule.count', { rule: text, count: rule.count });
  if (rule.until !== null) return t('calendar.rule.until', { rule: text, date: formatDay(rule.until) });
  return text;
}
