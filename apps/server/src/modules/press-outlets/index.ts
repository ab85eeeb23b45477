export { createPressOutletsService, type PressOutletsService } from './press-outlets.service.js';
export { createPressImportService, type PressImportService } from './press-import.service.js';
export { pressOutletsRepository } from './press-outlets.repository.js';
export { registerPressOutletsRoutes } from './press-outlets.routes.js';
export type { PressOutletsRepository } from './press-outlets.repository.js';
