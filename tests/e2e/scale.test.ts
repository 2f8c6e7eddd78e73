/**
 * The app on a generated dataset with more edges than the drawn-edge limit
 * (set small here): the notice and the limit control, counts over all rows,
 * the layout's progress, settling, Stop, and positions saved with the dataset.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serveDist, statusCounts, waitForSettledGraph } from './harness';
import { GENERATED_ID, seedGeneratedDataset, waitForGeneratedDataset } from './generated-dataset';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { withRollupEdges } from '../../src/lib/core/rollup';
import { BENCH_TODAY, generateDataset } from '../../bench/generate';

const RELATIONS = 20_000;
const LIMIT = 3_000;
// As the app does: the index also holds the edges the rolled-up view draws (people counted as their state).
const { index } = withRollupEdges(buildRelationIndex(generateDataset(RELATIONS), BENCH_TODAY));
const EDGES = index.edges.length;
const fmt = (n: number) => n.toLocaleString('en');

interface Hooks {
  graphSize(): { order: number; size: number; heldEdges: number; totalEdges: number };
  visibleEdges(): unknown[];
  lastLayout(): { iterations: number; end: string } | null;
  layoutReport(): { kind: string; iterations?: number } | null;
  nodePosition(id: string): { x: number; y: number };
}
const hooks = (page: Page) => <T>(fn: (h: Hooks) => T) => page.evaluate(`(${fn.toString()})(window.__entente)`) as Promise<T>;

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
  await waitForSettledGraph(page);
  await seedGeneratedDataset(page, RELATIONS);
  await page.evaluate((limit) => localStorage.setItem('entente.edgeLimit', String(limit)), LIMIT);
  await page.reload();
  await waitForGeneratedDataset(page);
  await waitForSettledGraph(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const notice = () => page.getByTestId('drawn-edges');
const limitSelect = () => notice().locator('select');

describe('drawn-edge limit', () => {
  test('above the limit the graph holds the strongest edges and says so; the counts cover every row', async () => {
    expect(EDGES).toBeGreaterThan(LIMIT);
    await expect.poll(() => notice().innerText()).toContain(`Drawing the ${fmt(LIMIT)} strongest of ${fmt(EDGES)} edges; counts, table and exports cover all`);
    const size = await hooks(page)((h) => h.graphSize());
    expect(size).toMatchObject({ heldEdges: LIMIT, totalEdges: EDGES });
    // Held: the limit plus the hidden affiliation edges; drawn: no more than the limit.
    expect(size.size).toBeGreaterThanOrEqual(LIMIT);
    expect(size.size).toBeLessThan(LIMIT + 200);
    expect(await hooks(page)((h) => h.visibleEdges().length)).toBeLessThanOrEqual(LIMIT);
    expect(await statusCounts(page)).toEqual({ shown: RELATIONS, total: RELATIONS });
  });

  test('the control raises the limit to all edges and lowers it again', async () => {
    const options = await limitSelect().locator('option').allInnerTexts();
    expect(options).toEqual([`${fmt(LIMIT)} strongest`, '10,000 strongest', `All ${fmt(EDGES)}`]);
    await limitSelect().selectOption({ label: `All ${fmt(EDGES)}` });
    await expect.poll(() => notice().innerText()).toContain(`Drawing all ${fmt(EDGES)} edges`);
    expect(await hooks(page)((h) => h.graphSize().heldEdges)).toBe(EDGES);
    await expect.poll(() => hooks(page)((h) => h.visibleEdges().length)).toBeGreaterThan(LIMIT);

    await limitSelect().selectOption({ label: '10,000 strongest' });
    await expect.poll(() => notice().innerText()).toContain(`Drawing the 10,000 strongest of ${fmt(EDGES)} edges`);
    const size = await hooks(page)((h) => h.graphSize());
    expect(size.heldEdges).toBe(10_000);
    expect(size.size).toBeLessThan(10_200);
    await expect.poll(() => hooks(page)((h) => h.visibleEdges().length)).toBeLessThanOrEqual(10_000);
    expect(await page.evaluate(() => localStorage.getItem('entente.edgeLimit'))).toBe('10000');
    expect(await statusCounts(page)).toEqual({ shown: RELATIONS, total: RELATIONS });
  });
});

describe('layout', () => {
  test('it settled and says so', async () => {
    const last = await hooks(page)((h) => h.lastLayout());
    expect(last).not.toBeNull();
    expect(['settled', 'limit']).toContain(last!.end);
    expect(last!.iterations).toBeGreaterThanOrEqual(150);
    await expect.poll(() => page.getByTestId('layout-status').innerText()).toMatch(/^Layout (settled|reached its iteration limit) after [\d,]+ iterations \([\d.]+ s\)$/);
  });

  test('a re-run reports progress, and Stop keeps the positions it reached', async () => {
    const ids = index.actorIds.slice(0, 5);
    // Stop is pressed in the task that draws the first progress report (polling on DOM mutations), so the run cannot settle in between.
    // The watch is set before the click; should a run still end before Stop was seen (once, on a loaded machine), it is
    // started again rather than waited on forever.
    let iterations = 0;
    for (let attempt = 0; attempt < 3 && !iterations; attempt++) {
      await expect.poll(() => page.getByRole('button', { name: 'Re-run layout' }).isEnabled(), { timeout: 60_000 }).toBe(true);
      await page.evaluate(() => {
        const w = window as unknown as { __entente: Hooks; __stopped?: Promise<number> };
        const before = w.__entente.layoutReport();
        w.__stopped = new Promise<number>((resolve) => {
          const check = () => {
            const report = w.__entente.layoutReport();
            if (report === before) return;
            if (report?.kind === 'done') {
              observer.disconnect();
              resolve(0);
              return;
            }
            if (report?.kind !== 'running' || !report.iterations) return;
            const stop = [...document.querySelectorAll('[data-testid="layout-progress"] button')].find((b) => b.textContent === 'Stop') as HTMLButtonElement | undefined;
            if (!stop) return;
            observer.disconnect();
            stop.click();
            resolve(report.iterations);
          };
          // Mutation callbacks run in the task that drew the report, before the worker's next message.
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        });
      });
      await page.getByRole('button', { name: 'Re-run layout' }).click();
      iterations = await page.evaluate(() => (window as unknown as { __stopped: Promise<number> }).__stopped);
    }
    expect(iterations).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.shell').getAttribute('data-layout')).toBe('settled');
    const last = await hooks(page)((h) => h.lastLayout());
    expect(last!.end).toBe('stopped');
    expect(last!.iterations).toBeLessThan(150);
    await expect.poll(() => page.getByTestId('layout-status').innerText()).toMatch(/^Layout stopped after [\d,]+ iterations/);
    const stopped = await page.evaluate((ids) => ids.map((id) => (window as unknown as { __entente: Hooks }).__entente.nodePosition(id)), ids);
    // Two more drawn frames later nothing has moved: the worker is gone.
    for (let k = 0; k < 2; k++) await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate((ids) => ids.map((id) => (window as unknown as { __entente: Hooks }).__entente.nodePosition(id)), ids)).toEqual(stopped);
    expect(await page.getByTestId('layout-progress').count()).toBe(0);
  });

  test('positions are saved with the dataset, so a reload shows them without laying out again', async () => {
    const ids = index.actorIds.slice(0, 20);
    const before = await page.evaluate((ids) => ids.map((id) => (window as unknown as { __entente: Hooks }).__entente.nodePosition(id)), ids);
    // The save is asynchronous: wait until the stored layout holds the positions on screen.
    await expect
      .poll(() =>
        page.evaluate(
          ({ id, first }) =>
            new Promise<number | null>((done) => {
              const request = indexedDB.open('entente');
              request.onsuccess = () => {
                const db = request.result;
                if (!db.objectStoreNames.contains('layouts')) return done(null);
                const get = db.transaction('layouts').objectStore('layouts').get(id);
                get.onsuccess = () => {
                  db.close();
                  const saved = get.result as { actorIds: string[]; positions: Float32Array } | undefined;
                  done(saved ? saved.positions[2 * saved.actorIds.indexOf(first)] : null);
                };
              };
            }),
          { id: GENERATED_ID, first: ids[0] },
        ),
      )
      .toBeCloseTo(before[0].x, 3);
    await page.reload();
    await waitForGeneratedDataset(page);
    await waitForSettledGraph(page);
    expect(await hooks(page)((h) => h.lastLayout())).toBeNull();
    expect(await page.getByTestId('layout-status').innerText()).toBe('Layout saved with the dataset');
    const after = await page.evaluate((ids) => ids.map((id) => (window as unknown as { __entente: Hooks }).__entente.nodePosition(id)), ids);
    after.forEach((p, i) => {
      expect(p.x).toBeCloseTo(before[i].x, 3);
      expect(p.y).toBeCloseTo(before[i].y, 3);
    });
    expect(errors).toEqual([]);
  });
});
