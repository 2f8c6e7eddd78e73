/**
 * End-to-end tests of the graph explorer on the bundled dataset: what the
 * canvas draws, filtering by type and date, selecting edges and actors,
 * search, the table view and dragging. Expected counts come from the core
 * loader run in Node on graph-data/, plus literals so a loader bug shows.
 */
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { openPage, statusCounts, waitForSettledGraph, useBuiltApp, type WatchedPage } from './harness';
import { captureCanvas, clearanceAt, countNear, countNonBackground, type EdgeTarget, type Point } from './pixels';
import { loadDataset } from '../../src/lib/core/load';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { filterRelations, typeMaskOf } from '../../src/lib/core/filter';
import { parsePartialDate, todayDayNumber } from '../../src/lib/core/dates';
import { outletText } from '../../src/lib/core/relation-text';
import { visibleCountText } from '../../src/lib/core/summary';
import { readGraphDataFolder } from '../../scripts/read-graph-data';

const loaded = loadDataset(readGraphDataFolder(fileURLToPath(new URL('../../graph-data', import.meta.url))));
if (!loaded.ok) throw new Error(`e2e: graph-data does not load: ${loaded.issues.length} issues`);
const dataset = loaded.dataset;
const index = buildRelationIndex(dataset, todayDayNumber());
const TOTAL = dataset.relations.length;

function expectedCount(types: readonly string[], from?: string, to?: string): number {
  const start = from ? parsePartialDate(from)!.start : index.extent.start;
  const end = to ? parsePartialDate(to)!.end : index.extent.end;
  return filterRelations(index, { from: start, to: end, typeMask: typeMaskOf(index, types) }).visibleCount;
}
const colorOf = (typeId: string) => dataset.types.find((t) => t.id === typeId)!.color;

interface Hooks {
  nodePoint(id: string): Point | null;
  visibleEdges(): EdgeTarget[];
  cameraState(): { x: number; y: number; ratio: number; angle: number };
  nodePosition(id: string): Point;
  hoveredNode(): string | null;
  frameIsCurrent(): boolean;
}
/** Runs `fn` against window.__entente in the page. */
function hooks<T, A>(page: Page, fn: (h: Hooks, arg: A) => T, arg: A): Promise<T> {
  return page.evaluate(
    ([source, value]) => new Function('h', 'arg', `return (${source})(h, arg);`)((window as unknown as { __entente: Hooks }).__entente, value) as T,
    [fn.toString(), arg] as const,
  );
}

// E2E_DIST serves another build, e.g. one from before a fix, to see its test fail there.
const app = useBuiltApp(resolve(process.env.E2E_DIST ?? 'dist'));
let watched: WatchedPage;
let page: Page;
const details = () => page.locator('aside[aria-label="Details"]');
const evidenceHeading = () => details().getByRole('heading', { name: 'Evidence', exact: true });
const canvasBox = async () => (await page.locator('.canvas').boundingBox())!;

/**
 * Waits until the picture stands still: the layout has settled, no camera animation runs, and sigma
 * has drawn the camera's final state. Node points and the pointer's hit test follow the last drawn
 * frame, which on a busy machine lags the camera by seconds.
 */
async function waitForStillPicture(): Promise<void> {
  await waitForSettledGraph(page);
  await page.waitForFunction(() => (window as unknown as { __entente: Hooks }).__entente.frameIsCurrent(), null, { timeout: 20_000, polling: 50 });
}

/**
 * Hovers container point p (trying small offsets) until sigma shows the pointer cursor it sets
 * on entering a node or edge. Starts over empty stage, because sigma keeps a stale hover after
 * the mouse leaves. Probing by hover, not by clicks: sigma takes two canvas clicks within
 * 300 ms as a double click, which zooms instead of selecting.
 */
async function hoverCanvas(p: Point, offsets = [[0, 0]]): Promise<boolean> {
  await waitForStillPicture();
  const box = await canvasBox();
  await page.mouse.move(box.x + 8, box.y + 8);
  for (const [dx, dy] of offsets) {
    await page.mouse.move(box.x + p.x + dx, box.y + p.y + dy, { steps: 2 });
    const cursor = () => (document.querySelector('.canvas') as HTMLElement).style.cursor === 'pointer';
    if (await page.waitForFunction(cursor, null, { timeout: 1500, polling: 50 }).then(() => true, () => false)) return true;
  }
  return false;
}

async function expectShown(shown: number): Promise<void> {
  await expect.poll(() => statusCounts(page), { timeout: 10_000 }).toEqual({ shown, total: TOTAL });
}

beforeAll(async () => {
  watched = await openPage(app.browser, app.url);
  page = watched.page;
  await waitForSettledGraph(page);
});

