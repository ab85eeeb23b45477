export { createOrgUnitsService, type OrgUnitsService } from './org-units.service.js';
export { createOrgUnitsImportService } from './org-units-import.service.js';
export { orgUnitsRepository } from './org-units.repository.js';
export { importColumns, registerOrgUnitsRoutes } from './org-units.routes.js';
export { seedOrganisation } from './org-units.seed.js';
export { ROOT_CODE } from './org-presets.js';
export type { UnitInfo, UnitLookup } from './org-units.repository.js';
