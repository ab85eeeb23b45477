import { REVIEW_KIND_LABELS, type TReviewKind, type TReviewSection } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import { editionEntries } from './document.js';
import { renderAtom, renderRss, type FeedItem } from './feed.js';
import { renderHtmlContent } from './html.js';
import type { ReviewDocumentsService, ReviewSource } from './review-documents.service.js';
import type { ReviewSubscriptionsRepository } from './review-subscriptions.repository.js';
import { feedPath, sha256 } from './review-subscriptions.service.js';

export interface ReviewFeedsDeps {
  db: Executor;
  repo: Pick<ReviewSubscriptionsRepository, 'findByFeedTokenHash'>;
  reviews: Pick<ReviewSource, 'listApproved'>;
  documents: Pick<ReviewDocumentsService, 'editionFor'>;
  /** Where users open Loa (LOA_PUBLIC_URL); without it, the address the feed reader used. */
  publicUrl?: string | undefined;
  clock?: () => Date;
}

/** A feed token as POST …/feed-token makes them: 32 random bytes, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** How many editions one feed carries, newest first. */
export const FEED_EDITIONS = 30;

export type FeedFormat = 'atom' | 'rss';
export type ReviewFeedsService = ReturnType<typeof createReviewFeedsService>;

/** Each subscription's secret Atom/RSS feed: its unit's last approved editions, filtered as its e-mails are. */
export function createReviewFeedsService(deps: ReviewFeedsDeps) {
  const { db, repo, reviews, documents } = deps;
  const now = () => (deps.clock ? deps.clock() : new Date());

  return {
    /**
     * The feed of the subscription whose token this is; an unknown token, an inactive subscription or a disabled
     * subscriber is not found. `origin` (the address the reader used) stands in for LOA_PUBLIC_URL when unset.
     */
    async render(token: string, format: FeedFormat, origin: string): Promise<string> {
      if (!TOKEN_PATTERN.test(token)) throw notFound('review_feed');
      const subscription = await repo.findByFeedTokenHash(db, sha256(token));
      if (!subscription || !subscription.active || subscription.userDisabled) throw notFound('review_feed');
      const kind = subscription.kind as TReviewKind;
      const base = (deps.publicUrl ?? origin).replace(/\/+$/, '');
      const filter = { sections: subscription.sections as TReviewSection[], provinceIds: subscription.provinceIds };
      const editions = await reviews.listApproved(db, {
        kind,
        orgUnitId: subscription.sourceUnitId,
        limit: FEED_EDITIONS,
      });
      const items: FeedItem[] = [];
      for (const review of editions) {
        const edition = await documents.editionFor(db, review, filter);
        const count = editionEntries(edition).length;
        items.push({
          id: review.id,
          title: review.title,
          publishedAt: review.approvedAt ?? review.updatedAt,
          url: `${base}${edition.path}`,
          summary: `${count} tin bài. ${edition.intro ?? ''}`.trim(),
          html: renderHtmlContent(edition),
        });
      }
      const label = REVIEW_KIND_LABELS[kind].vi;
      const document = {
        id: subscription.id,
        title: `${label} — ${subscription.sourceUnitName}`,
        subtitle: `${label} của ${subscription.sourceUnitName}, theo đăng ký của ${subscription.fullName}`,
        selfUrl: `${base}${feedPath(token, format)}`,
        siteUrl: `${base}${kind === 'review' ? '/reviews' : '/bulletins'}`,
        author: subscription.sourceUnitName,
        items,
        now: now(),
      };
      return format === 'atom' ? renderAtom(document) : renderRss(document);
    },
  };
}
