/**
 * End-to-end tests of typed dates, keystroke by keystroke as a user types
 * them: a half-typed or impossible date never reaches the window; a complete
 * valid one applies at once; refusals say why, next to the field.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { statusCounts, useBuiltApp } from './harness';

const app = useBuiltApp();
// Each test's page is closed after it, so finished pages do not compete for the CPU (their console and network records stay).
afterEach(async () => {
  for (const watched of app.pages) if (!watched.page.isClosed()) await watched.page.context().close();
});

/** The window the explorer applies, as its handles announce it. */
async function appliedWindow(page: Page): Promise<string[]> {
  return Promise.all(['Window start', 'Window end'].map((name) => page.getByRole('slider', { name }).getAttribute('aria-valuetext') as Promise<string>));
}

const field = (page: Page, name: 'From' | 'To') => page.getByLabel(name, { exact: true });
const message = (page: Page) => page.locator('.timeline .messages').innerText();

/** The applied window and the status line, read in one go so each keystroke costs one round trip. */
const snapshot = (page: Page) =>
  page.evaluate(() => [
    ...['Window start', 'Window end'].map((name) => document.querySelector(`[role="slider"][aria-label="${name}"]`)?.getAttribute('aria-valuetext')),
    document.querySelector('[data-testid="status"]')?.textContent,
  ]);

/** Types `text` into a field, one key at a time, checking after each key but the last that nothing was applied. */
async function typeKeyByKey(page: Page, name: 'From' | 'To', text: string, { lastKeyApplies }: { lastKeyApplies: boolean }) {
  const before = await appliedWindow(page);
  const unchanged = await snapshot(page);
  await field(page, name).click();
  await page.keyboard.press('Control+A');
  for (const [i, key] of [...text].entries()) {
    await page.keyboard.type(key);
    if (i === text.length - 1 && lastKeyApplies) break;
    expect(await snapshot(page), `after typing "${text.slice(0, i + 1)}"`).toEqual(unchanged);
  }
  return before;
}

describe('typed dates', () => {
  test('typing 2021-12-31 into To applies nothing until the last digit, then exactly that date', async () => {
    const page = await app.open('');
    const before = await typeKeyByKey(page, 'To', '2021-12-31', { lastKeyApplies: true });
    await expect.poll(() => appliedWindow(page)).toEqual([before[0], '2021-12-31']);
    expect((await statusCounts(page)).shown).toBeLessThan((await statusCounts(page)).total);
    expect(await message(page)).toBe('');
  });

  test('the keystrokes of 12/31/2021 never reach the window, and Enter names the format', async () => {
    const page = await app.open('');
    const before = await typeKeyByKey(page, 'To', '12/31/2021', { lastKeyApplies: false });
    await page.keyboard.press('Enter');
    expect(await appliedWindow(page)).toEqual(before);
    expect(await message(page)).toContain('YYYY-MM-DD');
    expect(await field(page, 'To').getAttribute('aria-invalid')).toBe('true');
    // The message is the field's description, so a screen reader reads it with the field.
    const describedBy = (await field(page, 'To').getAttribute('aria-describedby'))!;
    expect(await page.locator(`#${describedBy}`).innerText()).toContain('YYYY-MM-DD');
    await page.keyboard.press('Escape');
    expect(await field(page, 'To').inputValue()).toBe(before[1]);
    expect(await message(page)).toBe('');
  });

  test('09/01/2022 typed into From, then Tab, changes nothing and says why', async () => {
    const page = await app.open('');
    const before = await typeKeyByKey(page, 'From', '09/01/2022', { lastKeyApplies: false });
    await page.keyboard.press('Tab');
    expect(await appliedWindow(page)).toEqual(before);
    expect(await message(page)).toContain('From: write the date as YYYY-MM-DD');
  });

  test('a year before 1000 or after 2200 is refused with a message', async () => {
    const page = await app.open('');
    const before = await typeKeyByKey(page, 'To', '0202-12-31', { lastKeyApplies: false });
    expect(await message(page)).toContain('from 1000 to 2200');
    await typeKeyByKey(page, 'From', '2300-01-01', { lastKeyApplies: false });
    expect(await message(page)).toContain('year 2300 is out of range');
    expect(await appliedWindow(page)).toEqual(before);
  });

  test('From after To says so instead of swapping or emptying the window', async () => {
    const page = await app.open('?from=2021-01-01&to=2021-12-31');
    const before = await typeKeyByKey(page, 'From', '2022-09-01', { lastKeyApplies: false });
    expect(await message(page)).toContain('From 2022-09-01 is after To 2021-12-31');
    await page.keyboard.press('Enter');
    expect(await appliedWindow(page)).toEqual(before);
    expect((await statusCounts(page)).shown).toBeGreaterThan(0);
  });

  test('an impossible day is refused; a year alone is read on Enter as its first day', async () => {
    const page = await app.open('');
    const before = await typeKeyByKey(page, 'From', '2022-02-30', { lastKeyApplies: false });
    expect(await message(page)).toContain('2022-02-30 is not a date');
    await field(page, 'From').fill('');
    await typeKeyByKey(page, 'From', '2022', { lastKeyApplies: false });
    await page.keyboard.press('Enter');
    await expect.poll(() => appliedWindow(page)).toEqual(['2022-01-01', before[1]]);
    expect(await field(page, 'From').inputValue()).toBe('2022-01-01');
    expect(await message(page)).toBe('');
  });

  test('no console errors and no requests to other origins', () => {
    expect(app.pages.length).toBeGreaterThan(0);
    for (const watched of app.pages) {
      expect(watched.consoleErrors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
    }
  });
});
