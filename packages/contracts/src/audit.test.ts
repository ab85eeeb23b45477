import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditLabel } from './audit.js';

describe('auditLabel', () => {
  it('names known actions and entity types in Vietnamese and English', () => {
    expect(auditLabel('action', 'reset_password', 'vi')).toBe('Đặt lại mật khẩu');
    expect(auditLabel('action', 'reset_password', 'en')).toBe('Password reset');
    expect(auditLabel('entity', 'org_unit', 'vi')).toBe('Đơn vị');
  });

  it('shows an unknown code as itself rather than hiding it', () => {
    expect(auditLabel('action', 'no_such_action', 'vi')).toBe('no_such_action');
  });

  it('has both languages for every label', () => {
    for (const labels of [AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS]) {
      for (const [code, { vi, en }] of Object.entries(labels)) {
        expect(vi.trim(), code).not.toBe('');
        expect(en.trim(), code).not.toBe('');
        expect(vi, code).not.toBe(en);
      }
    }
  });
});
