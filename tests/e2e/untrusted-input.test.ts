/**
 * Untrusted data in the built app, met the way a user meets it: the bundled
 * data is swapped on the wire (the chunk that holds one relations file), so no
 * rebuild is needed. A flood of issues is capped at 200 on screen with the full
 * report as a download; a very large valid file loads.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { openPage, statusCounts, useBuiltApp, waitForSettledGraph } from './harness';
import { loadDataset } from '../../src/lib/core/load';
import { readGraphDataFolder } from '../../scripts/read-graph-data';

const app = useBuiltApp();
const original = await readFile(fileURLToPath(new URL('../../graph-data/relations/002_e79ec7b5a3e35a5a.csv', import.meta.url)), 'utf8');
const originalLines = original.trimEnd().split('\n').length;
const BAD_ROWS = 450;
// Bad rows fill every column the file declares, optional ones included, so that each has exactly one problem.
const PAD = ','.repeat(original.split('\n')[0].split(',').length - 7);
const bundled = loadDataset(readGraphDataFolder(fileURLToPath(new URL('../../graph-data', import.meta.url))));
if (!bundled.ok) throw new Error('e2e: graph-data does not load');
const TOTAL = bundled.dataset.relations.length;
const IN_002 = bundled.dataset.relations.filter((r) => r.source === '002_e79ec7b5a3e35a5a').length;

test('a flood of problems: the first 200 on screen, all of them in the downloaded report, no graph', async () => {
  const broken = original + Array.from({ length: BAD_ROWS }, (_, i) => `armenia,ghost-${i},request_aid,2022-09-13,,Yerevan has officially requested,${PAD}\n`).join('') + `armenia,csto,request_aid,2022-09-13,,caf\uFFFD,${PAD}\n`;
  const watched = await openPage(app.browser, 'about:blank');
  const { page } = watched;
  await page.route(/\/assets\/002_e79ec7b5a3e35a5a-[^/]+\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: `export default ${JSON.stringify(broken)};` }));
  await page.goto(app.url);
  const error = page.locator('.load-error');
  await error.waitFor();
  const total = BAD_ROWS + 1;
  await expect.poll(() => error.locator('p').first().innerText()).toBe(`The dataset has ${total} problems and was not loaded.`);
  expect(await error.getByText(`Showing the first 200 of ${total}.`).count()).toBe(1);
  expect(await error.locator('li').count()).toBe(200);
  expect(await error.locator('li').first().innerText()).toBe(`relations/002_e79ec7b5a3e35a5a.csv:${originalLines + 1}: object: unknown actor id "ghost-0" [load/unknown-actor]`);
  expect(await page.locator('.canvas').count()).toBe(0);

  const [download] = await Promise.all([page.waitForEvent('download'), error.getByRole('button', { name: 'Download full report' }).click()]);
  expect(download.suggestedFilename()).toBe('entente-data-problems.txt');
  const lines = (await readFile((await download.path())!, 'utf8')).trimEnd().split('\n');
  expect(lines.slice(0, 2)).toEqual([`Entente: The dataset has ${total} problems and was not loaded.`, `${total} problems`]);
  expect(lines.length).toBe(3 + total);
  // The last one, which the screen does not show: the same line check-data prints for it.
  expect(lines.at(-1)).toBe(`relations/002_e79ec7b5a3e35a5a.csv:${originalLines + BAD_ROWS + 1}: invalid UTF-8 on this line (bytes of another encoding such as Latin-1 or Windows-1252, which show as �); save the file as UTF-8 [utf8/invalid]`);
  expect(watched.consoleErrors).toEqual([]);
});

test('200,000 relations in one file load in the app (they used to overflow the stack)', { timeout: 240_000 }, async () => {
  const ROWS = 200_000;
  const header = original.slice(0, original.indexOf('\n') + 1);
  const rows = Array.from({ length: ROWS }, (_, i) => `armenia,csto,request_aid,2022-09-${String(1 + (i % 28)).padStart(2, '0')},,Yerevan has officially requested military aid,row ${i}${PAD}\n`);
  const watched = await openPage(app.browser, 'about:blank');
  const { page } = watched;
  await page.route(/\/assets\/002_e79ec7b5a3e35a5a-[^/]+\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: `export default ${JSON.stringify(header + rows.join(''))};` }));
  const start = performance.now();
  await page.goto(app.url);
  await waitForSettledGraph(page);
  console.log(`${ROWS} relations: ready in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  const expected = TOTAL - IN_002 + ROWS;
  expect(await statusCounts(page)).toEqual({ shown: expected, total: expected });
  expect(watched.consoleErrors).toEqual([]);
});
