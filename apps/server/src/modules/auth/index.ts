export { createAuthService, type AuthService } from './auth.service.js';
export { authRepository } from './auth.repository.js';
export { DEFAULT_LOGINS_PER_MINUTE, registerAuthRoutes } from './auth.routes.js';
export { sessionCleanupJob } from './session-cleanup.job.js';
