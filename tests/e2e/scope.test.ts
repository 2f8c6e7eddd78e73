/**
 * End-to-end tests of scope (ego network) and roll-up on the bundled dataset:
 * the status line, legend, drawn edges and exports cover exactly the rows an
 * independent computation gives (the core's reference full scan, then the
 * neighbourhood and the affiliation chains worked out here on subjects and
 * objects); the URL restores it, Back and Forward walk it, an unknown id gives
 * a notice, and no node moves.
 */
import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { statusCounts, useBuiltApp } from './harness';
import { loadDataset } from '../../src/lib/core/load';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { filterRelations, typeMaskOf } from '../../src/lib/core/filter';
import { todayDayNumber } from '../../src/lib/core/dates';
import { readCsvRecords } from '../../src/lib/core/csv';
import { readGraphDataFolder } from '../../scripts/read-graph-data';

const loaded = loadDataset(readGraphDataFolder(fileURLToPath(new URL('../../graph-data', import.meta.url))));
if (!loaded.ok) throw new Error(`e2e: graph-data does not load: ${loaded.issues.length} issues`);
const dataset = loaded.dataset;
const index = buildRelationIndex(dataset, todayDayNumber());
const TOTAL = dataset.relations.length;

const parent = new Map(dataset.actors.map((a) => [a.id, a.affiliation]));
function top(id: string): string {
  const seen = new Set<string>();
  let at = id;
  while (parent.get(at) && !seen.has(at)) {
    seen.add(at);
    at = parent.get(at)!;
  }
  return at;
}

/** The rows of the default window and all types, rolled up or not, scoped to `pins` `depth` steps out. */
function expected(pins: string[], depth: number, rolled: boolean) {
  const visible = filterRelations(index, { from: index.extent.start, to: index.extent.end, typeMask: typeMaskOf(index, index.typeIds) }).visible;
  const ends = (i: number): [string, string] => {
    const r = dataset.relations[i];
    return rolled ? [top(r.subject), top(r.object)] : [r.subject, r.object];
  };
  let rows = dataset.relations.map((_, i) => i).filter((i) => visible[i] && (!rolled || ends(i)[0] !== ends(i)[1]));
  if (pins.length) {
    const scope = new Set(pins.map((p) => (rolled ? top(p) : p)));
    for (let step = 0; step < depth; step++) {
      const reached = new Set(scope);
      for (const i of rows) {
        const [a, b] = ends(i);
        if (scope.has(a)) reached.add(b);
        if (scope.has(b)) reached.add(a);
      }
      reached.forEach((a) => scope.add(a));
    }
    rows = rows.filter((i) => scope.has(ends(i)[0]) && scope.has(ends(i)[1]));
  }
  const byType = new Map(index.typeIds.map((t) => [t, 0]));
  const edges = new Set<string>();
  for (const i of rows) {
    const r = dataset.relations[i];
    byType.set(r.type, byType.get(r.type)! + 1);
    const [s, o] = ends(i);
    const directed = dataset.types.find((t) => t.id === r.type)!.directed;
    edges.add(directed || s < o ? `${r.type}:${s}>${o}` : `${r.type}:${o}>${s}`);
  }
  return { rows, byType, edges };
}

interface Hooks {
  visibleEdges(): Array<{ key: string; source: string; target: string }>;
  nodePosition(id: string): { x: number; y: number };
}
const visibleEdgeKeys = (page: Page) =>
  page.evaluate(() => (window as unknown as { __entente: Hooks }).__entente.visibleEdges().map((e) => e.key).sort());
const positions = (page: Page, ids: string[]) =>
  page.evaluate((list) => list.map((id) => (window as unknown as { __entente: Hooks }).__entente.nodePosition(id)), ids);

async function legendCounts(page: Page): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const t of index.typeIds) {
    const text = await page.locator(`#type-count-${t}`).innerText();
    out.set(t, Number(/^[\d,]+/.exec(text.trim())![0].replace(/,/g, '')));
  }
  return out;
}

/** The status line, legend and drawn edges show exactly the expected view. */
async function expectView(page: Page, want: ReturnType<typeof expected>): Promise<void> {
  await page.waitForFunction((n) => document.querySelector('[data-testid="status"]')?.textContent?.includes(`Showing ${n} of`), want.rows.length);
  expect(await statusCounts(page)).toEqual({ shown: want.rows.length, total: TOTAL });
  expect(await legendCounts(page)).toEqual(want.byType);
  expect(await visibleEdgeKeys(page)).toEqual([...want.edges].sort());
}

