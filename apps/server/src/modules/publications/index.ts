export { createPublicationsService, type PublicationsService } from './publications.service.js';
export { createPublicationMetricsService, type PublicationMetricsService } from './publication-metrics.service.js';
export { publicationsRepository } from './publications.repository.js';
export { registerPublicationsRoutes } from './publications.routes.js';
export { registerPublicationMetricsRoutes } from './publication-metrics.routes.js';
