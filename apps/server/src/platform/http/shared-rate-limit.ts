// The store of @fastify/rate-limit (decision 0049). A route's own limit (`config.rateLimit`: logins, password
// changes, public forms) is counted in PostgreSQL, so it holds across every instance behind a load balancer; the
// global backstop (1,200 requests a minute per address on every route) stays in each instance's memory, because a
// database write per request would cost more than the backstop protects.
import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { deleteOldWindows, hitWindow } from '../db/rate-limit-windows.js';
import type { Executor } from '../db/transaction.js';

type ChildOptions = FastifyRateLimitOptions & { routeInfo?: { method?: unknown; url?: unknown } };
type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Addresses remembered by the in-memory backstop; the least recently seen are forgotten first. */
const MEMORY_KEYS = 5000;
/** Every this many counted hits, an instance deletes windows older than a day. */
const CLEANUP_EVERY = 500;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Fixed windows in this process's memory. */
class MemoryWindows implements FastifyRateLimitStore {
  private readonly windows = new Map<string, { hits: number; startedAt: number }>();

  incr(key: string, callback: Callback, timeWindow: number): void {
    const now = Date.now();
    const previous = this.windows.get(key);
    const current = previous && previous.startedAt + timeWindow > now ? previous : { hits: 0, startedAt: now };
    current.hits++;
    this.windows.delete(key);
    this.windows.set(key, current);
    if (this.windows.size > MEMORY_KEYS) this.windows.delete(this.windows.keys().next().value!);
    callback(null, { current: current.hits, ttl: current.startedAt + timeWindow - now });
  }

  child(_options?: ChildOptions): FastifyRateLimitStore {
    return new MemoryWindows();
  }
}

/** Fixed windows in PostgreSQL, one counter per route and client address. */
class DatabaseWindows implements FastifyRateLimitStore {
  private counted = 0;

  constructor(
    private readonly db: Executor,
    private readonly route: string,
  ) {}

  incr(key: string, callback: Callback, timeWindow: number): void {
    hitWindow(this.db, `${this.route} ${key}`, timeWindow).then(
      ({ hits, ttlMs }) => callback(null, { current: hits, ttl: ttlMs }),
      (error: Error) => callback(error),
    );
    if (++this.counted % CLEANUP_EVERY === 0) void deleteOldWindows(this.db, DAY_MS).catch(() => undefined);
  }

  child(): FastifyRateLimitStore {
    return this;
  }
}

/** The `store` option of @fastify/rate-limit: route limits shared through `db`, the global one per instance. */
export function sharedRateLimitStore(db: Executor): FastifyRateLimitStoreCtor {
  return class SharedRateLimitStore extends MemoryWindows {
    // Called once per route that declares its own limit, with the route's merged options.
    override child(options?: ChildOptions): FastifyRateLimitStore {
      const { method, url } = options?.routeInfo ?? {};
      return new DatabaseWindows(db, `${String(method ?? '')} ${String(url ?? '')}`.trim());
    }
  } as unknown as FastifyRateLimitStoreCtor;
}
