export { createSharingService, type SharingService } from './sharing.service.js';
export { sharingRepository } from './sharing.repository.js';
export { registerSharingRoutes } from './sharing.routes.js';
