/**
 * End-to-end tests of the view in the query string: an opened link restores
 * types, window and focus; back restores the previous view; bad parameters
 * are reported and ignored. Expected counts come from the core loader in Node.
 */
import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { statusCounts, useBuiltApp } from './harness';
import { loadDataset } from '../../src/lib/core/load';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { filterRelations, typeMaskOf } from '../../src/lib/core/filter';
import { parsePartialDate, todayDayNumber } from '../../src/lib/core/dates';
import { readGraphDataFolder } from '../../scripts/read-graph-data';

const loaded = loadDataset(readGraphDataFolder(fileURLToPath(new URL('../../graph-data', import.meta.url))));
if (!loaded.ok) throw new Error(`e2e: graph-data does not load: ${loaded.issues.length} issues`);
const dataset = loaded.dataset;
const index = buildRelationIndex(dataset, todayDayNumber());
const TOTAL = dataset.relations.length;

function expectedCount(types: readonly string[], from: string, to: string, carryForward = false): number {
  const typeMask = typeMaskOf(index, types);
  return filterRelations(index, { from: parsePartialDate(from)!.start, to: parsePartialDate(to)!.end, typeMask, carryForward }).visibleCount;
}

const SHARED_QUERY = '?types=accusation,request_aid&from=2022-01-01&to=2022-12-31&focus=armenia';
const BAD_QUERY = '?types=nope&from=2022-99-01&bogus=1&focus=nobody';


/** Where an actor's visible neighbours are drawn, against the canvas box with a margin for their markers. */
function neighbourhoodOnScreen(page: Page, actorId: string): Promise<{ moving: true } | { neighbours: number; offScreen: string[] }> {
  return page.evaluate(async (id) => {
    type Hooks = {
      visibleEdges(): Array<{ source: string; target: string }>;
      nodePoint(id: string): { x: number; y: number } | null;
      cameraState(): { x: number; y: number; ratio: number };
    };
    const hooks = (window as unknown as { __entente: Hooks }).__entente;
    // Only a camera that has stopped counts: mid-animation, a passing state could fit by chance.
    const before = JSON.stringify(hooks.cameraState());
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    if (JSON.stringify(hooks.cameraState()) !== before) return { moving: true };
    const neighbours = new Set<string>();
    for (const edge of hooks.visibleEdges()) {
      if (edge.source === id) neighbours.add(edge.target);
      if (edge.target === id) neighbours.add(edge.source);
    }
    const box = document.querySelector('.canvas')!.getBoundingClientRect();
    const offScreen = [id, ...neighbours].filter((node) => {
      const point = hooks.nodePoint(node);
      return !point || point.x < 10 || point.y < 10 || point.x > box.width - 10 || point.y > box.height - 10;
    });
    return { neighbours: neighbours.size, offScreen };
  }, actorId);
}

const app = useBuiltApp();
const open = (query: string) => app.open(query);

async function expectShown(page: Page, shown: number): Promise<void> {
  await expect.poll(() => statusCounts(page), { timeout: 10_000 }).toEqual({ shown, total: TOTAL });
}

async function checkedTypes(page: Page): Promise<string[]> {
  const checked: string[] = [];
  for (const type of dataset.types) {
    if (await page.getByRole('checkbox', { name: type.label, exact: true }).isChecked()) checked.push(type.id);
  }
  return checked;
}


