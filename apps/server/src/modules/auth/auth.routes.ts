import {
  ZApiToken,
  ZChangePasswordRequest,
  ZCreateApiTokenRequest,
  ZCreatedApiToken,
  ZId,
  ZListQuery,
  ZLoginRequest,
  ZLoginResponse,
  ZMeResponse,
  ZUpdateMeRequest,
  zPage,
} from '@loa/contracts';
import { z } from 'zod';
import { actorOf, SESSION_COOKIE } from '../../platform/http/authentication.js';
import { allow } from '../../platform/http/route-policy.js';
import type { HttpApp } from '../../platform/http/types.js';
import type { AuthService } from './auth.service.js';

const tags = ['auth'];

/**
 * Login attempts (and password changes) per client address and minute. A whole office often reaches Loa from one address, so this is
 * set per deployment (LOA_LOGINS_PER_MINUTE); the per-account lockout guards each password on its own.
 */
export const DEFAULT_LOGINS_PER_MINUTE = 20;

export function registerAuthRoutes(
  app: HttpApp,
  service: AuthService,
  options: { loginsPerMinute: number } = { loginsPerMinute: DEFAULT_LOGINS_PER_MINUTE },
): void {
  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: options.loginsPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Log in; sets the session cookie and returns the CSRF token',
        body: ZLoginRequest,
        response: { 200: ZLoginResponse },
      },
    },
    async (request, reply) => {
      const result = await service.login(request.body.username, request.body.password, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: result.expiresInSeconds,
      });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { ...allow('signed-in', 'self'), allowWhilePasswordChange: true },
      schema: { tags, summary: 'Log out (ends this session)' },
    },
    async (request, reply) => {
      await service.logout(actorOf(request), request.auth?.sessionId ?? null);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me',
    {
      config: { ...allow('signed-in', 'self'), allowWhilePasswordChange: true },
      schema: { tags: ['me'], summary: 'Who I am, and the CSRF token of my session', response: { 200: ZMeResponse } },
    },
    async (request) => ({ user: await service.me(actorOf(request)), csrfToken: request.auth?.csrfToken ?? '' }),
  );

  app.patch(
    '/api/me',
    {
      config: { ...allow('signed-in', 'self'), allowWhilePasswordChange: true },
      schema: {
        tags: ['me'],
        summary: 'Change my name or language',
        body: ZUpdateMeRequest,
        response: { 200: ZMeResponse },
      },
    },
    async (request) => ({
      user: await service.updateMe(actorOf(request), request.body),
      csrfToken: request.auth?.csrfToken ?? '',
    }),
  );

  app.post(
    '/api/me/password',
    {
      // Password changes check the current password: the same per-address budget as logins (new users of a whole
      // office change their first password through one gateway).
      config: {
        ...allow('signed-in', 'self'),
        allowWhilePasswordChange: true,
        rateLimit: { max: options.loginsPerMinute, timeWindow: '1 minute' },
      },
      schema: { tags: ['me'], summary: 'Change my password (ends my other sessions)', body: ZChangePasswordRequest },
    },
    async (request, reply) => {
      await service.changePassword(actorOf(request), request.auth?.sessionId ?? null, request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me/tokens',
    {
      config: allow('signed-in', 'self'),
      schema: {
        tags: ['me'],
        summary: 'My personal API tokens',
        querystring: ZListQuery,
        response: { 200: zPage(ZApiToken) },
      },
    },
    async (request) => service.listTokens(actorOf(request), request.query),
  );

  app.post(
    '/api/me/tokens',
    {
      config: allow('signed-in', 'self'),
      schema: {
        tags: ['me'],
        summary: 'Create a personal API token (the secret is shown once)',
        body: ZCreateApiTokenRequest,
        response: { 201: ZCreatedApiToken },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createToken(actorOf(request), request.body)),
  );

  app.delete(
    '/api/me/tokens/:id',
    {
      config: allow('signed-in', 'self'),
      schema: { tags: ['me'], summary: 'Revoke one of my tokens', params: z.strictObject({ id: ZId }) },
    },
    async (request, reply) => {
      await service.revokeToken(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
