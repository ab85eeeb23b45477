import type { TLocale } from '@loa/contracts';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../actor.js';
import type { RoutePolicy } from './route-policy.js';

/** The Fastify instance every module registers its routes on: zod schemas validate and serialise. */
export type HttpApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AuthState {
  actor: Actor;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
  mustChangePassword: boolean;
  locale: TLocale;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthState | null;
    locale: TLocale;
  }
  interface FastifyContextConfig {
    /** No session needed (login, health, docs). */
    public?: boolean;
    /** Reachable while the user must still change a one-time password. */
    allowWhilePasswordChange?: boolean;
    /** Who may call a private route and whose records it reaches (route-policy.ts); required on every private route. */
    policy?: RoutePolicy;
  }
}
