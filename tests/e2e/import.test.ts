/**
 * End-to-end tests of opening one's own data in the built app: drop a
 * graph-data zip, pick a folder, map an edge list, see every problem of a
 * malformed dataset with the previous view intact, find an import again after
 * a reload, switch back to the bundled dataset, download the current dataset
 * as a zip and re-import it identically, and keep the page responsive (and
 * cancellable) while a 50 MB file is parsed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { useBuiltApp, waitForSettledGraph } from './harness';
import { importInput } from '../../src/lib/core/import';
import type { InputFile } from '../../src/lib/core/formats/types';

const FIXTURES = resolve('tests/fixtures/import-ui');
const PEER_FILES = resolve('../shared/fixtures/peer-files');
const HAS_EDGE_LIST = existsSync(resolve('src/lib/core/formats/edge-list.ts'));
const HAS_GDELT = existsSync(resolve('src/lib/core/formats/gdelt.ts'));
const HAS_GEXF_GRAPHML = existsSync(resolve('src/lib/core/formats/gexf.ts')) && existsSync(resolve('src/lib/core/formats/graphml.ts'));

const app = useBuiltApp(resolve(process.env.E2E_DIST ?? 'dist'));
let page: Page;

function folderFiles(dir: string, root = dir): InputFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? folderFiles(path, root) : [{ path: relative(root, path), bytes: new Uint8Array(readFileSync(path)) }];
  });
}

const zipOfFolder = (dir: string) => zipSync(Object.fromEntries(folderFiles(dir).map((f) => [f.path, f.bytes])));

/** Drops files on the page the way a browser does: a drop event whose DataTransfer holds File objects. */
async function dropFiles(files: Array<{ name: string; bytes: Uint8Array }>): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const binary = atob(f.b64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      dt.items.add(new File([bytes], f.name));
    }
    return dt;
  }, payload);
  await page.dispatchEvent('main.stage', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main.stage', 'drop', { dataTransfer: transfer });
}

const dialog = () => page.locator('dialog.open-data');

async function previewCounts(): Promise<Record<string, string>> {
  const counts = dialog().getByTestId('import-counts');
  await counts.waitFor({ timeout: 60_000 });
  const out: Record<string, string> = {};
  for (const key of ['actors', 'relations', 'sources', 'types', 'dates']) out[key] = (await counts.locator(`[data-count="${key}"]`).innerText()).trim();
  return out;
}

async function headerSummary(): Promise<string> {
  return (await page.locator('header.header .summary').innerText()).replace(/\s+/g, ' ').trim();
}

async function confirmImport(): Promise<void> {
  await dialog().getByRole('button', { name: 'Open and save' }).click();
  await dialog().waitFor({ state: 'hidden' });
  await waitForSettledGraph(page);
}

async function openSwitcher() {
  await page.locator('header.header').getByRole('button', { name: /▾/ }).click();
  const switcher = page.getByRole('dialog', { name: 'Datasets' });
  await switcher.waitFor();
  return switcher;
}

const edgeKeys = () => page.evaluate(() => (window as unknown as { __entente: { visibleEdges(): Array<{ relation: string; source: string; target: string }> } }).__entente.visibleEdges().map((e) => `${e.source}>${e.target}:${e.relation}`).sort());

let bundledSummary = '';

beforeAll(async () => {
  page = await app.open('');
  bundledSummary = await headerSummary();
});

afterAll(() => {
  for (const watched of app.pages) expect(watched.consoleErrors, 'console errors').toEqual([]);
});

