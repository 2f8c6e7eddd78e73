/**
 * End-to-end tests of the timeline's axis and keyboard: it opens on the busy
 * years while the filter shows everything, "All years" is one click away, zoom
 * keeps the window in place, bars explain themselves on hover, handles take
 * Home/End, the window bar moves by keyboard, and keyboard focus is drawn.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { statusCounts, useBuiltApp } from './harness';
import { decodePng } from './png';
import { readGraphDataFolder } from '../../scripts/read-graph-data';
import { loadDataset } from '../../src/lib/core/load';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { monthlyHistogram } from '../../src/lib/core/histogram';
import { monthIndexAt, monthSummary } from '../../src/lib/core/month-summary';
import { dayNumber, formatDay, todayDayNumber } from '../../src/lib/core/dates';

const app = useBuiltApp();
afterEach(async () => {
  for (const watched of app.pages) if (!watched.page.isClosed()) await watched.page.context().close();
});
const index = buildRelationIndex(loadDataset(readGraphDataFolder('graph-data')).dataset!, todayDayNumber());

const tickYears = async (page: Page) => (await page.locator('.track svg text.tick').allTextContents()).filter((label) => /^\d{4}$/.test(label));
const slider = (page: Page, name: string) => page.getByRole('slider', { name });
const valueText = (page: Page, name: string) => slider(page, name).getAttribute('aria-valuetext');

/** Screen x of a day on the axis, from the axis's own range (its accessible name) and the track's box. */
async function dayX(page: Page, iso: string): Promise<number> {
  const label = (await page.locator('.track svg').getAttribute('aria-label'))!;
  const [from, to] = /^Timeline (\S+) to (\S+):/.exec(label)!.slice(1).map((d) => dayNumber(...(d.split('-').map(Number) as [number, number, number])));
  const box = (await page.locator('.track svg').boundingBox())!;
  const day = dayNumber(...(iso.split('-').map(Number) as [number, number, number]));
  return box.x + ((day - from) / (to + 1 - from)) * box.width;
}

describe('timeline', () => {
  test('opens on the busy years with every relation shown; All years is one click away', async () => {
    const page = await app.open('');
    const { shown, total } = await statusCounts(page);
    expect(shown).toBe(total);
    expect(await tickYears(page)).toEqual(['2020', '2021', '2022']);
    const allYears = page.getByRole('button', { name: 'All years' });
    expect(await allYears.getAttribute('aria-pressed')).toBe('false');
    await allYears.click();
    await expect.poll(() => tickYears(page)).toContain('1990');
    expect(await statusCounts(page)).toEqual({ shown, total });
    await allYears.click();
    await expect.poll(() => tickYears(page)).toEqual(['2020', '2021', '2022']);
  });

  test('zoom buttons keep the window where it is on screen', async () => {
    const page = await app.open('?from=2022-09-01&to=2022-09-30');
    const windowBox = () => slider(page, 'Date window').boundingBox();
    const before = (await windowBox())!;
    await page.getByRole('button', { name: 'Zoom timeline in' }).click();
    await expect.poll(async () => (await windowBox())!.width).toBeGreaterThan(before.width * 1.3);
    const after = (await windowBox())!;
    expect(Math.abs(after.x + after.width / 2 - (before.x + before.width / 2))).toBeLessThan(4);
    await page.getByRole('button', { name: 'Zoom timeline out' }).click();
    await expect.poll(async () => (await windowBox())!.width).toBeLessThan(after.width);
  });

  test('hovering a bar shows its month and its relations per type', async () => {
    const page = await app.open('');
    const box = (await page.locator('.track svg').boundingBox())!;
    await page.mouse.move(await dayX(page, '2020-09-15'), box.y + 40);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    const histogram = monthlyHistogram(index);
    const expected = monthSummary(histogram, monthIndexAt(histogram, dayNumber(2020, 9, 15)), Uint8Array.from(index.typeIds, () => 1));
    const text = await tooltip.innerText();
    expect(text).toContain('September 2020');
    expect(text).toContain(`${expected.shownTotal} relations`);
    const rows = await tooltip.locator('li').allInnerTexts();
    expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual(expected.types.map(({ typeIndex, count }) => `${index.dataset.types[typeIndex].label} ${count}`));
    await page.mouse.move(box.x + box.width / 2, box.y - 60);
    await expect.poll(() => tooltip.count()).toBe(0);
  });

  test('handles take Home and End; the window bar moves by month and year from the keyboard', async () => {
    const page = await app.open('?from=2022-01-01&to=2022-03-31');
    await slider(page, 'Window start').focus();
    await page.keyboard.press('End');
    expect(await valueText(page, 'Window start')).toBe('2022-03-31');
    await page.keyboard.press('Home');
    expect(await valueText(page, 'Window start')).toBe(formatDay(index.extent.start));
    await slider(page, 'Window end').focus();
    await page.keyboard.press('Home');
    expect(await valueText(page, 'Window end')).toBe(formatDay(index.extent.start));
    await page.keyboard.press('End');
    expect(await valueText(page, 'Window end')).toBe(formatDay(index.extent.end));

    const other = await app.open('?from=2022-01-01&to=2022-03-31');
    await slider(other, 'Date window').focus();
    await other.keyboard.press('ArrowRight');
    expect(await valueText(other, 'Date window')).toBe('2022-02-01 to 2022-04-30');
    await other.keyboard.press('PageDown');
    expect(await valueText(other, 'Date window')).toBe('2021-02-01 to 2021-04-30');
    expect(await other.getByLabel('From', { exact: true }).inputValue()).toBe('2021-02-01');
    await other.keyboard.press('End');
    // The window keeps its 89 days and ends on the data's last day.
    expect(await valueText(other, 'Date window')).toBe(`${formatDay(index.extent.end - 88)} to ${formatDay(index.extent.end)}`);
  });

  test('a handle focused from the keyboard gets a ring of the focus colour', async () => {
    const page = await app.open('?from=2021-01-01&to=2021-06-30');
    const handle = slider(page, 'Window start');
    const box = (await handle.boundingBox())!;
    const clip = { x: box.x - 6, y: box.y - 4, width: box.width + 12, height: box.height + 8 };
    const ringPixels = async () => {
      const { width, height, data } = decodePng(await page.screenshot({ clip }));
      let n = 0;
      for (let i = 0; i < width * height * 4; i += 4) if (Math.abs(data[i] - 0x1f) < 30 && Math.abs(data[i + 1] - 0x6f) < 30 && Math.abs(data[i + 2] - 0xeb) < 30) n++;
      return n;
    };
    expect(await ringPixels()).toBe(0);
    // Reach it with Tab from the window bar before it, as a keyboard user would.
    await slider(page, 'Date window').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Window start');
    await expect.poll(ringPixels).toBeGreaterThan(60);
  });

  test('no console errors and no requests to other origins', () => {
    expect(app.pages.length).toBeGreaterThan(0);
    for (const watched of app.pages) {
      expect(watched.consoleErrors).toEqual([]);
      expect(watched.foreignRequests).toEqual([]);
    }
  });
});
