/**
 * End-to-end tests of issue 13 §3 and §4 in the built app: leaving out an outlet, an actor kind and light
 * edges, and comparing 2020 with 2022. Every expected number is computed here through the core in Node,
 * independently of the app's own code paths: on a dataset with the left-out rows removed, and with one
 * reference scan (filterRelations) per period.
 */
import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { statusCounts, useBuiltApp } from './harness';
import { loadDataset } from '../../src/lib/core/load';
import { buildRelationIndex, type RelationIndex } from '../../src/lib/core/relation-index';
import { filterRelations, typeMaskOf } from '../../src/lib/core/filter';
import { parsePartialDate, todayDayNumber } from '../../src/lib/core/dates';
import type { Dataset } from '../../src/lib/core/model';
import { PERIOD_COLORS } from '../../src/lib/core/compare';
import { readGraphDataFolder } from '../../scripts/read-graph-data';

const loaded = loadDataset(readGraphDataFolder(fileURLToPath(new URL('../../graph-data', import.meta.url))));
if (!loaded.ok) throw new Error('e2e: graph-data does not load');
const dataset = loaded.dataset;
const today = todayDayNumber();
const index = buildRelationIndex(dataset, today);
const kindOf = new Map(dataset.actors.map((a) => [a.id, a.kind]));

function windowResult(ix: RelationIndex, from: string, to: string) {
  return filterRelations(ix, { from: parsePartialDate(from)!.start, to: parsePartialDate(to)!.end, typeMask: typeMaskOf(ix, ix.typeIds) });
}
const reduced = (keep: (r: Dataset['relations'][number]) => boolean) => buildRelationIndex({ ...dataset, relations: dataset.relations.filter(keep) }, today);
const WHOLE = [index.extent.start, index.extent.end].map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)) as [string, string];

/** Edge keys drawn in one year with their relation counts, by the reference scan. */
function edgesIn(year: string): Map<string, number> {
  const result = windowResult(index, year, year);
  return new Map(index.edges.flatMap((e, i) => (result.edgeCounts[i] > 0 ? [[e.key, result.edgeCounts[i]] as const] : [])));
}
const in2020 = edgesIn('2020');
const in2022 = edgesIn('2022');
const EXPECTED = {
  a: [...in2020.keys()].filter((k) => !in2022.has(k)).sort(),
  b: [...in2022.keys()].filter((k) => !in2020.has(k)).sort(),
  both: [...in2020.keys()].filter((k) => in2022.has(k)).sort(),
};

type Hooks = {
  visibleEdges(): Array<{ key: string; source: string; target: string }>;
  edgeColor(key: string): string | null;
  nodePosition(id: string): { x: number; y: number };
};
const drawnEdges = (page: Page) =>
  page.evaluate(() => {
    const h = (window as unknown as { __entente: Hooks }).__entente;
    return h.visibleEdges().map((e) => ({ key: e.key, source: e.source, target: e.target, color: h.edgeColor(e.key) }));
  });
const positions = (page: Page) =>
  page.evaluate((ids) => ids.map((id) => (window as unknown as { __entente: Hooks }).__entente.nodePosition(id)), dataset.actors.map((a) => a.id));
const waitForStatus = (page: Page, shown: number) =>
  page.waitForFunction((n) => new RegExp(`Showing ${n} of`).test(document.querySelector('[data-testid="status"]')?.textContent ?? ''), shown);
/** The query string once the settled view has been written to the history. */
const waitForQuery = (page: Page, part: string) => page.waitForFunction((p) => location.search.includes(p), part);

const app = useBuiltApp();

describe('filter by source, kind and weight', () => {
  test('leaving out RT changes the status count to the core number, in the URL too', async () => {
    const rt = new Set(dataset.sources.filter((s) => s.outlet === 'RT').map((s) => s.id));
    const expected = windowResult(reduced((r) => !rt.has(r.source)), ...WHOLE).visibleCount;
    expect(expected).toBeLessThan(dataset.relations.length);
    const page = await app.open('');
    expect((await statusCounts(page)).shown).toBe(dataset.relations.length);
    await page.getByRole('checkbox', { name: 'Outlet RT' }).uncheck();
    await waitForStatus(page, expected);
    await waitForQuery(page, 'hide-outlet=RT');
    // The outlet's own count still says what it would bring back.
    const rtCount = dataset.relations.filter((r) => rt.has(r.source)).length;
    await expect(page.locator('[data-testid="outlet"][data-outlet="RT"]').getAttribute('data-count')).resolves.toBe(String(rtCount));

    // Only one article: its rows alone.
    const one = dataset.sources[2];
    await page.getByRole('button', { name: `List the 1 source of ${one.outlet}` }).click();
    await page.getByRole('button', { name: `Only ${one.title}` }).click();
    await waitForStatus(page, dataset.relations.filter((r) => r.source === one.id).length);
    await waitForQuery(page, `sources=${one.id}`);
  });

  test('leaving out persons hides every relation a person takes part in', async () => {
    const expected = windowResult(reduced((r) => kindOf.get(r.subject) !== 'person' && kindOf.get(r.object) !== 'person'), ...WHOLE).visibleCount;
    const page = await app.open('');
    const persons = await page.getByTestId('kind-count-person').getAttribute('data-count');
    await page.getByRole('checkbox', { name: 'Person', exact: true }).uncheck();
    await waitForStatus(page, expected);
    const edges = await drawnEdges(page);
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.filter((e) => kindOf.get(e.source) === 'person' || kindOf.get(e.target) === 'person')).toEqual([]);
    // The kind's own count stays, as the type legend's does for a hidden type.
    expect(await page.getByTestId('kind-count-person').getAttribute('data-count')).toBe(persons);
    expect(Number(persons)).toBe(new Set(dataset.relations.flatMap((r) => [r.subject, r.object]).filter((id) => kindOf.get(id) === 'person')).size);
    await waitForQuery(page, 'kinds=state');
  });

  test('a minimum of 3 relations per edge draws only the heavier edges, and the status line counts them', async () => {
    const all = windowResult(index, ...WHOLE);
    const heavy = index.edges.flatMap((e, i) => (all.edgeCounts[i] >= 3 ? [e.key] : []));
    const rows = index.edges.reduce((n, _, i) => n + (all.edgeCounts[i] >= 3 ? all.edgeCounts[i] : 0), 0);
    const page = await app.open('');
    await page.getByTestId('min-weight').fill('3');
    await page.getByTestId('min-weight').press('Enter');
    await waitForStatus(page, rows);
    expect((await drawnEdges(page)).map((e) => e.key).sort()).toEqual(heavy.sort());
    await waitForQuery(page, 'min-relations=3');
  });

  test('the weight field is bounded by the heaviest edge in view once the pointer or focus comes to it', async () => {
    const all = windowResult(index, ...WHOLE);
    const heaviest = Math.max(1, ...all.edgeCounts);
    expect(heaviest).toBeGreaterThan(3);
    for (const reach of ['hover', 'focus'] as const) {
      const field = (await app.open('')).getByTestId('min-weight');
      await field[reach]();
      await expect.poll(() => field.getAttribute('max')).toBe(String(heaviest));
    }
  });
});

