import { expect, type Page } from '@playwright/test';

export const admin = { email: 'admin@demo.charter.example', password: 'charter-demo-admin' };

/** Sign in on the sign-in page the app redirected to (or open it first). */
export async function signIn(page: Page, user = admin): Promise<void> {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export const unique = (prefix: string): string =>
  `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
