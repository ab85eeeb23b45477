export { pressRequestsRepository, type PressRequestsRepository } from './press-requests.repository.js';
export { createPressRequestsService, type PressRequestsService } from './press-requests.service.js';
export { pressConferencesRepository, type PressConferencesRepository } from './press-conferences.repository.js';
export { createPressConferencesService, type PressConferencesService } from './press-conferences.service.js';
export { registerPressRequestsRoutes } from './press-requests.routes.js';