describe('opening a graph-data zip', () => {
  test('a dropped zip shows a preview with its counts, and replaces the view only once confirmed', async () => {
    await dropFiles([{ name: 'small-graph-data.zip', bytes: zipOfFolder(join(FIXTURES, 'small-graph-data')) }]);
    expect(await previewCounts()).toEqual({ actors: '5', relations: '5', sources: '2', types: '3', dates: '2021-03-01 – 2022-06-11' });
    await expect(dialog().getByText('every quote was found verbatim')).toBeTruthy();
    expect(await dialog().getByRole('status').first().innerText()).toContain('every quote was found verbatim');
    expect(await headerSummary()).toBe(bundledSummary);
    await confirmImport();
    expect(await headerSummary()).toBe('5 actors · 5 relations · 2 sources');
    expect((await edgeKeys()).length).toBeGreaterThan(0);
  });

  test('the import is still there after a reload', async () => {
    const before = await edgeKeys();
    await page.reload();
    await waitForSettledGraph(page);
    expect(await headerSummary()).toBe('5 actors · 5 relations · 2 sources');
    expect(await page.locator('header.header button .name').innerText()).toBe('small-graph-data');
    expect(await edgeKeys()).toEqual(before);
  });

  test('"Download dataset" writes a zip that re-imports as the identical dataset', async () => {
    const before = await edgeKeys();
    const switcher = await openSwitcher();
    const [download] = await Promise.all([page.waitForEvent('download'), switcher.getByRole('button', { name: 'Download dataset (.zip)' }).click()]);
    expect(download.suggestedFilename()).toBe('small-graph-data.zip');
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    await switcher.getByRole('button', { name: 'Close' }).click();

    const original = importInput(folderFiles(join(FIXTURES, 'small-graph-data')), { vocabulary: '' });
    const again = importInput([{ path: 'small-graph-data.zip', bytes }], { vocabulary: '' });
    expect(again.load.issues).toEqual([]);
    expect(again.load.dataset).toEqual(original.load.dataset);
    expect(again.texts).toEqual(original.texts);

    await dropFiles([{ name: 'small-graph-data.zip', bytes }]);
    expect(await previewCounts()).toEqual({ actors: '5', relations: '5', sources: '2', types: '3', dates: '2021-03-01 – 2022-06-11' });
    await confirmImport();
    expect(await headerSummary()).toBe('5 actors · 5 relations · 2 sources');
    expect(await edgeKeys()).toEqual(before);
  });

  test('the switcher lists both imports with counts, renames, deletes, and switches back to the bundled dataset', async () => {
    const switcher = await openSwitcher();
    const items = switcher.locator('li[data-dataset]');
    expect(await items.count()).toBe(3);
    expect(await items.first().getAttribute('data-dataset')).toBe('bundled');
    expect(await switcher.locator('li.current [data-count="relations"]').innerText()).toBe('5 relations');

    const current = switcher.locator('li.current');
    await current.getByRole('button', { name: 'Rename' }).click();
    await current.getByLabel('New name').fill('Test lands');
    await current.getByRole('button', { name: 'Save' }).click();
    await switcher.locator('li.current .entry-name', { hasText: 'Test lands' }).waitFor();
    expect(await page.locator('header.header button .name').innerText()).toBe('Test lands');

    const other = switcher.locator('li:not(.current):not([data-dataset="bundled"])');
    await other.getByRole('button', { name: 'Delete' }).click();
    await other.getByRole('button', { name: 'Delete for good' }).click();
    await expect.poll(() => items.count()).toBe(2);

    await switcher.locator('li[data-dataset="bundled"]').getByRole('button', { name: 'Open' }).click();
    await switcher.waitFor({ state: 'hidden' });
    await waitForSettledGraph(page);
    expect(await headerSummary()).toBe(bundledSummary);
    await page.reload();
    await waitForSettledGraph(page);
    expect(await headerSummary()).toBe(bundledSummary);
  });
});

