import { NOTIFICATION_KINDS } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import {
  clip,
  deadlineDedupeKey,
  effectivePreference,
  isAppPath,
  preferencesFor,
  selectRecipients,
  storedContent,
} from './notification-rules.js';

const HANOI = 'unit-hanoi';
const BA_DINH = 'unit-badinh';
const candidates = [
  { id: 'u-leader', orgUnitId: HANOI, roles: ['leader'] },
  { id: 'u-officer', orgUnitId: HANOI, roles: ['province_officer', 'viewer'] },
  { id: 'u-viewer', orgUnitId: HANOI, roles: ['viewer'] },
  { id: 'u-district', orgUnitId: BA_DINH, roles: ['district_officer'] },
];
const ids = (users: { id: string }[]) => users.map((u) => u.id);

describe('selectRecipients', () => {
  it('takes every user of the named units when no role is given', () => {
    expect(ids(selectRecipients(candidates, { orgUnitIds: [HANOI] }, null))).toEqual([
      'u-leader',
      'u-officer',
      'u-viewer',
    ]);
  });

  it('narrows the users of the units to those holding one of the roles', () => {
    expect(
      ids(selectRecipients(candidates, { orgUnitIds: [HANOI, BA_DINH], roles: ['leader', 'district_officer'] }, null)),
    ).toEqual(['u-leader', 'u-district']);
  });

  it('always includes users named by id, whatever their role, each once', () => {
    const chosen = selectRecipients(
      candidates,
      { userIds: ['u-viewer', 'u-district', 'u-viewer'], orgUnitIds: [HANOI], roles: ['leader'] },
      null,
    );
    expect(ids(chosen)).toEqual(['u-leader', 'u-viewer', 'u-district']);
  });

  it('never notifies the actor, named or through a unit', () => {
    expect(ids(selectRecipients(candidates, { userIds: ['u-leader'], orgUnitIds: [HANOI] }, 'u-leader'))).toEqual([
      'u-officer',
      'u-viewer',
    ]);
  });

  it('takes nobody when nobody is named', () => {
    expect(selectRecipients(candidates, {}, null)).toEqual([]);
  });
});

describe('effectivePreference', () => {
  it('has both channels on for a kind the user never changed', () => {
    expect(effectivePreference(undefined)).toEqual({ inApp: true, email: true });
  });

  it('keeps what the user chose', () => {
    expect(effectivePreference({ inApp: false, email: true })).toEqual({ inApp: false, email: true });
    expect(effectivePreference({ inApp: true, email: false })).toEqual({ inApp: true, email: false });
  });
});

describe('preferencesFor', () => {
  it('lists every kind in order, filling in defaults around the stored ones', () => {
    const all = preferencesFor([{ kind: 'deadline_missed', inApp: true, email: false }]);
    expect(all.map((p) => p.kind)).toEqual([...NOTIFICATION_KINDS]);
    expect(all.find((p) => p.kind === 'deadline_missed')).toEqual({
      kind: 'deadline_missed',
      inApp: true,
      email: false,
    });
    expect(all.filter((p) => p.kind !== 'deadline_missed').every((p) => p.inApp && p.email)).toBe(true);
  });
});

describe('isAppPath', () => {
  it('accepts paths inside the web app', () => {
    for (const link of ['/', '/tasks', '/regulations?id=1#tasks']) expect(isAppPath(link), link).toBe(true);
  });

  it('refuses other sites, protocol-relative and backslash tricks', () => {
    for (const link of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'tasks',
      'javascript:alert(1)',
      '',
    ]) {
      expect(isAppPath(link), link).toBe(false);
    }
  });
});

describe('clip', () => {
  it('leaves short text alone and cuts long text to the limit with an ellipsis', () => {
    expect(clip('Hạn chót', 8)).toBe('Hạn chót');
    expect(clip('Hạn chót hôm nay', 8)).toBe('Hạn chó…');
    expect([...clip('ả'.repeat(400), 300)]).toHaveLength(300);
  });
});

describe('deadlineDedupeKey', () => {
  it('names the source, the record and the state', () => {
    expect(deadlineDedupeKey('regulation_tasks', 'abc', 'approaching')).toBe(
      'deadline:regulation_tasks:abc:approaching',
    );
    expect(deadlineDedupeKey('regulation_tasks', 'abc', 'missed')).not.toBe(
      deadlineDedupeKey('regulation_tasks', 'abc', 'approaching'),
    );
  });
});

describe('storedContent', () => {
  const content = { kind: 'assignment' as const, title: { vi: ' Giao việc ', en: ' Assigned ' } };

  it('trims titles, clips long ones and stores absent fields as null', () => {
    const stored = storedContent({ ...content, title: { vi: 'ă'.repeat(500), en: 'Assigned' } }, {});
    expect([...stored.titleVi]).toHaveLength(300);
    expect(storedContent(content, { userIds: ['u'] })).toEqual({
      kind: 'assignment',
      titleVi: 'Giao việc',
      titleEn: 'Assigned',
      bodyVi: null,
      bodyEn: null,
      link: null,
      entityType: null,
      entityId: null,
      dedupeKey: null,
    });
  });

  it('refuses a missing title, an outside link, an empty key, and roles without units', () => {
    expect(() => storedContent({ ...content, title: { vi: ' ', en: 'x' } }, {})).toThrow(/title/);
    expect(() => storedContent({ ...content, link: 'https://evil.example' }, {})).toThrow(/link/);
    expect(() => storedContent({ ...content, dedupeKey: '' }, {})).toThrow(/dedupeKey/);
    expect(() => storedContent(content, { roles: ['leader'] })).toThrow(/orgUnitIds/);
  });
});
