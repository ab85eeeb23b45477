import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium.js';

export interface BrowserSession {
  browser: Browser;
  newPage(): Promise<{ page: Page; context: BrowserContext }>;
  close(): Promise<void>;
}

/** Debian's Chromium; Playwright gives every launch a fresh, empty profile. Pages start at the app's base URL. */
export async function openBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: inject('chromium'), args: CHROMIUM_ARGS });
  return {
    browser,
    async newPage() {
      const context = await browser.newContext({
        baseURL: inject('baseUrl'),
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      return { context, page: await context.newPage() };
    },
    async close() {
      await browser.close();
    },
  };
}
