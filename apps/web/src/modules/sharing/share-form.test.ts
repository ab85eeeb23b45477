import type { TShare } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { sharedOnProblem, toCreateRequest, toUpdateRequest, type ShareFormValues } from './share-form';

const values: ShareFormValues = {
  network: 'facebook',
  url: ' https://facebook.com/a/posts/1 ',
  sharedOn: '2026-03-05',
  views: 10,
  reactions: undefined,
  comments: null,
  shares: 0,
};
const share = {
  id: 's1',
  network: 'facebook',
  url: 'https://facebook.com/a/posts/1',
  sharedOn: '2026-03-05',
  views: 10,
  reactions: null,
  comments: null,
  shares: 0,
  version: 3,
} as TShare;

describe('toCreateRequest', () => {
  it('trims the address and sends unknown reach as null', () => {
    expect(toCreateRequest(values)).toEqual({
      network: 'facebook',
      url: 'https://facebook.com/a/posts/1',
      sharedOn: '2026-03-05',
      views: 10,
      reactions: null,
      comments: null,
      shares: 0,
    });
  });
});

describe('toUpdateRequest', () => {
  it('sends nothing when nothing changed', () => {
    expect(toUpdateRequest(values, share)).toBeNull();
  });

  it('sends only the changed fields with the version seen, a cleared figure as null', () => {
    expect(toUpdateRequest({ ...values, views: 250, shares: null }, share)).toEqual({
      views: 250,
      shares: null,
      version: 3,
    });
  });
});

describe('sharedOnProblem', () => {
  it('refuses days after today and before the ready day, and accepts both bounds', () => {
    expect(sharedOnProblem('2026-03-11', '2026-03-10', '2026-03-01')).toBe('validation.shared_in_future');
    expect(sharedOnProblem('2026-02-28', '2026-03-10', '2026-03-01')).toBe('validation.shared_before_ready');
    expect(sharedOnProblem('2026-03-01', '2026-03-10', '2026-03-01')).toBeNull();
    expect(sharedOnProblem('2026-03-10', '2026-03-10', null)).toBeNull();
  });
});
