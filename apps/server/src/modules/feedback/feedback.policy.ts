import { WORKING_ROLES } from '@loa/contracts';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** Where a feedback sits in the org tree: what every decision about it needs. */
export interface FeedbackPlace {
  reporterUnitPath: string;
  routedUnitPath: string | null;
}

const depth = (path: string) => path.split('/').filter(Boolean).length;

/**
 * Who may do what with a feedback. The Communication Center (and admins) route; the unit routed to (and its
 * sub-units) answers; the reporting side (the reporting province or district, or the province above the
 * reporting district) closes or re-opens. Everyone above in the tree reads.
 */
export const feedbackPolicy = {
  isWorker: (actor: Actor) => hasRole(actor, ...WORKING_ROLES),

  /** The Communication Center's role: sees every feedback, routes, keeps the Q&A base. */
  isCommsCenter: (actor: Actor) => hasRole(actor, 'comms_center', 'admin'),

  canRead(actor: Actor, place: FeedbackPlace): boolean {
    return (
      feedbackPolicy.isCommsCenter(actor) ||
      inScope(actor, place.reporterUnitPath) ||
      (place.routedUnitPath !== null && inScope(actor, place.routedUnitPath))
    );
  },

  canRoute: (actor: Actor) => feedbackPolicy.isCommsCenter(actor),

  /** An officer of the routed unit or one of its sub-units (not merely someone above it). */
  isRoutedUnit(actor: Actor, place: FeedbackPlace): boolean {
    return (
      feedbackPolicy.isWorker(actor) &&
      place.routedUnitPath !== null &&
      actor.scopePath.startsWith(place.routedUnitPath)
    );
  },

  /** An officer of the reporting unit or of the province above it; the agency's root is not the reporter. */
  isReporterSide(actor: Actor, place: FeedbackPlace): boolean {
    return feedbackPolicy.isWorker(actor) && depth(actor.scopePath) >= 2 && inScope(actor, place.reporterUnitPath);
  },

  /** Keeps a Q&A entry: the Communication Center, or an officer of the entry's owning unit. */
  canEditFaq(actor: Actor, ownerUnitPath: string): boolean {
    return (
      feedbackPolicy.isCommsCenter(actor) ||
      (feedbackPolicy.isWorker(actor) && actor.scopePath.startsWith(ownerUnitPath))
    );
  },
};
