import type { TReview, TReviewKind, TReviewSection } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/errors.js';
import type { MailAttachment } from '../../platform/mail/mailer.js';
import { buildEdition, FULL_EDITION, type Edition, type RecipientFilter } from './document.js';
import { renderHtml } from './html.js';
import { reviewDeliveryPolicy, type EditionTarget } from './review-delivery.policy.js';
import type { ReviewDeliveriesRepository } from './review-deliveries.repository.js';
import { renderDocx } from './review-docx.service.js';
import { renderPdf } from './review-pdf.service.js';
import type { ReviewSubscriptionsRepository } from './review-subscriptions.repository.js';
import { renderText } from './text.js';

/** What delivery needs of the press-reviews module (its service provides it). */
export interface ReviewSource {
  /** The edition with every entry (left-out ones flagged), or null. */
  getForDelivery(tx: Executor, id: string): Promise<TReview | null>;
  /** Approved editions of one unit and kind, newest first. */
  listApproved(tx: Executor, options: { kind: TReviewKind; orgUnitId: string; limit: number }): Promise<TReview[]>;
}

export interface ReviewDocumentsDeps {
  db: Executor;
  reviews: ReviewSource;
  subscriptions: Pick<ReviewSubscriptionsRepository, 'findUnits' | 'findFor'>;
  deliveries: Pick<ReviewDeliveriesRepository, 'findFor'>;
  /** Where users open Loa (LOA_PUBLIC_URL): documents link back to the edition when set. */
  publicUrl?: string | undefined;
}

export type DocumentFormat = 'html' | 'pdf' | 'docx';

export interface RenderedDocument {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

export interface EditionMail {
  subject: string;
  html: string;
  text: string;
  attachments: MailAttachment[];
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Rendered attachments kept per edition and choice: most recipients of an edition share the same copy. */
const ATTACHMENT_CACHE_SIZE = 8;

export type ReviewDocumentsService = ReturnType<typeof createReviewDocumentsService>;

/** Editions as documents: the web preview and downloads, each recipient's e-mail, the feeds' content. */
export function createReviewDocumentsService(deps: ReviewDocumentsDeps) {
  const { db, reviews, subscriptions } = deps;
  const base = deps.publicUrl?.replace(/\/+$/, '') ?? null;
  const attachmentCache = new Map<string, Promise<MailAttachment[]>>();

  /** The PDF and DOCX of one copy; an approved edition never changes, so equal copies are rendered once. */
  function attachmentsFor(review: TReview, filter: RecipientFilter, edition: Edition): Promise<MailAttachment[]> {
    const key = [review.id, review.version, [...filter.sections].sort(), [...filter.provinceIds].sort()].join('|');
    let rendered = attachmentCache.get(key);
    if (!rendered) {
      rendered = Promise.all([renderPdf(edition), renderDocx(edition)]).then(([pdf, docx]) => [
        { filename: `${edition.fileBase}.pdf`, contentType: 'application/pdf', content: pdf },
        { filename: `${edition.fileBase}.docx`, contentType: DOCX_TYPE, content: docx },
      ]);
      rendered.catch(() => attachmentCache.delete(key));
      attachmentCache.set(key, rendered);
      if (attachmentCache.size > ATTACHMENT_CACHE_SIZE) attachmentCache.delete(attachmentCache.keys().next().value!);
    }
    return rendered;
  }

  /** The absolute address of the edition in Loa, when LOA_PUBLIC_URL is set. */
  function editionUrl(edition: Edition): string | null {
    return base ? `${base}${edition.path}` : null;
  }

  /** The edition for one recipient, the provinces of their choice named. */
  async function editionFor(tx: Executor, review: TReview, filter: RecipientFilter): Promise<Edition> {
    const units = await subscriptions.findUnits(tx, filter.provinceIds);
    return buildEdition(review, filter, new Map(units.map((u) => [u.id, u.name])));
  }

  /**
   * The edition `id` of `kind`, when the actor may see it (approved: everyone; a draft: its editors and approvers);
   * anything else is not found.
   */
  async function getVisible(
    tx: Executor,
    actor: Actor,
    kind: TReviewKind,
    id: string,
  ): Promise<{ review: TReview; target: EditionTarget }> {
    const review = await reviews.getForDelivery(tx, id);
    if (!review || review.kind !== kind) throw notFound('press_review');
    const [unit] = await subscriptions.findUnits(tx, [review.orgUnit.id]);
    const target: EditionTarget = { status: review.status, unitId: review.orgUnit.id, unitPath: unit?.path ?? '' };
    if (!reviewDeliveryPolicy.canSeeEdition(actor, target)) throw notFound('press_review');
    return { review, target };
  }

  /** The actor's own copy: as their delivery was sent, else as they subscribe now, else the whole edition. */
  async function ownFilter(tx: Executor, actor: Actor, review: TReview): Promise<RecipientFilter> {
    if (!actor.userId) return FULL_EDITION;
    const delivery = await deps.deliveries.findFor(tx, review.id, actor.userId);
    const chosen = delivery ?? (await subscriptions.findFor(tx, review.kind, actor.userId, review.orgUnit.id));
    if (!chosen) return FULL_EDITION;
    return { sections: chosen.sections as TReviewSection[], provinceIds: chosen.provinceIds };
  }

  async function render(edition: Edition, format: DocumentFormat): Promise<RenderedDocument> {
    if (format === 'html') {
      const body = renderHtml(edition, { editionUrl: editionUrl(edition) });
      return { filename: `${edition.fileBase}.html`, contentType: 'text/html; charset=utf-8', body };
    }
    if (format === 'pdf') {
      return { filename: `${edition.fileBase}.pdf`, contentType: 'application/pdf', body: await renderPdf(edition) };
    }
    return { filename: `${edition.fileBase}.docx`, contentType: DOCX_TYPE, body: await renderDocx(edition) };
  }

  return {
    getVisible,
    editionFor,
    editionUrl,

    /** One edition as HTML, PDF or DOCX: the whole edition, or with `mine` the actor's own copy. */
    async getDocument(
      actor: Actor,
      kind: TReviewKind,
      id: string,
      format: DocumentFormat,
      mine: boolean,
    ): Promise<RenderedDocument> {
      const { review } = await getVisible(db, actor, kind, id);
      const filter = mine ? await ownFilter(db, actor, review) : FULL_EDITION;
      return render(await editionFor(db, review, filter), format);
    },

    /** The e-mail of one recipient: the edition as HTML and text, with its PDF and DOCX attached (only approved). */
    async mailFor(tx: Executor, review: TReview, filter: RecipientFilter): Promise<EditionMail> {
      const edition = await editionFor(tx, review, filter);
      const url = editionUrl(edition);
      return {
        subject: edition.documentTitle,
        html: renderHtml(edition, { editionUrl: url }),
        text: renderText(edition, { editionUrl: url }),
        attachments: await attachmentsFor(review, filter, edition),
      };
    },
  };
}
