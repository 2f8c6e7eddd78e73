/**
 * The app on a saved dataset of 50,000 relations, loaded the way a million are: validated, indexed,
 * rolled up and grouped for the filter engine in the import worker, with the drawn-edge limit lowered
 * so that the notice shows. Checks the notice, the counts over every row, and that the type filter
 * and the date window change them by exactly what the same engine computes in Node.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serveDist, statusCounts } from './harness';
import { seedGeneratedDataset, waitForGeneratedDataset } from './generated-dataset';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { withRollupEdges } from '../../src/lib/core/rollup';
import { createFilterEngine } from '../../src/lib/core/filter-engine';
import { dayNumber } from '../../src/lib/core/dates';
import { BENCH_TODAY, generateDataset } from '../../bench/generate';

const RELATIONS = 50_000;
const LIMIT = 5_000;
const { index } = withRollupEdges(buildRelationIndex(generateDataset(RELATIONS), BENCH_TODAY));
const EDGES = index.edges.length;
const fmt = (n: number) => n.toLocaleString('en');
const allTypes = () => new Uint8Array(index.typeIds.length).fill(1);
const engine = createFilterEngine(index);
const countFor = (filter: { from: number; to: number; typeMask: Uint8Array }) => engine.update({ ...filter, carryForward: false }).visibleCount;

let server: Awaited<ReturnType<typeof serveDist>>;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  const watched = await openPage(browser, server.url);
  page = watched.page;
  errors = watched.consoleErrors;
  await page.waitForSelector('.shell[data-status="ready"]', { timeout: 60_000 });
  await seedGeneratedDataset(page, RELATIONS);
  await page.evaluate((limit) => localStorage.setItem('entente.edgeLimit', String(limit)), LIMIT);
  // What the page showed while it loaded, and which panels were there the moment the shell first said ready.
  // A string: a function would carry the test runner's helpers into the page.
  await page.addInitScript(`
    window.__ententeCheckSlicedProcess = true;
    window.loadSeen = { loading: false, panelsAtReady: null };
    const watch = () => {
      if (document.querySelector('.loading')) window.loadSeen.loading = true;
      if (document.querySelector('.shell[data-status="ready"]')) {
        window.loadSeen.panelsAtReady = ['#sources-heading', '#weight-heading', '[aria-label="Timeline zoom"]', '.graph canvas'].filter((s) => document.querySelector(s));
        return;
      }
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  `);
  await page.reload();
  await waitForGeneratedDataset(page, 180_000);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a large saved dataset', () => {
  test('shows its loading progress, and says ready only once the graph and every panel are mounted (they mount a task at a time)', async () => {
    const seen = await page.evaluate(() => (window as unknown as { loadSeen: { loading: boolean; panelsAtReady: string[] | null } }).loadSeen);
    expect(seen.loading).toBe(true);
    expect(seen.panelsAtReady).toEqual(['#sources-heading', '#weight-heading', '[aria-label="Timeline zoom"]', '.graph canvas']);
  });


  test("puts the held edges into sigma's programs in slices, leaving them as sigma's own process does", async () => {
    const { marks, digests } = await page.evaluate(() => ({
      marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('mount:process')).map((m) => m.name),
      digests: (window as unknown as { __ententeSlicedProcessDigests?: { sliced: string; sigma: string } }).__ententeSlicedProcessDigests ?? null,
    }));
    expect(marks).toEqual(['mount:process-start', 'mount:process-end']);
    expect(digests).not.toBeNull();
    // Every held edge (affiliation edges besides), not an empty program compared with another.
    expect(Number(digests!.sliced.split(' ')[0])).toBeGreaterThanOrEqual(LIMIT);
    expect(digests!.sliced).toBe(digests!.sigma);
  });

  test("draws the first frame after sigma's constructor, once its items are processed in a task of their own", async () => {
    const { marks, firstFrame } = await page.evaluate(() => ({
      marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('mount:first-process')).map((m) => ({ name: m.name, at: m.startTime })),
      firstFrame: (window as unknown as { __entente: { firstFrameMs(): number | null } }).__entente.firstFrameMs(),
    }));
    expect(marks.map((m) => m.name)).toEqual(['mount:first-process-start', 'mount:first-process-end']);
    expect(firstFrame).not.toBeNull();
    expect(firstFrame!).toBeGreaterThanOrEqual(marks[1].at);
  });

  test('says how many edges it draws, and counts every row', async () => {
    expect(EDGES).toBeGreaterThan(LIMIT);
    await expect.poll(() => page.getByTestId('drawn-edges').innerText(), { timeout: 60_000 }).toContain(`Drawing the ${fmt(LIMIT)} strongest of ${fmt(EDGES)} edges; counts, table and exports cover all`);
    const size = (await page.evaluate('window.__entente.graphSize()')) as { heldEdges: number; totalEdges: number };
    expect(size).toMatchObject({ heldEdges: LIMIT, totalEdges: EDGES });
    await expect.poll(() => statusCounts(page), { timeout: 60_000 }).toEqual({ shown: RELATIONS, total: RELATIONS });
  });

  test('hiding a type takes exactly its rows away, and showing it brings them back', async () => {
    const type = index.dataset.types[0];
    const typeMask = allTypes();
    typeMask[0] = 0;
    const expected = countFor({ from: index.extent.start, to: index.extent.end, typeMask });
    expect(expected).toBeLessThan(RELATIONS);
    const checkbox = page.getByRole('checkbox', { name: type.label, exact: true });
    await checkbox.uncheck();
    await expect.poll(() => statusCounts(page), { timeout: 60_000 }).toEqual({ shown: expected, total: RELATIONS });
    await checkbox.check();
    await expect.poll(() => statusCounts(page), { timeout: 60_000 }).toEqual({ shown: RELATIONS, total: RELATIONS });
  });

  test('a narrower date window counts the rows the engine finds in it', async () => {
    const from = dayNumber(2020, 1, 1);
    expect(from).toBeGreaterThan(index.extent.start);
    const expected = countFor({ from, to: index.extent.end, typeMask: allTypes() });
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(RELATIONS);
    const field = page.getByLabel('From', { exact: true });
    await field.fill('2020-01-01');
    await field.press('Enter');
    await expect.poll(() => statusCounts(page), { timeout: 60_000 }).toEqual({ shown: expected, total: RELATIONS });
    expect(errors).toEqual([]);
  });
});
