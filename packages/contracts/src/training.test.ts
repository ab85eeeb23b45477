import { describe, expect, it } from 'vitest';
import {
  ZAddTraineeRequest,
  ZCreateTrainingCourseRequest,
  ZUpdateTraineeRequest,
  courseDayCount,
  courseDays,
} from './training.js';

const course = {
  title: 'Tập huấn kỹ năng tuyên truyền BHXH tự nguyện',
  audience: 'post_office_staff',
  orgUnitId: '3f1b0c1e-6a41-4d8e-9d1e-2b7b9f1c0a11',
  startsOn: '2026-03-02',
  endsOn: '2026-03-04',
  place: 'Hội trường BHXH tỉnh',
};
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('courseDays', () => {
  it('lists the days from the first to the last, crossing a month end', () => {
    expect(courseDays('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(courseDayCount('2026-03-02', '2026-03-02')).toBe(1);
    expect(courseDayCount('2026-03-03', '2026-03-02')).toBe(0);
  });
});

describe('ZCreateTrainingCourseRequest', () => {
  it('accepts a course in a place with the default pass mark', () => {
    const parsed = ZCreateTrainingCourseRequest.parse(course);
    expect(parsed).toMatchObject({ online: false, trainers: [], passScore: 50 });
  });

  it('refuses reversed dates, a course longer than 31 days and an online course without a link', () => {
    expect(issues(ZCreateTrainingCourseRequest.safeParse({ ...course, endsOn: '2026-03-01' }))).toEqual([
      ['endsOn', 'validation.date_order'],
    ]);
    expect(issues(ZCreateTrainingCourseRequest.safeParse({ ...course, endsOn: '2026-04-02' }))).toEqual([
      ['endsOn', 'training.course_too_long'],
    ]);
    expect(issues(ZCreateTrainingCourseRequest.safeParse({ ...course, place: null, online: true }))).toEqual([
      ['onlineUrl', 'training.online_url_required'],
    ]);
  });

  it('refuses a pass mark out of 0–100', () => {
    expect(issues(ZCreateTrainingCourseRequest.safeParse({ ...course, passScore: 101 }))).toEqual([
      ['passScore', 'validation.too_big'],
    ]);
  });
});

describe('ZAddTraineeRequest', () => {
  it('needs name, organisation and a Vietnamese phone for an external person', () => {
    expect(issues(ZAddTraineeRequest.safeParse({ fullName: 'Lê Văn An' }))).toEqual([
      ['organisation', 'validation.required'],
      ['phone', 'validation.required'],
    ]);
    expect(
      issues(ZAddTraineeRequest.safeParse({ fullName: 'Lê Văn An', organisation: 'Xã Hòa Bình', phone: '0123' })),
    ).toEqual([['phone', 'validation.invalid_phone']]);
  });

  it('needs only the user of Loa otherwise', () => {
    expect(ZAddTraineeRequest.safeParse({ userId: course.orgUnitId }).success).toBe(true);
  });
});

describe('ZUpdateTraineeRequest', () => {
  it('refuses scores out of 0–100 and ratings out of 1–5', () => {
    expect(issues(ZUpdateTraineeRequest.safeParse({ score: -1, rating: 6 }))).toEqual([
      ['score', 'validation.too_small'],
      ['rating', 'validation.too_big'],
    ]);
  });
});
