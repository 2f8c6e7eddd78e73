/**
 * The explorer at phone, tablet and laptop sizes (WCAG 1.4.10 reflow): no
 * horizontal page scroll down to 320 CSS px, the graph takes the width, the
 * filters are a drawer, the details a sheet that leaves the graph usable, and
 * every control is on screen and takes a click.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { openPage, statusCounts, useBuiltApp, waitForSettledGraph } from './harness';

// E2E_DIST serves another build, e.g. one from before a fix, to see its test fail there.
const app = useBuiltApp(resolve(process.env.E2E_DIST ?? 'dist'));

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
  fit: page.getByRole('button', { name: 'Fit', exact: true }),
  play: page.getByRole('button', { name: /Play|Pause/ }).first(),
  from: page.getByLabel('From', { exact: true }),
});
/** The header's secondary actions: in a menu below 1024 px, checked with the menu open (it lies over the graph's buttons). */
const MENU_CONTROLS = (page: Page) => ({
  addSource: page.getByRole('button', { name: 'Add source…' }),
  openData: page.locator('header').getByRole('button', { name: 'Open data…' }),
  copyLink: page.getByRole('button', { name: 'Copy link' }),
  exportPng: page.getByRole('button', { name: 'Export PNG' }),
  exportData: page.locator('summary', { hasText: 'Export data' }),
});
const menuToggle = (page: Page) => page.getByRole('button', { name: /^Menu/ });

async function expectControlsReachable(page: Page, width: number): Promise<void> {
  for (const [name, control] of Object.entries(KEY_CONTROLS(page))) {
    if (name === 'filters' && width >= 1200) continue;
    expect(await reachable(page, control), name).toBe(true);
  }
  if (width < 1024) {
    expect(await reachable(page, menuToggle(page)), 'menu').toBe(true);
    await menuToggle(page).click();
  } else expect(await menuToggle(page).isVisible()).toBe(false);
  for (const [name, control] of Object.entries(MENU_CONTROLS(page))) expect(await reachable(page, control), name).toBe(true);
}

/** The date window (period A) and period B on the timeline's track: their drawn boxes and the track's. */
async function periodBoxes(page: Page) {
  const track = (await page.locator('.track svg').boundingBox())!;
  const a = (await page.locator('.track rect.window').boundingBox())!;
  const b = (await page.locator('.track .period-b rect.band').boundingBox())!;
  return { track, a, b };
}
const onTrack = (box: { x: number; width: number }, track: { x: number; width: number }) =>
  box.width >= 8 && box.x >= track.x - 0.5 && box.x + box.width <= track.x + track.width + 0.5;

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
    await expectControlsReachable(page, width);
  });

  test('the header is two short rows; its menu opens over the graph and closes on Escape and outside clicks', async () => {
    const page = await openAt(width, height);
    // It was 160 px at 390 px wide, four rows of buttons above the graph.
    const header = (await page.locator('header.header').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(100);
    const canvas = await canvasBox(page);
    expect(canvas.y).toBeLessThanOrEqual(header.y + header.height + 1);
    const toggle = menuToggle(page);
    const copyLink = page.getByRole('button', { name: 'Copy link' });
    expect(await copyLink.isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await reachable(page, copyLink)).toBe(true);
    // The panel stays on screen, a long dataset name cut rather than widening it.
    const panel = (await page.locator('#header-actions').boundingBox())!;
    expect(panel.x).toBeGreaterThanOrEqual(0);
    expect(panel.x + panel.width).toBeLessThanOrEqual(width);
    expect((await pageWidths(page)).scroll).toBeLessThanOrEqual(width);
    await copyLink.focus();
    await page.keyboard.press('Escape');
    await copyLink.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/^Menu/);
    await toggle.click();
    await copyLink.waitFor();
    await page.locator('.footer').click({ position: { x: 5, y: 5 } });
    await copyLink.waitFor({ state: 'hidden' });
    // An action that opens a dialog closes the menu behind it.
    await toggle.click();
    await page.getByRole('button', { name: 'Export PNG' }).click();
    await page.getByRole('dialog', { name: 'Export PNG' }).waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  });

  test('comparing, both periods stay on the timeline, and a tab brings B back when zoomed away from it', async () => {
    const page = await openAt(width, height);
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    await page.getByTestId('compare-toggle').check();
    for (const [field, year] of [['period-a', '2020'], ['period-b', '2022']] as const) {
      await page.getByTestId(field).fill(year);
      await page.getByTestId(field).press('Enter');
    }
    await page.getByRole('button', { name: 'Close filters' }).click();
    await page.getByTestId('compare-legend').waitFor();
    // Before, the axis had zoomed to A (2020) and B (2022) was a 2 px sliver at its edge.
    await expect.poll(async () => {
      const { track, a, b } = await periodBoxes(page);
      return onTrack(a, track) && onTrack(b, track);
    }).toBe(true);
    const tab = page.getByTestId('period-b-tab');
    expect(await tab.count()).toBe(0);
    // Zoomed in on A, B leaves the axis: its tab stays at the edge and zooms to both periods.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom timeline in' }).click();
    await tab.waitFor();
    const { track } = await periodBoxes(page);
    const tabBox = (await tab.boundingBox())!;
    expect(tabBox.x + tabBox.width).toBeLessThanOrEqual(track.x + track.width + 0.5);
    expect(tabBox.x).toBeGreaterThanOrEqual(track.x - 0.5);
    await tab.dispatchEvent('pointerdown');
    await tab.waitFor({ state: 'detached' });
    const after = await periodBoxes(page);
    expect(onTrack(after.a, after.track)).toBe(true);
    expect(onTrack(after.b, after.track)).toBe(true);
    expect((await pageWidths(page)).scroll).toBeLessThanOrEqual(width);
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
    await expectControlsReachable(page, width);
  });
});

