/**
 * The header's actor search keeps room to type in at every width, with the Review tab there too:
 * at 1200 px and with a third view it was squeezed to 20 px, its placeholder cut to nothing.
 * Usable width is the input's content box; the placeholder must fit in it whole, and nothing in
 * the header may be pushed past its right edge to make that room.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { useBuiltApp, waitForSettledGraph } from './harness';

const app = useBuiltApp(resolve(process.env.E2E_DIST ?? 'dist'));
let page: Page;
const MIN_USABLE = 140;

async function searchRoom(): Promise<{ usable: number; placeholder: number; overflow: number }> {
  return page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#actor-search')!;
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = style.font;
    const header = document.querySelector('header.header')!;
    return {
      usable: Math.floor(input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)),
      placeholder: Math.ceil(context.measureText(input.placeholder).width),
      overflow: header.scrollWidth - header.clientWidth,
    };
  });
}

async function showView(name: 'Graph' | 'Review'): Promise<void> {
  const menu = page.getByRole('button', { name: /^Menu/ });
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'true') await menu.click();
  await page.locator('header.header').getByRole('button', { name, exact: true }).click();
  if (name === 'Review') await page.getByTestId('review').waitFor();
  else await waitForSettledGraph(page);
}

beforeAll(async () => {
  page = await app.open('');
  // A source under review adds the third view, Review, to the header.
  await page.locator('header.header').getByRole('button', { name: 'Add source…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add source' });
  await dialog.getByTestId('assistant-state').getByText('Assistant ready').waitFor({ timeout: 60_000 });
  await dialog.getByLabel('Title').fill('Armenia asks Russia for help');
  await dialog.getByLabel('Publication date').fill('2023-03-08');
  await dialog.getByLabel('Article text').fill('Armenia asks Russia for help\n\nArmenia on Wednesday called on Russia to help.');
  await dialog.getByRole('button', { name: 'Add and review' }).click();
  await page.getByTestId('review').waitFor();
});

afterAll(() => {
  for (const watched of app.pages) expect(watched.consoleErrors, 'console errors').toEqual([]);
});

describe('the header search keeps ≥ 140 px to type in, its placeholder whole', () => {
  for (const [width, height] of [[1440, 900], [1320, 800], [1200, 800], [390, 844]] as const) {
    for (const view of ['Review', 'Graph'] as const) {
      test(`at ${width} px on the ${view} view`, async () => {
        await page.setViewportSize({ width, height });
        await showView(view);
        const room = await searchRoom();
        expect(room.usable, `usable width at ${width} px`).toBeGreaterThanOrEqual(MIN_USABLE);
        expect(room.placeholder, 'the placeholder fits').toBeLessThanOrEqual(room.usable);
        expect(room.overflow, 'nothing pushed out of the header').toBeLessThanOrEqual(0);
      });
    }
  }
});
