import type { TRole } from '@loa/contracts';

/** Compile and edit editions (in scope; province and press office officers their own unit's). */
export const REVIEW_EDITOR_ROLES: readonly TRole[] = ['admin', 'comms_center', 'province_officer', 'press_office'];
/** Compile for any unit of their scope; manage every subscription of their scope. */
export const REVIEW_MANAGER_ROLES: readonly TRole[] = ['admin', 'comms_center'];
/** Manage subscriptions (province officers: their province's users). */
export const SUBSCRIPTION_MANAGER_ROLES: readonly TRole[] = ['admin', 'comms_center', 'province_officer'];
/** Open the subscriptions screen (leaders and press offices see and change their own). */
export const SUBSCRIPTION_SCREEN_ROLES: readonly TRole[] = [
  'admin',
  'comms_center',
  'province_officer',
  'press_office',
  'leader',
];
