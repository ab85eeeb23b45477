import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, utcStamp } from './ical.js';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('escapeText', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone', () => {
    const line = 'x'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds longer lines into 75-octet lines that continue with a space', () => {
    const folded = foldLine('S'.repeat(200));
    const lines = folded.split('\r\n');
    expect(lines.map(octets)).toEqual([75, 1 + 74, 1 + (200 - 75 - 74)]);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe('S'.repeat(200));
  });

  it('never splits a Vietnamese letter across lines', () => {
    const text = 'SUMMARY:' + 'Tuyên truyền chính sách bảo hiểm xã hội tự nguyện '.repeat(4);
    const lines = foldLine(text).split('\r\n');
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(text);
    expect(lines.every((l) => !l.includes('\uFFFD'))).toBe(true);
  });
});

describe('utcStamp', () => {
  it('writes a UTC date-time in basic format', () => {
    expect(utcStamp(new Date('2026-11-25T08:30:05.123Z'))).toBe('20261125T083005Z');
  });
});

describe('buildCalendar', () => {
  const now = new Date('2026-05-01T00:00:00Z');

  it('writes all-day events with an exclusive end, CRLF line ends and escaped text', () => {
    const text = buildCalendar(
      'Lịch biên tập',
      [
        {
          uid: 'a@loa',
          startsOn: '2026-07-01',
          endsOn: '2026-07-03',
          summary: 'Ngày BHXH Việt Nam; mít tinh, kỷ niệm',
          description: 'Dòng 1\nDòng 2',
          url: 'https://loa.example/calendar?id=a',
          status: 'CONFIRMED',
        },
        { uid: 'b@loa', startsOn: '2026-12-31', endsOn: null, summary: 'Tổng kết năm' },
      ],
      now,
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('DTSTART;VALUE=DATE:20260701');
    expect(lines).toContain('DTEND;VALUE=DATE:20260704');
    expect(lines).toContain('SUMMARY:Ngày BHXH Việt Nam\\; mít tinh\\, kỷ niệm');
    expect(lines).toContain('DESCRIPTION:Dòng 1\\nDòng 2');
    expect(lines).toContain('URL:https://loa.example/calendar?id=a');
    expect(lines).toContain('STATUS:CONFIRMED');
    // A one-day event ends the next day, across the year's end.
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(lines.filter((l) => l === 'DTSTAMP:20260501T000000Z')).toHaveLength(2);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('folds long summaries', () => {
    const text = buildCalendar(
      'x',
      [{ uid: 'u', startsOn: '2026-01-01', endsOn: null, summary: 'Bảo hiểm '.repeat(30) }],
      now,
    );
    expect(text.split('\r\n').every((l) => octets(l) <= 75)).toBe(true);
    expect(text).toContain('\r\n ');
  });
});