describe('compare two periods', () => {
  let sharedQuery = '';
  test('2020 against 2022 marks exactly the edges of each year, counts them, keeps the layout and restores from the URL', async () => {
    expect(EXPECTED.a.length * EXPECTED.b.length * EXPECTED.both.length).toBeGreaterThan(0);
    const page = await app.open('');
    const before = await positions(page);
    await page.getByTestId('compare-toggle').check();
    for (const [field, year] of [['period-a', '2020'], ['period-b', '2022']] as const) {
      await page.getByTestId(field).fill(year);
      await page.getByTestId(field).press('Enter');
    }
    await page.waitForFunction((n) => document.querySelector('[data-testid="compare-count-both"]')?.textContent?.startsWith(String(n)), EXPECTED.both.length);
    for (const state of ['a', 'b', 'both'] as const) {
      expect(await page.getByTestId(`compare-count-${state}`).innerText()).toMatch(new RegExp(`^${EXPECTED[state].length}\\b`));
    }
    const edges = await drawnEdges(page);
    const byColor = (state: 'a' | 'b' | 'both') => edges.filter((e) => e.color === PERIOD_COLORS[state].light).map((e) => e.key).sort();
    expect({ a: byColor('a'), b: byColor('b'), both: byColor('both') }).toEqual(EXPECTED);
    expect(edges.length).toBe(EXPECTED.a.length + EXPECTED.b.length + EXPECTED.both.length);
    const inA = windowResult(index, '2020', '2020').visible.slice();
    const inB = windowResult(index, '2022', '2022').visible;
    expect((await statusCounts(page)).shown).toBe(dataset.relations.filter((_, i) => inA[i] || inB[i]).length);
    // Comparing is a display change: no node moved.
    expect(await positions(page)).toEqual(before);

    await waitForQuery(page, 'compare=2022');
    const query = await page.evaluate(() => location.search);
    expect(query).toContain('from=2020-01-01');
    expect(query).toContain('to=2020-12-31');
    sharedQuery = query;
    // Back leaves the comparison, as it undoes any other view change.
    // Each settled step (comparison on, A typed, B typed) is an entry; Back walks them to the view before.
    for (let step = 0; step < 4 && (await page.evaluate(() => location.search.includes('compare='))); step++) {
      const at = await page.evaluate(() => location.search);
      await page.goBack();
      await page.waitForFunction((previous) => location.search !== previous, at);
    }
    expect(await page.evaluate(() => location.search)).not.toContain('compare=');
    await page.getByTestId('compare-legend').waitFor({ state: 'detached' });
    expect((await statusCounts(page)).shown).toBe(dataset.relations.length);
  });

  test('the link of a comparison restores it', async () => {
    expect(sharedQuery).toContain('compare=');
    const reopened = await app.open(sharedQuery);
    for (const state of ['a', 'b', 'both'] as const) {
      expect(await reopened.getByTestId(`compare-count-${state}`).innerText()).toMatch(new RegExp(`^${EXPECTED[state].length}\\b`));
    }
    expect(await reopened.getByTestId('period-b').inputValue()).toBe('2022');
  });

  test('the table keeps the rows of edges only in B', async () => {
    const onlyB = new Set(EXPECTED.b);
    const inB = windowResult(index, '2022', '2022').visible;
    const expected = dataset.relations.filter((_, i) => inB[i] && onlyB.has(index.edges[index.edgeOf[i]].key));
    expect(expected.length).toBeGreaterThan(0);
    const page = await app.open('?from=2020-01-01&to=2020-12-31&compare=2022');
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.getByTestId('table-state-b').check();
    await page.waitForFunction((n) => document.querySelectorAll('.table-view tbody tr').length === n, expected.length);
    const periods = await page.locator('.table-view td.period').allInnerTexts();
    expect(new Set(periods)).toEqual(new Set(['B only']));
    const quotes = (await page.locator('.table-view td.quote').allInnerTexts()).map((q) => q.replace(/^“|”$/g, '')).sort();
    expect(quotes).toEqual(expected.map((r) => r.quote).sort());
  });
});
