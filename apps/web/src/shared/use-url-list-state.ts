import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

export type ListChanges = Record<string, string | number | undefined>;

/**
 * A list page's state kept in the URL, so that a filtered list can be shared and survives a reload:
 * `page` and `pageSize` (≤ 100 on screen), `update` (changes keys, back to page 1 unless `keepPage`; an
 * empty value removes the key), `updateLater` (the same once typing has paused for 300 ms) and `replace` (a whole
 * new search, e.g. a saved view).
 *
 * Quick successive changes (ticking several filters in a row) are safe: each starts from the URL as it is now, not as
 * it was at the last render (the router renders the new URL in a transition), and the screen shows it at once.
 */
export function useUrlListState() {
  const [routerParams, setRouterParams] = useSearchParams();
  const routerKey = routerParams.toString();
  // A change the router has not rendered yet: shown while the router still renders the URL it was made from.
  const [pending, setPending] = useState<{ from: string; next: URLSearchParams } | null>(null);
  const params = pending && pending.from === routerKey ? pending.next : routerParams;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20));

  const navigate = (next: URLSearchParams) => {
    setPending({ from: routerKey, next });
    setRouterParams(next, { replace: true });
  };

  const update = (changes: ListChanges, keepPage = false) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!keepPage) next.delete('page');
    navigate(next);
  };

  const replace = (search: string) => navigate(new URLSearchParams(search));

  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const updateLater = (changes: ListChanges) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => update(changes), 300);
  };

  return { params, page, pageSize, update, updateLater, replace };
}
