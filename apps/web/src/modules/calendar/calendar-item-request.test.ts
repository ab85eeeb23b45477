import type { TCalendarItem, TRecurrence } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { changesSomething, createRequest, draftOf, updateRequest, type ItemDraft } from './calendar-item-request';

const TT = { id: '00000000-0000-4000-8000-000000000001', code: 'TT', name: 'Trung tâm Truyền thông' };
const P01 = { id: '00000000-0000-4000-8000-000000000002', code: 'P01', name: 'BHXH thành phố Hà Nội' };
const monthly: TRecurrence = {
  freq: 'MONTHLY',
  interval: 1,
  byMonth: null,
  byMonthDay: null,
  byDay: [],
  count: null,
  until: null,
};

const item = (changes: Partial<TCalendarItem> = {}): TCalendarItem => ({
  kind: 'item',
  id: 'i1',
  title: 'Chuyên mục BHXH tự nguyện',
  description: null,
  startsOn: '2026-07-15',
  endsOn: null,
  guidanceYear: 2020,
  themeCodes: ['II.2.a'],
  audienceCodes: [],
  channelCode: 'press',
  formCode: null,
  ownerUnit: TT,
  assignee: null,
  status: 'planned',
  proposalId: null,
  regulation: null,
  series: null,
  canEdit: true,
  version: 4,
  createdAt: '2026-06-01T00:00:00.000Z',
  updatedAt: '2026-06-01T00:00:00.000Z',
  ...changes,
});
const series = {
  id: 's1',
  rule: 'FREQ=MONTHLY',
  recurrence: monthly,
  occurrenceOn: '2026-07-15',
  exception: false,
  shiftable: true,
};
const unchanged = { changed: false, rule: null };

describe('createRequest', () => {
  const draft: ItemDraft = { ...draftOf(item()), ownerUnitId: null };

  it('sends the catalog year and leaves the owner unit to the server when none is chosen', () => {
    const request = createRequest(draft, 2020, null);
    expect(request).toMatchObject({ title: 'Chuyên mục BHXH tự nguyện', guidanceYear: 2020, recurrence: null });
    expect(request).not.toHaveProperty('ownerUnitId');
  });

  it('sends the rule as RRULE text for a series', () => {
    expect(createRequest({ ...draft, ownerUnitId: P01.id }, undefined, { ...monthly, count: 12 })).toMatchObject({
      ownerUnitId: P01.id,
      recurrence: 'FREQ=MONTHLY;COUNT=12',
    });
  });
});

describe('updateRequest', () => {
  it('sends only what changed, with the version', () => {
    const patch = updateRequest(
      item(),
      { ...draftOf(item()), title: 'Chuyên mục mới', themeCodes: ['II.2.a', 'II.1.d'], ownerUnitId: P01.id },
      unchanged,
      'one',
    );
    expect(patch).toEqual({
      version: 4,
      title: 'Chuyên mục mới',
      themeCodes: ['II.2.a', 'II.1.d'],
      ownerUnitId: P01.id,
    });
    expect(changesSomething(patch)).toBe(true);
  });

  it('sends nothing to change when nothing did', () => {
    const patch = updateRequest(item({ series }), draftOf(item({ series })), unchanged, 'future');
    expect(patch).toEqual({ version: 4, scope: 'future' });
    expect(changesSomething(patch)).toBe(false);
  });

  it('turns a single item into a series when a rule is chosen', () => {
    const patch = updateRequest(item(), draftOf(item()), { changed: true, rule: monthly }, 'one');
    expect(patch).toEqual({ version: 4, recurrence: 'FREQ=MONTHLY' });
  });

  it('applies a new rule to this occurrence and the later ones, whatever scope was picked', () => {
    const patch = updateRequest(
      item({ series }),
      draftOf(item({ series })),
      { changed: true, rule: { ...monthly, interval: 2 } },
      'one',
    );
    expect(patch).toEqual({ version: 4, recurrence: 'FREQ=MONTHLY;INTERVAL=2', scope: 'future' });
  });

  it('does not resend the series’ own rule', () => {
    const patch = updateRequest(item({ series }), draftOf(item({ series })), { changed: true, rule: monthly }, 'one');
    expect(patch).toEqual({ version: 4, scope: 'one' });
  });

  it('moves an occurrence with the scope chosen', () => {
    const draft = { ...draftOf(item({ series })), startsOn: '2026-07-20' };
    expect(updateRequest(item({ series }), draft, unchanged, 'future')).toEqual({
      version: 4,
      startsOn: '2026-07-20',
      scope: 'future',
    });
  });
});