/** Every test starts from the full view with nothing selected. */
beforeEach(async () => {
  if (await details().isVisible()) await page.getByRole('button', { name: 'Close details' }).click();
  const all = page.getByRole('button', { name: 'All', exact: true });
  if (await all.isEnabled()) await all.click();
  const whole = page.locator('.timeline').getByRole('button', { name: 'Whole period' });
  if (await whole.isEnabled()) await whole.click();
  await expectShown(TOTAL);
  await details().waitFor({ state: 'detached' });
});

describe('the explorer on the bundled dataset', () => {
  test('expectations computed in Node match the checked-in data', () => {
    expect(TOTAL).toBe(176);
    expect(dataset.relations.filter((r) => r.type === 'accusation')).toHaveLength(18);
    expect(expectedCount(index.typeIds)).toBe(176);
    expect(colorOf('accusation')).toBe('#ff5566');
  });

  test('the canvas draws edges in their relation-type colours', async () => {
    const picture = await captureCanvas(page);
    expect(countNonBackground(picture)).toBeGreaterThan(20_000);
    for (const type of ['membership', 'accusation', 'mediation', 'conflict', 'leadership']) {
      expect(countNear(picture, colorOf(type)), `pixels of ${type}`).toBeGreaterThanOrEqual(15);
    }
  });

  test('unchecking a type removes its relations and its colour from the canvas', async () => {
    const accusation = colorOf('accusation');
    expect(countNear(await captureCanvas(page), accusation)).toBeGreaterThanOrEqual(15);
    await page.getByRole('checkbox', { name: 'Accusation', exact: true }).uncheck();
    await expectShown(expectedCount(index.typeIds.filter((t) => t !== 'accusation')));
    await expectShown(176 - 18);
    await expect.poll(async () => countNear(await captureCanvas(page), accusation), { timeout: 10_000 }).toBeLessThan(3);
  });

  test('None empties the view, All restores it', async () => {
    const accusation = colorOf('accusation');
    await page.getByRole('button', { name: 'None', exact: true }).click();
    await expectShown(0);
    expect(await page.getByTestId('status').innerText()).toBe(visibleCountText(0, TOTAL, 0));
    expect(visibleCountText(0, TOTAL, 0)).toBe('Showing 0 of 176 relations from 0 statements');
    await page.getByText('No relations in this view.').waitFor();
    await page.getByText('No relation type is selected.').waitFor();

    await page.getByRole('button', { name: 'All', exact: true }).click();
    await expectShown(TOTAL);
    await page.getByText('No relations in this view.').waitFor({ state: 'detached' });
    await expect.poll(async () => countNear(await captureCanvas(page), accusation), { timeout: 10_000 }).toBeGreaterThanOrEqual(15);
  });

  test('the From and To dates narrow the relations to the window', async () => {
    const expected = expectedCount(index.typeIds, '2022-01-01', '2022-12-31');
    expect(expected).not.toBe(TOTAL);
    expect(expected).toBeGreaterThan(0);
    await page.getByLabel('From', { exact: true }).fill('2022-01-01');
    await page.getByLabel('To', { exact: true }).fill('2022-12-31');
    await expectShown(expected);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2022-01-01');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2022-12-31');
  });

  test('node positions stay fixed while filtering', async () => {
    const ids = ['armenia', 'azerbaijan', 'russia', 'csto', 'nikol-pashinyan'];
    const positions = () => hooks(page, (h, list) => list.map((id) => h.nodePosition(id)), ids);
    const before = await positions();
    const checkbox = page.getByRole('checkbox', { name: 'Accusation', exact: true });
    await checkbox.uncheck();
    await expectShown(TOTAL - 18);
    await checkbox.check();
    await expectShown(TOTAL);
    await page.getByLabel('From', { exact: true }).fill('2022-01-01');
    await page.getByLabel('To', { exact: true }).fill('2022-06-30');
    await expectShown(expectedCount(index.typeIds, '2022-01-01', '2022-06-30'));
    expect(await page.locator('.shell').getAttribute('data-layout')).toBe('settled');
    expect(await positions()).toEqual(before);
  });

  test('clicking an edge shows the quotes and sources behind it', async () => {
    const box = await canvasBox();
    const { edges, nodes } = await hooks(page, (h) => {
      const edges = h.visibleEdges();
      const ids = new Set(edges.flatMap((e) => [e.source, e.target]));
      return { edges, nodes: Object.fromEntries([...ids].map((id) => [id, h.nodePoint(id)!])) };
    }, null);
    const candidates = edges
      .filter((e) => e.point && Math.hypot(nodes[e.source].x - nodes[e.target].x, nodes[e.source].y - nodes[e.target].y) > 80)
      .filter((e) => e.point!.x > 20 && e.point!.y > 60 && e.point!.x < box.width - 20 && e.point!.y < box.height - 20)
      .map((edge) => ({ edge, clearance: clearanceAt(edge.point!, edge, edges, nodes) }))
      .sort((a, b) => b.clearance - a.clearance);
    expect(candidates.length).toBeGreaterThan(0);
    const { edge, clearance } = candidates[0];
    expect(clearance).toBeGreaterThan(6);

    const offsets = [[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1], [2, 0], [0, 2]];
    expect(await hoverCanvas(edge.point!, offsets)).toBe(true);
    await page.mouse.down();
    await page.mouse.up();
    await evidenceHeading().waitFor();
    const panel = await details().innerText();
    const type = dataset.types.find((t) => t.id === edge.relation)!;
    const rows = dataset.relations.filter(
      (r) => r.type === type.id && ((r.subject === edge.source && r.object === edge.target) || (!type.directed && r.subject === edge.target && r.object === edge.source)),
    );
    expect(rows.length).toBeGreaterThan(0);
    const label = (id: string) => dataset.actors.find((a) => a.id === id)!.label;
    expect(panel).toContain(label(edge.source));
    expect(panel).toContain(label(edge.target));
    expect(panel).toContain(type.label);
    const source = dataset.sources.find((s) => s.id === rows[0].source)!;
    expect(panel).toContain(rows[0].quote);
    expect(panel).toContain(outletText(source));
  });

  test('the table lists the visible relations and sorts by date', async () => {
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe((await statusCounts(page)).shown);
    expect(await rows.count()).toBe(TOTAL);
    const starts = dataset.relations.map((r) => parsePartialDate(r.date)!.start);
    const firstStart = async () => parsePartialDate((await rows.first().locator('td.date').innerText()).split(' – ')[0])!.start;
    const ascendingFirst = await rows.first().locator('td.date').innerText();
    expect(await firstStart()).toBe(Math.min(...starts));
    await page.getByRole('button', { name: /^Date/ }).click();
    await expect.poll(firstStart).toBe(Math.max(...starts));
    expect(await rows.first().locator('td.date').innerText()).not.toBe(ascendingFirst);
    // Actor names break between words, never at a hyphen inside one ("Nagorno-" over "Karabakh").
    const split = await page.evaluate(() => {
      const found: string[] = [];
      let hyphenated = 0;
      for (const cell of document.querySelectorAll('td.subject, td.object')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of node.textContent!.matchAll(/\S+-\S+/g)) {
            hyphenated++;
            const range = document.createRange();
            range.setStart(node, match.index!);
            range.setEnd(node, match.index! + match[0].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1) found.push(match[0]);
          }
        }
      }
      return { hyphenated, found: [...new Set(found)] };
    });
    expect(split.hyphenated).toBeGreaterThan(0);
    expect(split.found).toEqual([]);
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.locator('table').waitFor({ state: 'detached' });
  });

  test('clicking a node shows the actor; Escape clears the selection', async () => {
    const point = (await hooks(page, (h) => h.nodePoint('armenia'), null))!;
    expect(await hoverCanvas(point)).toBe(true);
    await page.mouse.down();
    await page.mouse.up();
    await details().getByRole('heading', { name: 'Armenia' }).waitFor();
    await details().getByRole('heading', { name: 'Actor', exact: true }).waitFor();
    const panel = await details().innerText();
    expect(panel).toMatch(/Kind\s+State/);
    expect(panel).toMatch(/Also called\s+Yerevan, Republic of Armenia/);
    await expect.poll(() => new URL(page.url()).searchParams.get('focus'), { timeout: 5_000 }).toBe('armenia');
    await page.keyboard.press('Escape');
    await details().waitFor({ state: 'detached' });
  });

  test('searching an alias focuses the actor, the URL and the camera', async () => {
    // Kabul, not Yerevan: Armenia's neighbours now cover most of the graph, so framing them zooms out.
    await page.getByRole('combobox', { name: 'Search actors' }).fill('Kabul');
    await page.getByRole('option', { name: /^Afghanistan/ }).waitFor();
    await page.getByRole('combobox', { name: 'Search actors' }).press('Enter');
    await details().getByRole('heading', { name: 'Afghanistan' }).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('focus'), { timeout: 5_000 }).toBe('afghanistan');
    // The camera frames Afghanistan with its neighbours: it moves away from the overview and keeps the actor on screen.
    await expect.poll(() => hooks(page, (h) => h.cameraState(), null), { timeout: 5_000 }).not.toEqual({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    const box = await canvasBox();
    await expect
      .poll(async () => {
        const p = await hooks(page, (h) => h.nodePoint('afghanistan'), null);
        return !!p && p.x > 0 && p.y > 0 && p.x < box.width && p.y < box.height;
      }, { timeout: 5_000 })
      .toBe(true);
  });

  test('search by keyboard: exact acronyms and aliases first, arrows choose, "No actor matches" otherwise', async () => {
    const search = page.getByRole('combobox', { name: 'Search actors' });
    const options = page.getByRole('listbox', { name: 'Matching actors' }).getByRole('option');
    const firstOption = async (query: string) => {
      await search.fill(query);
      await options.first().waitFor();
      return (await options.first().locator('.label').innerText()).trim();
    };
    expect(await firstOption('US')).toBe('United States');
    expect(await firstOption('UN')).toBe('United Nations');
    expect(await firstOption('Kremlin')).toBe('Russia');
    expect(await options.first().innerText()).toContain('“Kremlin”');
    // No button (or other control) nests inside an option: the input keeps focus and names the active option.
    expect(await page.locator('[role="option"] button, [role="option"] a, [role="option"] input').count()).toBe(0);

    expect(await firstOption('CSTO')).toBe('CSTO');
    expect(await search.getAttribute('aria-activedescendant')).toBe('match-csto');
    await search.press('ArrowDown');
    const second = await search.getAttribute('aria-activedescendant');
    expect(second).not.toBe('match-csto');
    expect(await page.locator(`#${second}`).getAttribute('aria-selected')).toBe('true');
    await search.press('ArrowUp');
    expect(await search.getAttribute('aria-activedescendant')).toBe('match-csto');
    await search.press('Enter');
    await details().getByRole('heading', { name: 'CSTO', exact: true }).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('focus'), { timeout: 5_000 }).toBe('csto');
    expect(await search.inputValue()).toBe('');

    await search.fill('Qqzzx');
    await page.getByText('No actor matches “Qqzzx”.').waitFor();
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    await search.press('Escape');
    await search.press('Escape');
    expect(await search.inputValue()).toBe('');
    // Escape in the field leaves the selection behind it alone.
    expect(await details().isVisible()).toBe(true);
  });

  test('dragging a node moves it; re-running the layout settles again', async () => {
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await expect.poll(() => hooks(page, (h) => h.cameraState(), null), { timeout: 10_000 }).toEqual({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    const box = await canvasBox();
    const armenia = () => hooks(page, (h) => ({ point: h.nodePoint('armenia')!, position: h.nodePosition('armenia') }), null);
    // The pointer cursor also shows over an edge; press only once sigma has the node itself under the pointer.
    // Each attempt starts over empty stage and reads the node's point from a frame that shows the final camera.
    let before = await armenia();
    let hovered = false;
    for (let attempt = 0; attempt < 3 && !hovered; attempt++) {
      await waitForStillPicture();
      before = await armenia();
      await page.mouse.move(box.x + 8, box.y + 8);
      await page.mouse.move(box.x + before.point.x, box.y + before.point.y, { steps: 4 });
      hovered = await page
        .waitForFunction(() => (window as unknown as { __entente: Hooks }).__entente.hoveredNode() === 'armenia', null, { timeout: 5000, polling: 50 })
        .then(() => true, () => false);
    }
    expect(hovered).toBe(true);
    await page.mouse.down();
    await page.mouse.move(box.x + before.point.x - 60, box.y + before.point.y, { steps: 12 });
    await page.mouse.up();
    await expect.poll(async () => (await armenia()).position, { timeout: 10_000 }).not.toEqual(before.position);
    // The moved node is drawn (and its point known) on the next frame.
    await expect.poll(async () => Math.abs((await armenia()).point.x - (before.point.x - 60)), { timeout: 10_000 }).toBeLessThanOrEqual(5);
    const after = await armenia();
    expect(after.point.x).toBeCloseTo(before.point.x - 60, -1);
    expect(Math.abs(after.point.y - before.point.y)).toBeLessThan(5);

    // The layout may run only briefly: record every layout state and button state the DOM goes through.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { layoutStates: string[] }).layoutStates = []);
      const shell = document.querySelector('.shell')!;
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Re-run layout')!;
      new MutationObserver(() => seen.push(`${shell.getAttribute('data-layout')} disabled=${button.disabled}`))
        .observe(shell, { attributes: true, attributeFilter: ['data-layout'] });
    });
    const rerun = page.getByRole('button', { name: 'Re-run layout' });
    await rerun.click();
    await page.waitForFunction(() => (window as unknown as { layoutStates: string[] }).layoutStates.includes('settled disabled=false'));
    expect(await page.evaluate(() => (window as unknown as { layoutStates: string[] }).layoutStates)).toEqual(['running disabled=true', 'settled disabled=false']);
    await waitForSettledGraph(page);
    expect(await rerun.isEnabled()).toBe(true);
  });

  test('no console errors and no requests to other origins', () => {
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
