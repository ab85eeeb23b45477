import { pressContactEntry, type TAnswerChannel } from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, Tx } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import type { PressOutletsRepository } from '../press-outlets/index.js';

/** What press requests and conferences need of the media database (issue 6 §4). */
export type PressMedia = Pick<PressOutletsRepository, 'findOutlet' | 'findContact' | 'insertHistory'>;

export interface MediaLink {
  outletId: string | null;
  contactId: string | null;
}

const mismatch = (field: string, code: string) => new AppError('press.media_link', {}, [{ field, code }]);

/**
 * Checks a link to the media database: the outlet exists and is kept in the actor's scope (else a 422 on
 * `<prefix>outletId`), the contact belongs to that outlet (else one on `<prefix>contactId`).
 */
export async function assertMediaLink(
  tx: Executor,
  media: PressMedia,
  actor: Actor,
  link: MediaLink,
  prefix = '',
): Promise<void> {
  if (link.outletId === null) {
    if (link.contactId !== null) throw mismatch(`${prefix}contactId`, 'press.contact_outlet');
    return;
  }
  const outlet = await media.findOutlet(tx, link.outletId);
  if (!outlet || !inScope(actor, outlet.orgUnitPath)) throw mismatch(`${prefix}outletId`, 'validation.invalid_value');
  if (link.contactId === null) return;
  const contact = await media.findContact(tx, link.contactId);
  if (!contact || contact.outletId !== outlet.id) throw mismatch(`${prefix}contactId`, 'press.contact_outlet');
}

/**
 * Appends the closing of a request to its journalist's contact history (answered by its channel, or declined), on
 * `day`, by the acting officer, audited like an entry logged by hand. Nothing when the request has no contact.
 */
export async function logPressContact(
  tx: Tx,
  deps: { media: PressMedia; recordAudit: RecordAudit },
  actor: Actor,
  request: { id: string; topic: string; contactId: string | null },
  outcome: { action: 'answer'; channel: TAnswerChannel } | { action: 'decline' },
  day: string,
): Promise<void> {
  if (!request.contactId) return;
  const contact = await deps.media.findContact(tx, request.contactId);
  if (!contact) return;
  const { channel, summary } = pressContactEntry(request, outcome);
  await deps.media.insertHistory(tx, {
    contactId: contact.id,
    contactedOn: day,
    channel,
    summary,
    officerId: actor.userId,
    officerName: actor.fullName,
  });
  await deps.recordAudit(tx, actor, {
    action: 'log_contact',
    entityType: 'press_contact',
    entityId: contact.id,
    orgUnitId: contact.orgUnitId,
    summary: `${contact.fullName} — ${day} — ${summary}`.slice(0, 300),
    before: null,
    after: { contactedOn: day, channel, summary, pressRequestId: request.id },
  });
}
