// Runs axe-core (the accessibility engine behind Lighthouse and the browsers' audits) in the page under test.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One axe finding worth failing on: WCAG 2.1 A/AA rules, impact serious or critical. */
export interface Violation {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Waits for the screen to settle — its heading (or its result page) is drawn, its data has arrived and nothing is loading or
 * moving — then audits the whole document.
 */
export async function audit(page: Page, label: string): Promise<Violation[]> {
  await page.locator('h1, .ant-result').first().waitFor({ timeout: 15_000 });
  // The screen's data requests end (nothing on the network for half a second), then nothing is loading or moving:
  // no spinner, skeleton or busy region (a list under a spinner is drawn at half opacity), and no entrance animation
  // still running (antd fades lists, empty states and messages in; a contrast measured mid-fade is lower than the one
  // the officer reads). Both must hold on three polls in a row; a screen that never settles is audited as it is.
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  const settled = `!document.querySelector('.ant-spin-spinning, .ant-spin-blur, .ant-skeleton-active, [aria-busy="true"]')
    && document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)`;
  for (let calm = 0, deadline = Date.now() + 8_000; calm < 3 && Date.now() < deadline;) {
    calm = (await page.evaluate(settled)) ? calm + 1 : 0;
    await page.waitForTimeout(100);
  }
  if (!(await page.evaluate(() => 'axe' in globalThis))) {
    // Evaluated over the DevTools protocol, not as an inline <script>: Loa's CSP (script-src 'self') stays on.
    await page.evaluate(axe.source);
  }
  const result = await page.evaluate(() =>
    (globalThis as unknown as { axe: typeof axe }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  );
  return result.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      page: label,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      // The element, and for colour contrast the colours and ratio axe measured.
      targets: v.nodes.map((node) =>
        [node.target.join(' '), v.id === 'color-contrast' ? node.any[0]?.message : undefined]
          .filter(Boolean)
          .join(': '),
      ),
    }));
}

/** A readable failure message: one line per violation, with the elements it was found on. */
export function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) => `[${v.impact}] ${v.page} — ${v.rule}: ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}`)
    .join('\n');
}
