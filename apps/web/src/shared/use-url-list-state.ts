import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

export type ListChanges = Record<string, string | number | undefined>;

/**
 * A list page's state kept in the URL, so that a filtered list can be shared and survives a reload:
 * `page` and `pageSize` (≤ 100 on screen), `update` (changes keys, back to page 1 unless `keepPage`; an
 * empty value removes the key) and `updateLater` (the same once typing has paused for 300 ms).
 */
export function useUrlListState() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || 20));

  const update = (changes: ListChanges, keepPage = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (!keepPage) next.delete('page');
        return next;
      },
      { replace: true },
    );

  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const updateLater = (changes: ListChanges) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => update(changes), 300);
  };

  return { params, page, pageSize, update, updateLater };
}
