// One connection of its own that LISTENs to a PostgreSQL channel for as long as the instance runs (decision 0055).
// It says when notifications start and stop arriving (`onLive`), so that what depends on them can stop trusting
// itself the moment a change could be missed: the connection failed, or a heartbeat went unanswered. It then
// reconnects, backing off up to `maxRetryMs`.
import pg from 'pg';

export interface ListenOptions {
  url: string;
  channel: string;
  onNotification(payload: string): void;
  onLive(live: boolean): void;
  log?: (message: string) => void;
  /** How often the connection proves it still answers; a heartbeat unanswered after as long again ends it. */
  heartbeatMs?: number;
  firstRetryMs?: number;
  maxRetryMs?: number;
}

export interface Listener {
  close(): Promise<void>;
}

export function listen(options: ListenOptions): Listener {
  const { url, channel, onNotification, onLive, log = () => undefined } = options;
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const firstRetryMs = options.firstRetryMs ?? 500;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = firstRetryMs;
  let retry: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  const setLive = (live: boolean) => {
    try {
      onLive(live);
    } catch (error) {
      log(`listen ${channel}: ${String(error)}`);
    }
  };

  // Called once per connection, however it ended (error, end, heartbeat): stop trusting, then try again.
  const lost = (c: pg.Client, reason: string): Promise<void> => {
    if (client !== c) return Promise.resolve();
    client = null;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    setLive(false);
    // A connection whose peer vanished may never finish ending: it is let go after two seconds.
    const ended = Promise.race([
      c.end().catch(() => undefined),
      new Promise<void>((r) => setTimeout(r, 2_000).unref()),
    ]);
    if (closed) return ended;
    log(`listen ${channel}: connection lost (${reason}); retrying in ${retryMs} ms`);
    retry = setTimeout(connect, retryMs);
    retry.unref();
    retryMs = Math.min(retryMs * 2, maxRetryMs);
    return ended;
  };

  async function connect(): Promise<void> {
    retry = null;
    if (closed) return;
    const c = new pg.Client({ connectionString: url, keepAlive: true, application_name: 'loa-listen' });
    client = c;
    c.on('error', (error) => void lost(c, error.message));
    c.on('end', () => void lost(c, 'ended'));
    c.on('notification', (message) => {
      if (client === c && message.channel === channel) onNotification(message.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await lost(c, error instanceof Error ? error.message : String(error));
      return;
    }
    // Closed, or lost, while connecting: `lost` has already let this connection go.
    if (client !== c) return;
    retryMs = firstRetryMs;
    setLive(true);
    heartbeat = setInterval(() => {
      const silent = setTimeout(() => void lost(c, `no answer within ${heartbeatMs} ms`), heartbeatMs);
      silent.unref();
      c.query('SELECT 1').then(
        () => clearTimeout(silent),
        (error: unknown) => {
          clearTimeout(silent);
          void lost(c, error instanceof Error ? error.message : String(error));
        },
      );
    }, heartbeatMs);
    heartbeat.unref();
  }

  void connect();

  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      if (client) await lost(client, 'closed');
    },
  };
}
