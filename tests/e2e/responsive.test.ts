/**
 * The explorer at phone, tablet and laptop sizes (WCAG 1.4.10 reflow): no
 * horizontal page scroll down to 320 CSS px, the graph takes the width, the
 * filters are a drawer, the details a sheet that leaves the graph usable, and
 * every control is on screen and takes a click.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, statusCounts, useBuiltApp, waitForSettledGraph } from './harness';

const app = useBuiltApp();

async function openAt(width: number, height: number, query = ''): Promise<Page> {
  const { page } = await openPage(app.browser, app.url + query, { width, height });
  await waitForSettledGraph(page);
  return page;
}

const pageWidths = (page: Page) =>
  page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: innerWidth }));
const canvasBox = async (page: Page) => (await page.locator('.canvas').boundingBox())!;

/** Whether the element is inside the viewport horizontally and the topmost thing at its centre (so a click lands on it). */
async function reachable(page: Page, locator: ReturnType<Page['locator']>): Promise<string | true> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) return 'not rendered';
  const inner = await page.evaluate(() => innerWidth);
  if (box.x < 0 || box.x + box.width > inner + 0.5) return `outside the viewport: x ${box.x}…${box.x + box.width} of ${inner}`;
  const onTop = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!hit && (hit === el || el.contains(hit));
  });
  return onTop || 'covered by another element';
}

const KEY_CONTROLS = (page: Page) => ({
  search: page.getByRole('combobox', { name: 'Search actors' }),
  filters: page.getByRole('button', { name: 'Filters', exact: true }),
  graph: page.getByRole('button', { name: 'Graph', exact: true }),
  table: page.getByRole('button', { name: 'Table', exact: true }),
  copyLink: page.getByRole('button', { name: 'Copy link' }),
  exportPng: page.getByRole('button', { name: 'Export PNG' }),
  exportData: page.locator('summary', { hasText: 'Export data' }),
  fit: page.getByRole('button', { name: 'Fit', exact: true }),
  play: page.getByRole('button', { name: /Play|Pause/ }).first(),
  from: page.getByLabel('From', { exact: true }),
});

describe.each([
  [320, 640],
  [390, 844],
])('at %i × %i CSS px', (width, height) => {
  test('no horizontal scroll, the graph takes the width, every key control is on screen and clickable', async () => {
    const page = await openAt(width, height);
    const widths = await pageWidths(page);
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
    const canvas = await canvasBox(page);
    expect(canvas.width).toBeGreaterThanOrEqual(0.9 * width);
    expect(canvas.height).toBeGreaterThanOrEqual(200);
    for (const [name, control] of Object.entries(KEY_CONTROLS(page))) expect(await reachable(page, control), name).toBe(true);
  });

  test('with a panel open the graph keeps a usable size and the panel closes', async () => {
    const page = await openAt(width, height, '?focus=armenia');
    const panel = page.locator('aside[aria-label="Details"]');
    await panel.getByRole('heading', { name: 'Armenia' }).waitFor();
    expect((await pageWidths(page)).scroll).toBeLessThanOrEqual(width);
    const canvas = await canvasBox(page);
    expect(canvas.width).toBeGreaterThanOrEqual(0.9 * width);
    expect(canvas.height).toBeGreaterThanOrEqual(200);
    // The panel lies below the graph, not over it.
    const sheet = (await panel.boundingBox())!;
    expect(sheet.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 1);
    expect(sheet.width).toBeLessThanOrEqual(width);
    const close = page.getByRole('button', { name: 'Close details' });
    expect(await reachable(page, close)).toBe(true);
    await close.click();
    await panel.waitFor({ state: 'detached' });
  });

  test('the filters open as a drawer whose checkboxes work, and close again', async () => {
    const page = await openAt(width, height);
    const alliance = page.getByRole('checkbox', { name: 'Alliance', exact: true });
    expect(await alliance.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    expect(await reachable(page, alliance)).toBe(true);
    await alliance.uncheck();
    await expect.poll(async () => (await statusCounts(page)).shown).toBeLessThan((await statusCounts(page)).total);
    expect((await pageWidths(page)).scroll).toBeLessThanOrEqual(width);
    const close = page.getByRole('button', { name: 'Close filters' });
    expect(await reachable(page, close)).toBe(true);
    await close.click();
    await alliance.waitFor({ state: 'hidden' });
    expect(await reachable(page, page.getByRole('button', { name: /^Filters/ }))).toBe(true);
  });

  test('the table view does not widen the page', async () => {
    const page = await openAt(width, height);
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.locator('table tbody tr').first().waitFor();
    expect((await pageWidths(page)).scroll).toBeLessThanOrEqual(width);
    expect(await reachable(page, page.getByRole('button', { name: /^Evidence for/ }).first())).toBe(true);
  });
});

describe.each([
  [768, 1024],
  [1024, 700],
  [1440, 900],
])('at %i × %i CSS px', (width, height) => {
  test('no horizontal scroll; with a panel open the graph keeps more than half the width', async () => {
    const page = await openAt(width, height, '?focus=armenia');
    await page.locator('aside[aria-label="Details"]').getByRole('heading', { name: 'Armenia' }).waitFor();
    expect((await pageWidths(page)).scroll).toBeLessThanOrEqual(width);
    const canvas = await canvasBox(page);
    expect(canvas.width).toBeGreaterThanOrEqual(width * 0.5);
    expect(canvas.height).toBeGreaterThanOrEqual(300);
    for (const [name, control] of Object.entries(KEY_CONTROLS(page))) {
      if (name === 'filters' && width >= 1200) continue;
      expect(await reachable(page, control), name).toBe(true);
    }
  });
});
