import { describe, expect, it } from 'vitest';
import {
  CONSENT_STATUSES,
  STORY_STATUSES,
  statusAfterConsent,
  storyTransitionProblem,
  ZCreateStoryRequest,
  ZRecordConsentRequest,
} from './stories.js';

describe('storyTransitionProblem', () => {
  it('lets a draft become usable only with consent obtained or not needed', () => {
    expect(storyTransitionProblem('draft', 'usable', 'obtained')).toBeNull();
    expect(storyTransitionProblem('draft', 'usable', 'not_needed')).toBeNull();
    expect(storyTransitionProblem('draft', 'usable', 'pending')).toBe('story.consent_required');
    expect(storyTransitionProblem('draft', 'usable', 'refused')).toBe('story.consent_required');
  });

  it('sends an archived story back through draft before it is used again', () => {
    expect(storyTransitionProblem('archived', 'usable', 'obtained')).toBe('story.invalid_transition');
    expect(storyTransitionProblem('archived', 'draft', 'refused')).toBeNull();
  });

  it('refuses a change to the same status', () => {
    for (const status of STORY_STATUSES) {
      expect(storyTransitionProblem(status, status, 'obtained')).toBe('story.invalid_transition');
    }
  });

  it('archives whatever the consent', () => {
    for (const consent of CONSENT_STATUSES) {
      expect(storyTransitionProblem('draft', 'archived', consent)).toBeNull();
      expect(storyTransitionProblem('usable', 'archived', consent)).toBeNull();
    }
  });
});

describe('statusAfterConsent', () => {
  it('takes a usable story back to draft when consent is refused or pending again', () => {
    expect(statusAfterConsent('usable', 'refused')).toBe('draft');
    expect(statusAfterConsent('usable', 'pending')).toBe('draft');
    expect(statusAfterConsent('usable', 'obtained')).toBe('usable');
  });

  it('leaves drafts and archived stories as they are', () => {
    expect(statusAfterConsent('draft', 'obtained')).toBe('draft');
    expect(statusAfterConsent('archived', 'refused')).toBe('archived');
  });
});

describe('ZCreateStoryRequest', () => {
  it('needs a guidance year when themes are named', () => {
    const result = ZCreateStoryRequest.safeParse({ kind: 'initiative', title: 'A', story: 'B', themes: ['II.1.g'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['guidanceYear']);
  });

  it('requires a name for each person', () => {
    const result = ZCreateStoryRequest.safeParse({
      kind: 'good_person',
      title: 'Chị Lan',
      story: 'Vận động 200 người tham gia BHXH tự nguyện',
      people: [{ name: '  ' }],
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['people.0.name', 'validation.required'],
    ]);
  });
});

describe('ZRecordConsentRequest', () => {
  it('asks why no consent is needed', () => {
    expect(ZRecordConsentRequest.safeParse({ status: 'not_needed', version: 1 }).success).toBe(false);
    expect(
      ZRecordConsentRequest.safeParse({ status: 'not_needed', note: 'Tập thể, ảnh công khai', version: 1 }).success,
    ).toBe(true);
  });
});
