// What every journey does on the screen the same way: sign in, follow the main navigation.
import type { Page } from 'playwright-core';

/** Signs in from the login page, in Vietnamese (the default language of a fresh browser). */
export async function logIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Tên đăng nhập hoặc e-mail').fill(user.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** The entry `name` of the main navigation (the home page links to the same screens). */
export const navLink = (page: Page, name: string) => page.locator('nav').getByRole('link', { name, exact: true });
