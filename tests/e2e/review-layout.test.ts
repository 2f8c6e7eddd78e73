/**
 * The review screen at a laptop's 1200×800: the article and the candidate list take the height the
 * timeline left them (it does not apply to a source under review); a quote selected from the start
 * of a quoted speech shows one pair of quotation marks, not `“"…”`; and a relation added from a
 * selection has no type until the reviewer chooses one (it was silently "Alliance").
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openPage, useBuiltApp, waitForSettledGraph, type WatchedPage } from './harness';
import { selectInArticle } from './article-selection';

const app = useBuiltApp(resolve(process.env.E2E_DIST ?? 'dist'));
let page: Page;
let watched: WatchedPage;
const ARTICLE = [
  'Armenia asks Russia for help',
  'Armenia on Wednesday accused Azerbaijan of shelling villages along the border, and called on Russia to help.',
  '"Kazakhstan and Belarus backed Armenia in the talks," a spokesman said.',
].join('\n\n');
const SPOKEN = '"Kazakhstan and Belarus backed Armenia';

beforeAll(async () => {
  watched = await openPage(app.browser, app.url, { width: 1200, height: 800 });
  page = watched.page;
  await waitForSettledGraph(page);
  await page.locator('header.header').getByRole('button', { name: 'Add source…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add source' });
  await dialog.getByTestId('assistant-state').getByText('Assistant ready').waitFor({ timeout: 60_000 });
  await dialog.getByLabel('Title').fill('Armenia asks Russia for help');
  await dialog.getByLabel('Publication date').fill('2023-03-08');
  await dialog.getByLabel('Article text').fill(ARTICLE);
  await dialog.getByRole('button', { name: 'Add and review' }).click();
  await page.getByTestId('review').locator('[role="option"]').first().waitFor();
});

afterAll(() => {
  expect(watched.consoleErrors, 'console errors').toEqual([]);
});

describe('the review screen', () => {
  test('at 1200×800 the article and the candidates take most of the height; the status line stays', async () => {
    const heights = await page.evaluate(() => ({
      article: document.querySelector('[data-testid="article"]')!.getBoundingClientRect().height,
      // The pane the list scrolls in (the list itself is as tall as its few candidates here).
      candidates: document.querySelector('[data-testid="candidates"]')!.parentElement!.getBoundingClientRect().height,
      pageScroll: document.scrollingElement!.scrollTop,
    }));
    // 440 px before: the timeline under the review kept 180 px of the 800.
    console.info(`review-layout: article ${heights.article} px, candidates pane ${heights.candidates} px of 800`);
    expect(heights.article).toBeGreaterThanOrEqual(560);
    expect(heights.candidates).toBeGreaterThanOrEqual(560);
    expect(heights.pageScroll, 'the page itself does not scroll the header away').toBe(0);
    expect(await page.getByTestId('status').isVisible()).toBe(true);
    expect(await page.locator('.footer .timeline').isVisible()).toBe(false);
    // The filters do not apply to the source either: the review takes the whole width (it had 916 of 1200 px).
    expect(await page.locator('#filters').isVisible()).toBe(false);
    const reviewWidth = await page.getByTestId('review').evaluate((el) => el.getBoundingClientRect().width);
    expect(reviewWidth).toBeGreaterThanOrEqual(1190);
    // Back on the graph the timeline and the filters are there again, and the canvas fits its narrower stage.
    await page.getByTestId('review').getByRole('button', { name: 'Show graph' }).click();
    await waitForSettledGraph(page);
    expect(await page.locator('.footer .timeline').isVisible()).toBe(true);
    expect(await page.locator('#filters').isVisible()).toBe(true);
    await page.waitForFunction(() => {
      const stage = document.querySelector('.graph')!.getBoundingClientRect();
      const canvas = document.querySelector('.graph canvas')!.getBoundingClientRect();
      return stage.width > 0 && Math.abs(canvas.width - stage.width) <= 1;
    });
    await page.locator('header.header').getByRole('button', { name: 'Review', exact: true }).click();
    await page.getByTestId('review').waitFor();
  });

  test('a selection from a quoted speech’s opening mark shows one pair of marks; the type is the reviewer’s to choose', async () => {
    await selectInArticle(page, SPOKEN);
    const form = page.getByTestId('selection-form');
    await form.waitFor();
    // <q> adds the marks: the text inside has none at its edges.
    expect(await form.locator('q').textContent()).toBe('Kazakhstan and Belarus backed Armenia');
    const type = form.getByLabel('Type');
    expect(await type.inputValue()).toBe('');
    expect(await type.locator('option:checked').innerText()).toBe('Choose a type');
    const add = form.getByRole('button', { name: 'Add relation' });
    expect(await form.getByLabel('Subject').inputValue()).toBe('kazakhstan');
    await form.getByLabel('Object').selectOption('armenia');
    expect(await add.isDisabled()).toBe(true);
    await type.selectOption('support');
    expect(await add.isEnabled()).toBe(true);
    await add.click();
    await form.waitFor({ state: 'detached' });
    const manual = page.getByTestId('review').locator('[role="option"][data-candidate^="manual-"]');
    await expect.poll(() => manual.getAttribute('data-decision')).toBe('accepted');
    expect(await manual.locator('.type').innerText()).toContain('Support');
    expect(await manual.locator('q').textContent()).toBe('Kazakhstan and Belarus backed Armenia');

    // A second selection asks for its type again rather than keeping the last one.
    await selectInArticle(page, 'Armenia on Wednesday accused Azerbaijan');
    await form.waitFor();
    expect(await form.getByLabel('Type').inputValue()).toBe('');
  });
});
