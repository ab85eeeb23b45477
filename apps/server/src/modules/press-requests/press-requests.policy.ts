import { mayApprovePressAnswer, WORKING_ROLES } from '@loa/contracts';
import { hasRole, inScope, type Actor } from '../../platform/actor.js';

/** Where a request sits: what every decision about it needs. */
export interface PressPlace {
  receivingUnitPath: string;
  owningUnitPath: string | null;
  spokespersonId: string | null;
  draftedBy: string | null;
}

/** The kinds of unit that receive the press (§V.1.a): the Communication Center, a press office, a province. */
export const RECEIVING_CODE = 'TT';

/**
 * Who may do what with a press request. The receiving side (the Communication Center or a province's communication
 * officers, and anyone above them) routes, records the answer sent, or declines; the owning unit drafts; the
 * designated spokesperson or a leader approves, never the drafter. The spokesperson reads what they speak for.
 */
export const pressPolicy = {
  isWorker: (actor: Actor) => hasRole(actor, ...WORKING_ROLES),

  isReceiverRole: (actor: Actor) => hasRole(actor, 'comms_center', 'press_office', 'province_officer', 'admin'),

  canRead(actor: Actor, place: PressPlace): boolean {
    return (
      inScope(actor, place.receivingUnitPath) ||
      (place.owningUnitPath !== null && inScope(actor, place.owningUnitPath)) ||
      (actor.userId !== null && actor.userId === place.spokespersonId)
    );
  },

  isReceiverSide(actor: Actor, place: PressPlace): boolean {
    return pressPolicy.isWorker(actor) && inScope(actor, place.receivingUnitPath);
  },

  /** An officer of the owning unit or one of its sub-units (not merely someone above it). */
  isOwningUnit(actor: Actor, place: PressPlace): boolean {
    return (
      pressPolicy.isWorker(actor) && place.owningUnitPath !== null && actor.scopePath.startsWith(place.owningUnitPath)
    );
  },

  isSpokesperson: (actor: Actor, place: PressPlace) => actor.userId !== null && actor.userId === place.spokespersonId,

  /** A leader over the receiving or the owning unit. */
  isLeader(actor: Actor, place: PressPlace): boolean {
    return (
      hasRole(actor, 'leader') &&
      (inScope(actor, place.receivingUnitPath) ||
        (place.owningUnitPath !== null && inScope(actor, place.owningUnitPath)))
    );
  },

  canApprove(actor: Actor, place: PressPlace): boolean {
    return mayApprovePressAnswer({
      actorId: actor.userId,
      isLeader: pressPolicy.isLeader(actor, place),
      spokespersonId: place.spokespersonId,
      draftedBy: place.draftedBy,
    });
  },

  /** Returning for rework: whoever may approve, or the receiving side. */
  canReturn(actor: Actor, place: PressPlace): boolean {
    return (
      pressPolicy.isSpokesperson(actor, place) ||
      pressPolicy.isLeader(actor, place) ||
      pressPolicy.isReceiverSide(actor, place)
    );
  },

  canSend(actor: Actor, place: PressPlace): boolean {
    return (
      pressPolicy.isReceiverSide(actor, place) ||
      pressPolicy.isSpokesperson(actor, place) ||
      pressPolicy.isOwningUnit(actor, place)
    );
  },

  canDecline(actor: Actor, place: PressPlace): boolean {
    return (
      pressPolicy.isReceiverSide(actor, place) ||
      pressPolicy.isSpokesperson(actor, place) ||
      pressPolicy.isLeader(actor, place)
    );
  },
};
