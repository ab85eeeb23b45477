// What every journey does on the screen the same way: sign in, follow the main navigation.
import type { Page } from 'playwright-core';

/**
 * Signs in from the login page, in Vietnamese (the default language of a fresh browser), and returns once the server
 * has answered: a journey that navigates straight away would otherwise abort the login in flight and land, without a
 * session, on the login page again.
 */
export async function logIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập hoặc e-mail').fill(user.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(user.password);
  const answered = page.waitForResponse(
    (response) => response.url().endsWith('/api/auth/login') && response.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await answered;
}

/** The entry `name` of the main navigation (the home page links to the same screens). */
export const navLink = (page: Page, name: string) => page.locator('nav').getByRole('link', { name, exact: true });
