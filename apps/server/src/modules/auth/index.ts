export { createAuthService, createAuthSessionCache, type AuthService, type AuthSessionCache } from './auth.service.js';
export { authRepository } from './auth.repository.js';
export { DEFAULT_LOGINS_PER_MINUTE, registerAuthRoutes } from './auth.routes.js';
export { sessionCleanupJob } from './session-cleanup.job.js';
export { AUTH_CHANNEL } from './session-cache.js';
