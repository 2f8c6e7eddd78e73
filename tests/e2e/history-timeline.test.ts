/**
 * End-to-end tests of history and time controls: a raw URL is rewritten in
 * place so Back never gets stuck, a click on the timeline is not a drag,
 * Play moves the window without filling the history and yields to the user,
 * and the table opens the same evidence as a click on the canvas.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { statusCounts, useBuiltApp } from './harness';

const app = useBuiltApp();
const open = (query: string) => app.open(query);

const search = (page: Page) => page.evaluate(() => location.search);
const historyLength = (page: Page) => page.evaluate(() => history.length);


describe('history and time controls', () => {
  test('an unknown parameter is dropped in place, so Back leaves instead of bouncing', async () => {
    const page = await open('?utm_source=newsletter');
    await expect.poll(() => search(page)).toBe('');
    const { total } = await statusCounts(page);
    await page.getByRole('checkbox', { name: 'Accusation', exact: true }).uncheck();
    await expect.poll(() => search(page), { timeout: 5_000 }).toContain('types=');
    await page.goBack();
    await expect.poll(() => statusCounts(page)).toEqual({ shown: total, total });
    expect(await search(page)).toBe('');
    await page.goBack();
    await expect.poll(() => page.url()).toBe('about:blank');
  });

  test('a click on the timeline without dragging keeps the window', async () => {
    const page = await open('');
    const before = await statusCounts(page);
    const track = (await page.locator('.track svg').boundingBox())!;
    await page.mouse.click(track.x + track.width * 0.5, track.y + 30);
    await page.mouse.click(track.x + track.width * 0.9, track.y + 30);
    expect(await statusCounts(page)).toEqual(before);
    expect(await page.getByRole('button', { name: 'Whole period' }).isDisabled()).toBe(true);
  });

  test('Play slides the window without adding history entries, and stops when the user moves it', async () => {
    const page = await open('');
    const entries = await historyLength(page);
    const from = page.getByLabel('From', { exact: true });
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const first = await from.inputValue();
    await expect.poll(() => from.inputValue(), { timeout: 10_000 }).not.toBe(first);
    const second = await from.inputValue();
    await expect.poll(() => from.inputValue(), { timeout: 10_000 }).not.toBe(second);
    expect(await historyLength(page)).toBe(entries);

    await page.getByRole('slider', { name: 'Window start' }).focus();
    await page.keyboard.press('PageUp');
    const chosen = await from.inputValue();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 5_000 });
    expect(await from.inputValue()).toBe(chosen);
  });

  test('the timeline zooms by wheel and buttons without touching the filter, and Play stays in the zoomed range', async () => {
    const page = await open('?from=2022-01-01&to=2022-12-31');
    const counts = await statusCounts(page);
    const tickLabels = () => page.locator('.track svg text.tick').allTextContents();
    // The axis opens on the busy years, not on 1990 (tests/e2e/timeline.test.ts has more on that).
    expect(await tickLabels()).toContain('2021');
    expect(await tickLabels()).not.toContain('1990');

    await page.getByRole('button', { name: 'Zoom timeline to the window' }).click();
    await expect.poll(tickLabels).toContain('Jun');
    expect((await tickLabels()).filter((label) => /^\d{4}$/.test(label))).toEqual(['2022']);
    expect(await statusCounts(page)).toEqual(counts);

    const allYears = page.getByRole('button', { name: 'All years' });
    await allYears.click();
    await expect.poll(tickLabels).toContain('1990');
    expect(await allYears.getAttribute('aria-pressed')).toBe('true');

    const track = (await page.locator('.track svg').boundingBox())!;
    await page.mouse.move(track.x + track.width * 0.95, track.y + 30);
    const scrollBefore = await page.evaluate(() => document.scrollingElement!.scrollTop);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -400);
    await expect.poll(async () => Number((await tickLabels()).find((l) => /^\d{4}$/.test(l)))).toBeGreaterThan(2010);
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(scrollBefore);
    expect(await statusCounts(page)).toEqual(counts);

    // Play now slides through the zoomed years only, not from 1990.
    await page.getByRole('button', { name: 'Whole period' }).click();
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const firstYear = Number((await page.getByLabel('From', { exact: true }).inputValue()).slice(0, 4));
    expect(firstYear).toBeGreaterThan(2010);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
  });

  test('the table opens the evidence of a relation from the keyboard', async () => {
    const page = await open('?types=accusation');
    await page.getByRole('button', { name: 'Table' }).click();
    const firstRow = page.locator('tbody tr').first();
    const quote = (await firstRow.locator('td.quote').innerText()).replace(/^“|”$/g, '');
    await firstRow.getByRole('button', { name: /^Evidence for Accusation/ }).focus();
    await page.keyboard.press('Enter');
    const details = page.locator('aside[aria-label="Details"]');
    await details.getByRole('heading', { name: 'Evidence' }).waitFor();
    expect(await details.innerText()).toContain(quote);
  });

  test('no console errors and no requests to other origins', () => {
    expect(app.pages.length).toBeGreaterThan(0);
    for (const watched of app.pages) {
      expect(watched.consoleErrors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
    }
  });
});
