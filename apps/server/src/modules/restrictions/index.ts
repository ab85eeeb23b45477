export { createRestrictionsService, describeRestriction, type RestrictionsService } from './restrictions.service.js';
export { restrictionsRepository, type RestrictionRow } from './restrictions.repository.js';
export { registerRestrictionsRoutes } from './restrictions.routes.js';