/** Actors drawn now whose marker is off the canvas. */
const scopedOffScreen = (page: Page) =>
  page.evaluate(() => {
    const h = (window as unknown as { __entente: Hooks & { nodePoint(id: string): { x: number; y: number } | null } }).__entente;
    const box = document.querySelector('.canvas')!.getBoundingClientRect();
    const ids = new Set(h.visibleEdges().flatMap((e) => [e.source, e.target]));
    return [...ids].filter((id) => {
      const p = h.nodePoint(id);
      return !p || p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height;
    });
  });

const waitForSearch = (page: Page, pattern: RegExp) => page.waitForFunction((source) => new RegExp(source).test(location.search), pattern.source);

const app = useBuiltApp();

describe('scope to an actor', () => {
  test('the data makes the test mean something: depth 2 reaches further than depth 1, roll-up changes Russia', () => {
    const one = expected(['russia'], 1, false);
    const two = expected(['russia'], 2, false);
    expect(one.rows.length).toBeGreaterThan(0);
    expect(two.rows.length).toBeGreaterThan(one.rows.length);
    expect(one.rows.length).toBeLessThan(TOTAL);
    expect(expected(['russia'], 1, true).rows.length).not.toBe(one.rows.length);
    // Lavrov's own rows exist and are not Russia's unless rolled up.
    expect(dataset.relations.some((r) => r.subject === 'sergei-lavrov' || r.object === 'sergei-lavrov')).toBe(true);
  });

  test('a link with scope=russia&depth=1 shows only Russia, its neighbours and the relations among them', async () => {
    const page = await app.open('?scope=russia&depth=1');
    await expectView(page, expected(['russia'], 1, false));
    await expect(page.getByTestId('scope-bar').innerText()).resolves.toMatch(/Scope: Russia/);
  });

  test('scoping from the actor panel goes into the URL; Back and Forward walk it; depth 2 widens it', async () => {
    const page = await app.open('?focus=russia');
    const ids = dataset.actors.map((a) => a.id);
    const before = await positions(page, ids);
    await page.getByTestId('scope-to').click();
    await waitForSearch(page, /scope=russia&depth=1/);
    await expectView(page, expected(['russia'], 1, false));
    // The scoped network is framed: every actor in it is on the canvas.
    await expect.poll(() => scopedOffScreen(page), { timeout: 10_000 }).toEqual([]);
    await page.getByTestId('scope-bar').getByRole('combobox').selectOption('2');
    await waitForSearch(page, /scope=russia&depth=2/);
    await expectView(page, expected(['russia'], 2, false));
    expect(await positions(page, ids)).toEqual(before);
    await page.goBack();
    await waitForSearch(page, /depth=1/);
    await expectView(page, expected(['russia'], 1, false));
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('scope='));
    await expectView(page, expected([], 1, false));
    await page.goForward();
    await waitForSearch(page, /scope=russia&depth=1/);
    await expectView(page, expected(['russia'], 1, false));
    expect(await positions(page, ids)).toEqual(before);
  });

  test('several actors can be pinned together: Armenia and the CSTO', async () => {
    const page = await app.open('?scope=armenia&focus=csto');
    await page.getByTestId('scope-pin').click();
    await waitForSearch(page, /scope=armenia,csto&depth=1/);
    await expectView(page, expected(['armenia', 'csto'], 1, false));
    await expect(page.getByTestId('scope-bar').innerText()).resolves.toMatch(/Armenia and CSTO/);
  });

  test('an unknown id gives a notice and no scope', async () => {
    const page = await app.open('?scope=atlantis&depth=1');
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Ignored scope actor "atlantis": no such actor.');
    expect(await statusCounts(page)).toEqual({ shown: TOTAL, total: TOTAL });
    expect(await page.getByTestId('scope-bar').count()).toBe(0);
  });
});

