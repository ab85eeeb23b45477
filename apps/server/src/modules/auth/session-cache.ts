// The sessions an instance has just read, with their users, kept in memory (decision 0055): every authenticated
// request needs them, and they rarely change. The cache answers only while it is *live* — while the instance listens
// to PostgreSQL's notifications of changes to sessions, users and units (migration 0044) — and empties itself whenever
// it goes live or stops being so, since a change may have been missed meanwhile. Each entry also expires after
// `ttlMs`, a backstop should the listening connection die without a word.

export interface SessionCacheOptions {
  /** Most entries kept; the least recently used goes first. */
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  storedAt: number;
}

/** Channel of the notifications and the payloads migration 0044 sends on it. */
export const AUTH_CHANNEL = 'loa_auth';

export type SessionCache<V extends { session: { userId: string } }> = ReturnType<typeof createSessionCache<V>>;

export function createSessionCache<V extends { session: { userId: string } }>(options: SessionCacheOptions = {}) {
  const maxEntries = options.maxEntries ?? 10_000;
  const ttlMs = options.ttlMs ?? 30_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<V>>();
  let live = false;
  // Moves on at every change: a value read from the database before a change arrived is not kept.
  let epoch = 0;

  const clear = () => {
    entries.clear();
    epoch++;
  };
  const evictSession = (id: string) => {
    epoch++;
    entries.delete(id);
  };
  const evictUser = (userId: string) => {
    epoch++;
    for (const [id, entry] of entries) if (entry.value.session.userId === userId) entries.delete(id);
  };

  return {
    get live() {
      return live;
    },
    get size() {
      return entries.size;
    },

    /** Called as the notifications start (true) or stop (false) arriving; either way, forgets everything. */
    setLive(value: boolean): void {
      live = value;
      clear();
    },

    get(id: string): V | undefined {
      if (!live) return undefined;
      const entry = entries.get(id);
      if (!entry) return undefined;
      entries.delete(id);
      if (now() - entry.storedAt > ttlMs) return undefined;
      entries.set(id, entry);
      return entry.value;
    },

    /** To be taken before reading the database; `put` keeps the value read only if nothing changed since. */
    ticket(): number {
      return epoch;
    },

    put(id: string, value: V, ticket: number): boolean {
      if (!live || ticket !== epoch) return false;
      entries.delete(id);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(id, { value, storedAt: now() });
      return true;
    },

    evictSession,
    evictUser,

    /** Applies one notification of migration 0044: 'session:<id>', 'user:<id>' or anything else (all). */
    apply(payload: string): void {
      if (payload.startsWith('session:')) evictSession(payload.slice('session:'.length));
      else if (payload.startsWith('user:')) evictUser(payload.slice('user:'.length));
      else clear();
    },
  };
}
