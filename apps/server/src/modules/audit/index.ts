export { createAuditService, type AuditService } from './audit.service.js';
export { auditRepository } from './audit.repository.js';
export { registerAuditRoutes } from './audit.routes.js';
