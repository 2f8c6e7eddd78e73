/**
 * GEXF and CSV files downloaded from the built app, read by other tools: the
 * GEXF validates against the official GEXF 1.3 RelaxNG schema (xmllint),
 * reads back in graphology-gexf (and networkx when python3 has it) with the
 * edges, counts and spells the core computes independently for the same
 * window; the CSV carries a UTF-8 byte-order mark exactly when asked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { DOMParser } from '@xmldom/xmldom';
import { formatDay, todayDayNumber } from '../../src/lib/core/dates';
import { filterRelations, typeMaskOf } from '../../src/lib/core/filter';
import { mergeSpans } from '../../src/lib/core/gexf-write';
import { loadDataset } from '../../src/lib/core/load';
import { buildRelationIndex, type RelationIndex } from '../../src/lib/core/relation-index';
import { readGraphDataFolder } from '../../scripts/read-graph-data';
import { statusCounts, useBuiltApp } from './harness';

const SCHEMA = resolve(__dirname, '../../../shared/fixtures/gexf-1.3/gexf.rng');
const hasSchema = existsSync(SCHEMA);
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const hasNetworkx = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' }).status === 0;
if (!hasSchema) console.warn(`gexf-export e2e: ${SCHEMA} is absent (../shared/fixtures); schema validation skipped`);
if (!hasXmllint) console.warn('gexf-export e2e: xmllint is not installed (Debian package libxml2-utils); schema validation skipped');
if (!hasNetworkx) console.warn('gexf-export e2e: python3 with networkx is not available; the networkx read-back is skipped');

const app = useBuiltApp(resolve(process.env.E2E_DIST ?? 'dist'));
let index: RelationIndex;

beforeAll(() => {
  const result = loadDataset(readGraphDataFolder(resolve(__dirname, '../../graph-data')));
  if (!result.ok) throw new Error('bundled dataset does not load');
  // The app's index uses today's date for standing relations; so does this one.
  index = buildRelationIndex(result.dataset, todayDayNumber());
});

async function download(page: Page, item: RegExp): Promise<{ path: string; name: string }> {
  await page.locator('summary', { hasText: 'Export data' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: item }).click()]);
  return { path: await file.path(), name: file.suggestedFilename() };
}

function xmllint(path: string): { status: number | null; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, path], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Edge keys, row counts and merged spells of the window, computed through the core as the filter defines them. */
function expected(from: number, to: number): Map<string, { count: number; spells: string[][] }> {
  const result = filterRelations(index, { from, to, typeMask: typeMaskOf(index, index.typeIds) });
  const out = new Map<string, { count: number; spells: string[][] }>();
  index.edges.forEach((edge, e) => {
    if (result.edgeCounts[e] === 0) return;
    const rows = Array.from(index.edgeRelations[e]).filter((i) => result.visible[i]);
    const spells = mergeSpans(rows.map((i) => ({ start: index.starts[i], end: index.ends[i] }))).map((s) => [formatDay(s.start), formatDay(s.end)]);
    out.set(edge.key, { count: rows.length, spells });
  });
  return out;
}

async function checkGexf(page: Page, from: string, to: string): Promise<void> {
  const { shown } = await statusCounts(page);
  const file = await download(page, /^GEXF\b/);
  expect(file.name).toBe(`entente_${from}_${to}.gexf`);
  const text = await readFile(file.path, 'utf8');

  if (hasSchema && hasXmllint) {
    const { status, output } = xmllint(file.path);
    expect(output).toContain('validates');
    expect(status).toBe(0);
  }

  const graph = parse(Graph, text);
  const visible = await page.evaluate(() => (window as unknown as { __entente: { visibleEdges(): unknown[] } }).__entente.visibleEdges().length);
  expect(graph.size).toBe(visible);
  expect(graph.getAttribute('creator')).toBe('Entente');
  expect(graph.getAttribute('description')).toContain(`${from} to ${to}`);
  expect(graph.getAttribute('keywords')).toContain(`window ${from}/${to}`);

  const want = expected(Date.parse(`${from}T00:00:00Z`) / 86_400_000, Date.parse(`${to}T00:00:00Z`) / 86_400_000);
  expect(new Set(graph.edges())).toEqual(new Set(want.keys()));
  let total = 0;
  graph.forEachEdge((edge, a) => {
    expect(a.count, edge).toBe(want.get(edge)!.count);
    expect(String(a.quotes).split('\n')).toHaveLength(a.count);
    total += a.count;
  });
  expect(total).toBe(shown);

  const doc = new DOMParser().parseFromString(text, 'application/xml');
  expect(doc.getElementsByTagName('graph')[0].getAttribute('mode')).toBe('dynamic');
  for (const element of Array.from(doc.getElementsByTagName('edge'))) {
    const spells = Array.from(element.getElementsByTagName('spell')).map((s) => [s.getAttribute('start'), s.getAttribute('end')]);
    expect(spells, element.getAttribute('id')!).toEqual(want.get(element.getAttribute('id')!)!.spells);
    expect(element.hasAttribute('type')).toBe(false);
  }

  if (hasNetworkx) {
    const script = 'import sys, json, networkx as nx\nG = nx.read_gexf(sys.argv[1])\nprint(json.dumps([G.number_of_nodes(), G.number_of_edges(), G.graph["mode"]]))';
    const run = spawnSync('python3', ['-c', script, file.path], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([graph.order, graph.size, 'dynamic']);
  }
}

describe('GEXF download', () => {
  test('the full view validates, and reads back with the core’s edges, counts and spells', async () => {
    const page = await app.open('');
    const extent = { from: formatDay(index.extent.start), to: formatDay(index.extent.end) };
    await checkGexf(page, extent.from, extent.to);
    await page.context().close();
  });

  test('a 2022 window validates, and holds exactly the 2022 edges', async () => {
    const page = await app.open('?from=2022-01-01&to=2022-12-31');
    await expect.poll(async () => (await statusCounts(page)).shown).toBeLessThan(index.relationCount);
    await checkGexf(page, '2022-01-01', '2022-12-31');
    await page.context().close();
  });
});

describe('CSV byte-order mark', () => {
  test('the "UTF-8 BOM (for Excel)" option adds EF BB BF; without it the file starts with the header', async () => {
    const page = await app.open('');
    const plain = await readFile((await download(page, /^CSV\b/)).path);
    expect([...plain.subarray(0, 7)]).toEqual([...Buffer.from('subject')]);

    await page.locator('summary', { hasText: 'Export data' }).click();
    await page.getByLabel('UTF-8 BOM (for Excel)').check();
    // The menu stays open for the choice; close it so download() opens it afresh.
    await page.locator('summary', { hasText: 'Export data' }).click();
    const withBom = await readFile((await download(page, /^CSV\b/)).path);
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBom.subarray(3).equals(plain)).toBe(true);
    expect(plain.toString('utf8')).toMatch(/[’“”]/);
    expect(plain.toString('utf8')).toContain('\r\n');
    await page.context().close();
  });
});
