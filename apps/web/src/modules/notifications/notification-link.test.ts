import { describe, expect, it } from 'vitest';
import { appPathOf } from './notification-link';

describe('appPathOf', () => {
  it('keeps paths inside Loa', () => {
    expect(appPathOf('/tasks?id=1')).toBe('/tasks?id=1');
    expect(appPathOf('/')).toBe('/');
  });

  it('drops no link and links that would leave Loa', () => {
    for (const link of [null, undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'tasks']) {
      expect(appPathOf(link), String(link)).toBeNull();
    }
  });
});
