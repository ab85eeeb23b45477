import { describe, expect, it } from 'vitest';
import type { TReviewKind } from '@loa/contracts';
import { pressReviewCompileJob } from './press-reviews.job.js';

describe('pressReviewCompileJob', () => {
  it('runs each kind daily at its configured time and compiles that kind', async () => {
    const compiled: TReviewKind[] = [];
    const compile = async (kind: TReviewKind) => {
      compiled.push(kind);
      return 1;
    };
    const review = pressReviewCompileJob('review', '06:30', compile);
    const bulletin = pressReviewCompileJob('bulletin', '16:05', compile);
    expect([review.name, review.schedule]).toEqual(['press-reviews.compile-review', '30 6 * * *']);
    expect([bulletin.name, bulletin.schedule]).toEqual(['press-reviews.compile-bulletin', '5 16 * * *']);
    // "Run now" sends an empty payload.
    await bulletin.handler(bulletin.payload.parse({}), { jobId: 'j1', attempt: 0 });
    await review.handler(review.payload.parse({}), { jobId: 'j2', attempt: 0 });
    expect(compiled).toEqual(['bulletin', 'review']);
  });

  it('refuses to be defined with a time that is not a time of day', () => {
    expect(() => pressReviewCompileJob('review', '6h30', async () => 0)).toThrow(/HH:MM/);
  });
});
