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
 * Waits for the screen to settle — its heading (or its result page) is drawn, no spinner, skeleton or busy region is left and no
 * entrance animation is still running (at most a few seconds each: a screen that keeps one is audited as it is) — then audits
 * the whole document.
 */
export async function audit(page: Page, label: string): Promise<Violation[]> {
  await page.locator('h1, .ant-result').first().waitFor({ timeout: 15_000 });
  await page
    .waitForFunction(
      '!document.querySelector(\'.ant-spin-spinning, .ant-skeleton-active, [aria-busy="true"]\')',
      undefined,
      { timeout: 5_000, polling: 100 },
    )
    .catch(() => undefined);
  // Entrance animations (antd fades lists, empty states and messages in) would be measured half-drawn: a colour
  // contrast taken mid-fade is lower than the one the officer reads. Wait for every finite animation to end.
  await page
    .waitForFunction(
      "document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)",
      undefined,
      { timeout: 5_000, polling: 100 },
    )
    .catch(() => undefined);
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