describe('malformed input', () => {
  test('a folder with errors lists each with file, line and field; the view stays as it was', async () => {
    const edgesBefore = await edgeKeys();
    await page.locator('button.open-data').click();
    await dialog().locator('input[webkitdirectory]').setInputFiles(join(FIXTURES, 'malformed'));
    const table = dialog().getByRole('table', { name: 'Problems found' });
    await table.waitFor({ timeout: 60_000 });
    expect(await dialog().getByRole('alert').innerText()).toMatch(/^\d+ problems; nothing was loaded/);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).slice(0, 3).map((td) => td.textContent!.trim()).join(' ')));
    expect(rows).toEqual(expect.arrayContaining(['actors.csv 3 kind', 'relations/src-a.csv 3 object', 'relations/src-a.csv 3 date']));
    const [report] = await Promise.all([page.waitForEvent('download'), dialog().getByRole('button', { name: 'Download the full report' }).click()]);
    expect(readFileSync((await report.path())!, 'utf8')).toContain('relations/src-a.csv:3: date: "2021-13-01"');
    expect(await headerSummary()).toBe(bundledSummary);
    await dialog().getByRole('button', { name: 'Close', exact: true }).last().click();
    await dialog().waitFor({ state: 'hidden' });
    expect(await edgeKeys()).toEqual(edgesBefore);
  });

  test('a zip with a path outside its folder is refused by entry name', async () => {
    const evil = zipSync({ 'actors.csv': new TextEncoder().encode('id\n'), '../escape.csv': new TextEncoder().encode('x\n') });
    await dropFiles([{ name: 'evil.zip', bytes: evil }]);
    const table = dialog().getByRole('table', { name: 'Problems found' });
    await table.waitFor({ timeout: 60_000 });
    expect(await table.innerText()).toContain('"../escape.csv" refused');
    await dialog().getByRole('button', { name: 'Close', exact: true }).last().click();
    expect(await headerSummary()).toBe(bundledSummary);
  });
});

describe.skipIf(!HAS_EDGE_LIST)('edge lists', () => {
  test('an edge list goes through the mapping step and creates its actors', async () => {
    await dropFiles([{ name: 'edges.csv', bytes: new Uint8Array(readFileSync(join(FIXTURES, 'edges.csv'))) }]);
    const form = dialog().locator('form.mapping');
    await form.waitFor({ timeout: 60_000 });
    expect(await form.locator('select[data-role="subject"]').inputValue()).toBe('from');
    expect(await form.locator('select[data-role="object"]').inputValue()).toBe('to');
    await form.locator('select[data-role="quote"]').selectOption('evidence');
    expect(await form.getByRole('table').locator('tbody tr').count()).toBe(4);
    await form.getByRole('button', { name: 'Read all rows' }).click();
    const counts = await previewCounts();
    expect(counts).toMatchObject({ actors: '4', relations: '4' });
    await confirmImport();
    expect(await headerSummary()).toMatch(/^4 actors · 4 relations/);
  });

  test('the page answers while a 50 MB edge list is parsed, and Cancel stops it', async () => {
    await page.evaluate(() => {
      const rows = ['subject,object,type,date,quote'];
      for (let i = 0; rows.length < 380_000; i++) rows.push(`Actor number ${i % 5000},Counterpart number ${(i * 7) % 5000},cooperation,2021-01-${String((i % 28) + 1).padStart(2, '0')},Row ${i} of a generated list with a longer quote to reach fifty megabytes`);
      const file = new File([rows.join('\n')], 'big.csv');
      (window as unknown as { __bigFile: File }).__bigFile = file;
    });
    const size = await page.evaluate(() => (window as unknown as { __bigFile: File }).__bigFile.size);
    expect(size).toBeGreaterThan(50 * 1024 * 1024);
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add((window as unknown as { __bigFile: File }).__bigFile);
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    const form = dialog().locator('form.mapping');
    await form.waitFor({ timeout: 60_000 });
    await form.getByRole('button', { name: 'Read all rows' }).click();
    const progressRows = () => page.evaluate(() => {
      const match = /Parsing: [\d.]+ of [\d.]+ MB, ([\d,]+) rows/.exec(document.querySelector('[data-testid="import-progress"]')?.textContent ?? '');
      return match ? Number(match[1].replace(/,/g, '')) : -1;
    });
    await page.waitForFunction(() => /Parsing: [\d.]+ of [\d.]+ MB, [1-9]/.test(document.querySelector('[data-testid="import-progress"]')?.textContent ?? ''), null, { timeout: 60_000 });
    const firstRows = await progressRows();
    // While the worker parses, the page keeps drawing frames and showing progress: the main thread is free.
    const frame = await page.evaluate(
      () =>
        new Promise<{ gap: number; phase: string | null }>((done) => {
          const start = performance.now();
          requestAnimationFrame(() => requestAnimationFrame(() => done({ gap: performance.now() - start, phase: document.querySelector('dialog.open-data')!.getAttribute('data-phase') })));
        }),
    );
    expect(frame.phase).toBe('parsing');
    await page.waitForFunction((n) => {
      const match = /([\d,]+) rows/.exec(document.querySelector('[data-testid="import-progress"]')?.textContent ?? '');
      return !!match && Number(match[1].replace(/,/g, '')) > n;
    }, firstRows, { timeout: 60_000 });
    expect(await dialog().getAttribute('data-phase')).toBe('parsing');
    console.info(`import.test: 50 MB edge list: ${(size / 1048576).toFixed(1)} MB, two frames took ${frame.gap.toFixed(0)} ms during parsing; progress moved past ${firstRows} rows`);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().getByText('Cancelled. Nothing was loaded').waitFor();
    expect(await dialog().getAttribute('data-phase')).toBe('choose');
    await dialog().getByRole('button', { name: 'Close' }).click();
    expect(await headerSummary()).toMatch(/^4 actors · 4 relations/);
  });
});

