import type { ReactNode } from 'react';

/**
 * A wide block (a table with many columns) that scrolls sideways on narrow screens. The scrolling area takes the
 * keyboard focus, so that it can be scrolled with the arrow keys (WCAG 2.1.1), and is announced as a named region.
 */
export function ScrollRegion({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