describe('the source review on a phone (390 × 844)', () => {
  // Long enough for a candidate list taller than the screen, the case where the list scrolled under the bar.
  const ARTICLE = [
    'Armenia on Wednesday accused Azerbaijan of shelling villages along the border.',
    'Russia called for a ceasefire and Kazakhstan backed Armenia.',
    'France criticized Azerbaijan, and Armenia asked Russia for help.',
    'Prime Minister Nikol Pashinyan met Russian President Vladimir Putin in Moscow.',
    'Azerbaijan rejected the proposal of France. Belarus supported Russia.',
    'Iran called on Armenia and Azerbaijan to show restraint, and Turkey backed Azerbaijan.',
  ].join('\n\n');
  const decided = (page: Page) => page.getByTestId('review').locator('[role="option"]').evaluateAll((els) => els.filter((el) => (el as HTMLElement).dataset.decision !== 'open').length);

  test('the article (with its highlights) and the candidates are one tap apart, with buttons to decide and the keys still working', async () => {
    const page = await openAt(390, 844);
    await menuToggle(page).click();
    await page.getByRole('button', { name: 'Add source…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add source' });
    await dialog.getByLabel('Title').fill('Border shelling');
    await dialog.getByLabel('Publication date').fill('2023-03-08');
    await dialog.getByLabel('Article text').fill(ARTICLE);
    await dialog.getByRole('button', { name: 'Add and review' }).click();
    const review = page.getByTestId('review');
    const article = review.getByTestId('article');
    const list = review.getByTestId('candidates');
    await list.locator('[role="option"]').first().waitFor();
    const articlePane = review.getByRole('button', { name: 'Article', exact: true });
    const candidatesPane = review.getByRole('button', { name: /^Candidates/ });
    // The candidates first, the article one tap away: both stacked put the list a long scroll below the text.
    expect(await candidatesPane.getAttribute('aria-pressed')).toBe('true');
    expect(await article.isVisible()).toBe(false);
    expect(await reachable(page, articlePane)).toBe(true);
    // The current candidate is not hidden under the sticky bar above it or the decision bar below it.
    const currentOption = list.locator('[aria-selected="true"]');
    const option = (await currentOption.boundingBox())!;
    expect(option.y).toBeGreaterThanOrEqual((await review.locator('header.bar').boundingBox())!.y + (await review.locator('header.bar').boundingBox())!.height - 1);
    expect(option.y + option.height).toBeLessThanOrEqual((await review.getByTestId('decision-bar').boundingBox())!.y + 1);

    // No keyboard on a phone: the decision bar's buttons decide.
    const accept = review.getByTestId('decision-bar').getByRole('button', { name: 'Accept' });
    expect(await reachable(page, accept)).toBe(true);
    await accept.click();
    await expect.poll(() => decided(page)).toBe(1);

    await articlePane.click();
    expect(await list.isVisible()).toBe(false);
    expect(await article.locator('.quote').count()).toBeGreaterThan(0);
    expect(await article.locator('.mention').count()).toBeGreaterThan(0);
    // The current candidate's quote is on screen, not left at the article's top.
    const current = article.locator('.quote.current, .mention.current-actor').first();
    await current.waitFor();
    const box = (await current.boundingBox())!;
    const pane = (await article.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(pane.y - 1);
    expect(box.y + box.height).toBeLessThanOrEqual((await review.getByTestId('decision-bar').boundingBox())!.y + 1);
    // The keys work with the article shown: A accepts the current candidate.
    await page.keyboard.press('a');
    await expect.poll(() => decided(page)).toBe(2);
    expect((await pageWidths(page)).scroll).toBeLessThanOrEqual(390);

    // A span selected in the article opens its form over the article's bottom; the article stays shown.
    await page.evaluate((needle) => {
      const p = [...document.querySelectorAll('[data-testid="article"] p[data-start]')].find((el) => el.textContent!.includes(needle))!;
      p.scrollIntoView({ block: 'center' });
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode()!;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, Math.min(node.textContent!.length, 10));
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }, 'Iran called');
    const form = review.getByTestId('selection-form');
    await form.waitFor();
    expect(await article.isVisible()).toBe(true);
    expect(await list.isVisible()).toBe(false);
    expect(await reachable(page, form.getByRole('button', { name: 'Cancel' }))).toBe(true);
    expect((await form.boundingBox())!.y).toBeGreaterThan((await review.locator('header.bar').boundingBox())!.y + 100);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });

    await candidatesPane.click();
    expect(await article.isVisible()).toBe(false);
    expect(await list.isVisible()).toBe(true);
    // Edit from the decision bar opens the editor in view, whichever pane was shown.
    await articlePane.click();
    await review.getByTestId('decision-bar').getByRole('button', { name: 'Edit' }).click();
    const editor = review.getByRole('form', { name: /^Edit/ });
    await editor.waitFor();
    expect(await candidatesPane.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => !!document.activeElement?.closest('form'))).toBe(true);
  });

  test('the timeline footer gives its height to the review, and the graph fits its stage again after it', async () => {
    const page = await openAt(390, 844);
    const footer = page.locator('footer.footer');
    const stageHeight = async () => (await page.locator('main.stage').boundingBox())!.height;
    const withFooter = await stageHeight();
    expect(await footer.isVisible()).toBe(true);
    await menuToggle(page).click();
    await page.getByRole('button', { name: 'Add source…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add source' });
    await dialog.getByLabel('Title').fill('Border shelling');
    await dialog.getByLabel('Publication date').fill('2023-03-08');
    await dialog.getByLabel('Article text').fill(ARTICLE);
    await dialog.getByRole('button', { name: 'Add and review' }).click();
    const review = page.getByTestId('review');
    await review.getByTestId('candidates').locator('[role="option"]').first().waitFor();
    expect(await footer.isVisible()).toBe(false);
    // The review has the footer's height: it reaches the bottom of the screen.
    expect(await stageHeight()).toBeGreaterThan(withFooter + 150);
    expect((await review.boundingBox())!.y + (await review.boundingBox())!.height).toBeGreaterThanOrEqual(844 - 1);
    // An accepted relation changes the dataset, and the graph is drawn again in the taller stage behind the review.
    await review.getByTestId('decision-bar').getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => decided(page)).toBe(1);
    await waitForSettledGraph(page);
    // The case that overflowed: the hidden graph has drawn at the taller stage's size before the review closes.
    const drawnHeight = () => page.evaluate(() => (window as unknown as { __entente?: { viewSize(): { height: number } } }).__entente?.viewSize().height ?? 0);
    await expect.poll(drawnHeight, { timeout: 30_000 }).toBeGreaterThan(withFooter + 150);

    await review.getByRole('button', { name: 'Show graph' }).click();
    await review.waitFor({ state: 'detached' });
    await waitForSettledGraph(page);
    expect(await footer.isVisible()).toBe(true);
    // Every canvas of the graph fits its container again, above the timeline, not overflowing it.
    const misfits = () =>
      page.evaluate(() => {
        const container = document.querySelector('.canvas')!.getBoundingClientRect();
        const footerTop = document.querySelector('footer.footer')!.getBoundingClientRect().top;
        return [...document.querySelectorAll('.canvas canvas')]
          .map((canvas) => canvas.getBoundingClientRect())
          .filter((r) => Math.abs(r.height - container.height) > 1 || Math.abs(r.width - container.width) > 1 || r.bottom > footerTop + 1)
          .map((r) => `${r.width}×${r.height} at ${r.top} in ${container.width}×${container.height}, footer at ${footerTop}`);
      });
    await expect.poll(misfits, { timeout: 10_000 }).toEqual([]);
    expect(Math.abs((await stageHeight()) - withFooter)).toBeLessThanOrEqual(1);
  });
});
