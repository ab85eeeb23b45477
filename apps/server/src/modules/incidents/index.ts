export {
  createIncidentsService,
  type AlertForIncident,
  type IncidentAlertsPort,
  type IncidentsService,
} from './incidents.service.js';
export { incidentsRepository } from './incidents.repository.js';
export { incidentLinksRepository } from './incident-links.repository.js';
export { registerIncidentsRoutes } from './incidents.routes.js';
export { escalateIncidentsJob, linkArrivalsJob } from './incidents.job.js';