describe('the view in the URL', () => {
  test('a shared link restores types, window and focus; back restores the previous view', async () => {
    const expected = expectedCount(['accusation', 'request_aid'], '2022-01-01', '2022-12-31');
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(18 + 6);
    const page = await open(SHARED_QUERY);

    await expectShown(page, expected);
    expect(await checkedTypes(page)).toEqual(['accusation', 'request_aid']);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2022-01-01');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('2022-12-31');
    const details = page.locator('aside[aria-label="Details"]');
    await details.getByRole('heading', { name: 'Armenia' }).waitFor();
    await details.getByRole('heading', { name: 'Actor', exact: true }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    // The camera frames Armenia with its three neighbours in this view, all of them on screen.
    await expect.poll(() => neighbourhoodOnScreen(page, 'armenia'), { timeout: 5_000 }).toEqual({ neighbours: 3, offScreen: [] });

    await page.getByRole('checkbox', { name: 'Accusation', exact: true }).uncheck();
    const requestsOnly = expectedCount(['request_aid'], '2022-01-01', '2022-12-31');
    expect(requestsOnly).toBeGreaterThan(0);
    expect(requestsOnly).not.toBe(expected);
    await expectShown(page, requestsOnly);
    await expect.poll(() => new URL(page.url()).searchParams.get('types'), { timeout: 5_000 }).toBe('request_aid');

    await page.goBack();
    await expect.poll(() => new URL(page.url()).search, { timeout: 5_000 }).toBe(SHARED_QUERY);
    await expectShown(page, expected);
    expect(await checkedTypes(page)).toEqual(['accusation', 'request_aid']);
    await details.getByRole('heading', { name: 'Armenia' }).waitFor();
  });

  test('bad parameters are reported once each in a notice and ignored', async () => {
    const page = await open(BAD_QUERY);
    const notice = page.getByRole('alert');
    await notice.waitFor();
    const text = await notice.innerText();
    for (const bad of ['"nope"', '2022-99-01', '"bogus"', '"nobody"']) expect(text).toContain(bad);
    expect(await notice.locator('li').count()).toBe(4);
    expect(await page.getByTestId('status').isVisible()).toBe(true);
    expect(await page.locator('aside[aria-label="Details"]').count()).toBe(0);
    // Only unknown types requested: the parameter is ignored, so every type stays shown.
    await expectShown(page, TOTAL);
    expect(await checkedTypes(page)).toEqual(dataset.types.map((t) => t.id));
  });

  test('bad parameters besides types leave the full view', async () => {
    const page = await open(BAD_QUERY.replace('types=nope&', ''));
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').locator('li').count()).toBe(3);
    await expectShown(page, TOTAL);
    expect(await checkedTypes(page)).toEqual(dataset.types.map((t) => t.id));
  });

  test('standing relations end with their sources: 2025 shows none until carried forward, and a link keeps the choice', async () => {
    const page = await open('?from=2025-01-01&to=2025-12-31');
    expect(expectedCount(['leadership', 'office', 'membership', 'peacekeeping'], '2025-01-01', '2025-12-31')).toBe(0);
    await expectShown(page, 0);
    // The empty view says why, and offers the way out.
    await page.getByText(`The sources end on ${dataset.sources.map((x) => x.published).sort().at(-1)}`).waitFor();
    expect(await page.getByRole('button', { name: 'Carry standing relations forward', exact: true }).isVisible()).toBe(true);
    const toggle = page.getByRole('checkbox', { name: 'Carry standing relations forward to today' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    const carried = expectedCount(index.typeIds, '2025-01-01', '2025-12-31', true);
    expect(carried).toBeGreaterThan(20);
    await expectShown(page, carried);
    await expect.poll(() => new URL(page.url()).searchParams.get('carry'), { timeout: 5_000 }).toBe('today');
    // Carried forward, the ministers replaced in 2021 reappear; Zas, whose term has an end date, does not.
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const table = page.locator('table tbody');
    await expect.poll(() => table.innerText(), { timeout: 5_000 }).toContain('Ara Ayvazian');
    expect(await table.innerText()).not.toContain('Stanislav Zas');

    const reopened = await open('?from=2025-01-01&to=2025-12-31&carry=today');
    await expectShown(reopened, carried);
    expect(await reopened.getByRole('checkbox', { name: 'Carry standing relations forward to today' }).isChecked()).toBe(true);
  });

  test('the modality filter hides reported relations, and the URL keeps it', async () => {
    const reported = dataset.relations.filter((r) => r.modality === 'reported').length;
    expect(reported).toBe(6);
    const page = await open('');
    await page.getByRole('checkbox', { name: 'Reported', exact: true }).uncheck();
    await expectShown(page, TOTAL - reported);
    await expect.poll(() => new URL(page.url()).searchParams.get('modality'), { timeout: 5_000 }).toBe('asserted,conditional,denied');
    const reopened = await open('?modality=reported');
    await expectShown(reopened, reported);
    expect(await reopened.getByRole('checkbox', { name: 'Asserted', exact: true }).isChecked()).toBe(false);
  });

  test('the evidence says how far each source attests a standing relation, and when an outlet is not identified', async () => {
    const page = await open('?focus=stanislav-zas');
    const details = page.locator('aside[aria-label="Details"]');
    await details.getByRole('heading', { name: 'Stanislav Zas' }).waitFor();
    const text = await details.innerText();
    expect(text).toContain('attested through 2022-09-14 by RT');
    expect(text).toContain('attested through 2021-05-13 by MassisPost');
    // The row from 001 has its own end date, so it needs no attestation line.
    expect(text).toContain('2022-11-23 – 2022-12-31');

    const afghan = await open('?focus=afghanistan');
    const panel = afghan.locator('aside[aria-label="Details"]');
    await panel.getByRole('heading', { name: 'Afghanistan' }).waitFor();
    const afghanText = await panel.innerText();
    expect(afghanText).toContain('outlet not identified');
    expect(afghanText).not.toContain('Unknown');
  });

  test('no console errors and no requests to other origins', () => {
    expect(app.pages.length).toBeGreaterThan(0);
    for (const { consoleErrors, foreignRequests } of app.pages) {
      expect(consoleErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    }
  });
});