describe.skipIf(!HAS_GDELT)('machine-coded events', () => {
  test('a GDELT export shows its skipped rows, and its evidence says it is machine-coded, with its attributes; its zip round-trips', async () => {
    await dropFiles([{ name: '20220916.export.CSV', bytes: new Uint8Array(readFileSync(join(FIXTURES, '20220916.export.CSV'))) }]);
    expect(await previewCounts()).toMatchObject({ actors: '3', relations: '2', sources: '2' });
    expect(await dialog().getByRole('list', { name: 'Skipped rows' }).innerText()).toContain('1 rows without two actors');
    await confirmImport();
    await page.locator('header.header').getByRole('button', { name: 'Table' }).click();
    await page.getByRole('button', { name: /^Evidence for .*Azerbaijan and Armenia/ }).click();
    const machine = page.getByTestId('machine-coded');
    await machine.waitFor();
    expect((await machine.innerText()).replace(/\s+/g, ' ').trim()).toBe('machine-coded by GDELT from https://example.org/gdelt/accuse; no quote');
    expect(await page.locator('dl.attrs').first().innerText()).toContain('goldstein_scale');
    await page.locator('header.header').getByRole('button', { name: 'Graph' }).click();

    const switcher = await openSwitcher();
    const [download] = await Promise.all([page.waitForEvent('download'), switcher.getByRole('button', { name: 'Download dataset (.zip)' }).click()]);
    await switcher.getByRole('button', { name: 'Close' }).click();
    const vocabulary = readFileSync('graph-data/relation-types.csv', 'utf8');
    const original = importInput([{ path: 'x.export.CSV', bytes: new Uint8Array(readFileSync(join(FIXTURES, '20220916.export.CSV'))) }], { vocabulary });
    const again = importInput([{ path: 'd.zip', bytes: new Uint8Array(readFileSync((await download.path())!)) }], { vocabulary });
    expect(again.load.issues).toEqual([]);
    expect(again.load.dataset).toEqual(original.load.dataset);
  });
});

describe.skipIf(!HAS_GEXF_GRAPHML || !existsSync(PEER_FILES))('peer files from ../shared/fixtures', () => {
  test.each([
    ['les-miserables.gexf', '77', '254'],
    ['airlines.graphml', '235', '2,101'],
  ])('%s comes through with %s actors and %s relations', async (name, actors, relations) => {
    await dropFiles([{ name, bytes: new Uint8Array(readFileSync(join(PEER_FILES, name))) }]);
    const counts = await previewCounts();
    expect(counts).toMatchObject({ actors, relations });
    await dialog().getByRole('button', { name: 'Cancel' }).click();
  });
});

if (!HAS_EDGE_LIST) console.warn('import.test: edge-list tests skipped: src/lib/core/formats/edge-list.ts (H6) is not merged into this branch yet');
if (!HAS_GEXF_GRAPHML) console.warn('import.test: peer-file tests skipped: the GEXF and GraphML formats (H6) are not merged into this branch yet');
else if (!existsSync(PEER_FILES)) console.warn(`import.test: peer-file tests skipped: ${PEER_FILES} is absent`);