describe('roll-up', () => {
  test('rolled up, Lavrov’s and Putin’s relations count as Russia’s, in the scope too, and nothing moves', async () => {
    const page = await app.open('?scope=russia&depth=1');
    const ids = dataset.actors.map((a) => a.id);
    const before = await positions(page, ids);
    await page.getByTestId('rollup-toggle').check();
    await waitForSearch(page, /rollup=1/);
    await expect(page.getByTestId('scope-bar').innerText()).resolves.toMatch(/People and bodies counted as their state or organisation/);
    const rolled = expected(['russia'], 1, true);
    await expectView(page, rolled);
    const edges = await page.evaluate(() => (window as unknown as { __entente: Hooks }).__entente.visibleEdges());
    expect(edges.some((e) => e.source === 'sergei-lavrov' || e.target === 'sergei-lavrov' || e.source === 'vladimir-putin')).toBe(false);
    // A drawn Russia edge that exists only through Lavrov or Putin: it is drawn, and a row of theirs is behind it.
    const viaPeople = rolled.rows.filter((i) => ['sergei-lavrov', 'vladimir-putin'].includes(dataset.relations[i].subject));
    expect(viaPeople.length).toBeGreaterThan(0);
    expect(await positions(page, ids)).toEqual(before);
    // Unscoped and rolled up, from the URL.
    const whole = await app.open('?rollup=1');
    await expectView(whole, expected([], 1, true));
  });

  test('evidence of a rolled-up edge lists each original row with its own subject', async () => {
    const rolled = expected(['russia'], 1, true);
    const lavrovRow = rolled.rows.map((i) => dataset.relations[i]).find((r) => r.subject === 'sergei-lavrov')!;
    expect(lavrovRow).toBeDefined();
    const page = await app.open('?scope=russia&depth=1&rollup=1');
    // The table lists the original rows; its Evidence button opens the rolled edge they are drawn in.
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const row = page.locator('tr', { hasText: lavrovRow.quote.slice(0, 40) }).first();
    await row.getByRole('button', { name: /Evidence/ }).click();
    const details = page.locator('aside[aria-label="Details"]');
    await expect(details.innerText()).resolves.toContain('Sergei Lavrov');
    await expect(details.innerText()).resolves.toContain(lavrovRow.quote.slice(0, 40));
  });

  test('exports cover only the scoped, rolled-up rows and say so', async () => {
    const page = await app.open('?scope=russia&depth=1&rollup=1');
    const want = expected(['russia'], 1, true);
    await page.locator('summary', { hasText: 'Export data' }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^CSV\b/ }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^entente_scope-russia-d1_rolled-up_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv$/);
    const [header, ...records] = readCsvRecords(await readFile((await csv.path())!, 'utf8')).records.map((r) => r.cells);
    const got = records.map((r) => `${r[header.indexOf('subject')]}|${r[header.indexOf('object')]}|${r[header.indexOf('date')]}`).sort();
    expect(got).toEqual(want.rows.map((i) => `${dataset.relations[i].subject}|${dataset.relations[i].object}|${dataset.relations[i].date}`).sort());

    await page.locator('summary', { hasText: 'Export data' }).click();
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^JSON\b/ }).click()]);
    const doc = JSON.parse(await readFile((await json.path())!, 'utf8'));
    expect(doc.counts.relations).toBe(want.rows.length);
    expect(doc.view).toMatchObject({ scope: ['russia'], depth: 1, rolledUp: true });

    await page.locator('summary', { hasText: 'Export data' }).click();
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^GEXF\b/ }).click()]);
    const xml = await readFile((await gexf.path())!, 'utf8');
    const edgeIds = [...xml.matchAll(/<edge id="([^"]+)"/g)].map((m) => m[1].replace(/&gt;/g, '>')).sort();
    expect(edgeIds).toEqual([...want.edges].sort());
    expect(xml).toContain('scope: russia and its neighbours');
    expect(xml).not.toMatch(/<node id="sergei-lavrov"/);

    await page.locator('header').getByRole('button', { name: 'Export PNG', exact: true }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('input[name="size"][value="1920x1080"]').check();
    await dialog.getByLabel('Caption', { exact: true }).check();
    const [png] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), dialog.getByRole('button', { name: 'Export PNG', exact: true }).click()]);
    expect(png.suggestedFilename()).toMatch(/^entente_scope-russia-d1_rolled-up_.*\.png$/);
    const lines = await page.evaluate(() => (window as unknown as { __ententeLastExport: { layout: { caption: { lines: Array<{ text: string }> } } } }).__ententeLastExport.layout.caption.lines.map((l) => l.text).join('\n'));
    expect(lines).toContain(`${want.rows.length} relations`);
    expect(lines).toContain('Scope: Russia and its neighbours');
    expect(lines).toContain('People and bodies counted as their state or organisation');
  });
});
