import '@fastify/cookie';
import { timingSafeEqual } from 'node:crypto';
import type { TLocale } from '@loa/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../actor.js';
import { AppError } from '../errors.js';
import { pickLocale } from '../i18n/messages.js';
import { policyAdmits } from './route-policy.js';
import type { AuthState } from './types.js';

export const SESSION_COOKIE = 'loa_session';
const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ResolvedCredentials {
  actor: Actor;
  sessionId: string | null;
  csrfToken: string | null;
  mustChangePassword: boolean;
  locale: TLocale;
}

/** What the HTTP layer needs from the auth module: turn a cookie or a bearer token into an actor. */
export interface Authenticator {
  fromSession(token: string): Promise<ResolvedCredentials | 'expired' | null>;
  fromApiToken(token: string): Promise<ResolvedCredentials | null>;
}

function sameSecret(sent: string, expected: string | null): boolean {
  if (!expected || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

async function resolve(
  request: FastifyRequest,
  reply: FastifyReply,
  authenticator: Authenticator,
): Promise<AuthState | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const found = await authenticator.fromApiToken(header.slice(7).trim());
    if (!found) throw new AppError('auth.invalid_token');
    return { ...found, via: 'token' };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const found = await authenticator.fromSession(cookie);
  if (found === 'expired' || found === null) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if (request.routeOptions.config.public) return null;
    throw new AppError(found === 'expired' ? 'auth.session_expired' : 'auth.required');
  }
  return { ...found, via: 'session' };
}

/**
 * Authenticates every /api request: a bearer token (integrations, no CSRF) or the session cookie
 * (mutations must echo the session's CSRF token in X-CSRF-Token). Routes are private unless `config.public`.
 */
export function registerAuthentication(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'vi');
  app.addHook('onRequest', async (request, reply) => {
    request.locale = pickLocale(request.headers['accept-language']);
    // The interactive API reference is public, like the OpenAPI document it shows.
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const config = request.routeOptions.config;
    const auth = await resolve(request, reply, authenticator);
    if (auth) {
      auth.actor.requestId = request.id;
      auth.actor.ip = request.ip;
      request.auth = auth;
      request.locale = pickLocale(request.headers['accept-language'], auth.locale);
    }
    if (config.public) return;
    if (!auth) throw new AppError('auth.required');
    if (auth.via === 'session' && MUTATIONS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, auth.csrfToken)) throw new AppError('auth.csrf_missing');
    }
    if (auth.mustChangePassword && !config.allowWhilePasswordChange) {
      throw new AppError('auth.password_change_required');
    }
    // The role gate of the route's declared policy runs before the body is parsed: a refused role learns nothing.
    if (config.policy && !policyAdmits(config.policy, auth.actor.roles)) throw new AppError('access.role_forbidden');
  });
}

/** The authenticated actor of a private route. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new AppError('auth.required');
  return request.auth.actor;
}
