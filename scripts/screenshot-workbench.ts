/**
 * `npx tsx scripts/screenshot-workbench.ts [article.txt] [published] [outdir]`: screenshots of the
 * source workbench in the built app at desktop (1440×900) and phone (390×844) sizes: the review
 * screen as it opens and after a few decisions, and the graph after accepting the first candidates.
 * Without an article it takes the first bundled source's text from ../shared/sources, else a short
 * built-in one with enough candidates for the decisions it makes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { serveDist, launchBrowser, openPage, waitForSettledGraph } from '../tests/e2e/harness';

const DEFAULT_ARTICLE = '../shared/sources/000_2d90fbca27b7d5df.txt';
const BUILT_IN = [
  'Armenia accuses Azerbaijan of shelling border villages',
  'Armenia on Wednesday accused Azerbaijan of shelling villages along the border.',
  'Russia called for a ceasefire and Kazakhstan backed Armenia.',
  'France criticized Azerbaijan, and Armenia asked Russia for help.',
  'Prime Minister Nikol Pashinyan met Russian President Vladimir Putin in Moscow.',
].join('\n\n');
const file = process.argv[2] ?? (existsSync(DEFAULT_ARTICLE) ? DEFAULT_ARTICLE : undefined);
const published = process.argv[3] ?? '2023-03-08';
const out = process.argv[4] ?? '/tmp';
const text = file ? readFileSync(file, 'utf8') : BUILT_IN;
console.log(`article: ${file ?? 'built-in text'}`);
const server = await serveDist();
const browser = await launchBrowser();
for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
  const { page, consoleErrors } = await openPage(browser, server.url, viewport);
  await waitForSettledGraph(page);
  // Below 1024 px "Add source…" is in the header's menu.
  const menu = page.getByRole('button', { name: /^Menu/ });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: 'Add source…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add source' });
  await page.screenshot({ path: `${out}/workbench-add-${name}.png` });
  await dialog.getByLabel('Title').fill(text.split('\n')[0].slice(0, 120));
  await dialog.getByLabel('Outlet').fill('Screenshot Wire');
  await dialog.getByLabel('Publication date').fill(published);
  await dialog.getByLabel('Article text').fill(text);
  await page.screenshot({ path: `${out}/workbench-add-filled-${name}.png` });
  await dialog.getByRole('button', { name: 'Add and review' }).click();
  const review = page.getByTestId('review');
  await review.waitFor();
  await review.locator('[data-decision="open"]').first().waitFor();
  await page.screenshot({ path: `${out}/workbench-review-start-${name}.png` });
  for (const key of ['a', 'a', 'x', 'a']) {
    const before = await review.locator('[data-decision="open"]').count();
    // A short article can run out of open candidates: waiting for one fewer would never end.
    if (before === 0) break;
    await page.keyboard.press(key);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="review"] [data-decision="open"]').length < n, before);
  }
  await page.screenshot({ path: `${out}/workbench-review-${name}.png` });
  // Phones show the article or the candidates, switched in the review's bar.
  const articlePane = review.getByRole('button', { name: 'Article', exact: true });
  if (await articlePane.isVisible()) {
    await articlePane.click();
    await review.getByTestId('article').waitFor();
    await page.screenshot({ path: `${out}/workbench-review-article-${name}.png` });
    // A span selected there opens the new-relation form as a sheet over the article's bottom: selected as a
    // touch screen does, with no mouseup after it (the article listens to selectionchange).
    await page.evaluate(() => {
      const p = document.querySelectorAll('[data-testid="article"] p[data-start]')[1] ?? document.querySelector('[data-testid="article"] p[data-start]')!;
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode()!;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, Math.min(node.textContent!.length, 40));
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await review.getByTestId('selection-form').waitFor();
    await page.screenshot({ path: `${out}/workbench-select-${name}.png` });
    await review.getByTestId('selection-form').getByRole('button', { name: 'Cancel' }).click();
    await review.getByRole('button', { name: /^Candidates/ }).click();
  }
  await review.getByRole('button', { name: 'Show graph' }).click();
  await waitForSettledGraph(page);
  await page.screenshot({ path: `${out}/workbench-graph-${name}.png` });
  console.log(`${name}: saved; console errors: ${consoleErrors.length ? consoleErrors.join(' | ') : 'none'}`);
  await page.context().close();
}
await browser.close();
await server.close();
