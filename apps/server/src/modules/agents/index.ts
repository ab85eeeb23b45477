export { createAgentsService, type AgentsService } from './agents.service.js';
export { createAgentsImportService, type AgentsImportService } from './agents-import.service.js';
export { agentsRepository } from './agents.repository.js';
export { registerAgentsRoutes } from './agents.routes.js';
