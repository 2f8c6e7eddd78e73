/**
 * End-to-end tests of exporting the current view: the PNG dialog (pixel size,
 * legend, transparency, the oversize message), the CSV, JSON and GEXF files,
 * and the copied link. Every file is read back from a real download.
 */
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { openPage, statusCounts, waitForSettledGraph, useBuiltApp, type WatchedPage } from './harness';
import { countInk, countNear, decodePng, hexToRgb, pixelAt, type Image, type Region } from './png';
import type { ExportLayout } from '../../src/lib/core/export-layout';
import { parseCsv } from '../../src/lib/core/csv';
import { EXPORT_COLUMNS } from '../../src/lib/core/export-data';
import { relationColorOnDark } from '../../src/lib/render/styles';
import { loadDataset } from '../../src/lib/core/load';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { todayDayNumber } from '../../src/lib/core/dates';
import { readGraphDataFolder } from '../../scripts/read-graph-data';

const loaded = loadDataset(readGraphDataFolder(resolve('graph-data')));
if (!loaded.ok) throw new Error(`e2e: graph-data does not load: ${loaded.issues.length} issues`);
const dataset = loaded.dataset;
const relationIndex = buildRelationIndex(dataset, todayDayNumber());

const COLORS = { accusation: '#ff5566', alliance: '#0072b2', mediation: '#8866ff', leadership: '#881177', support: '#117733' };
const DATED_NAME = /^entente_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.png$/;

const app = useBuiltApp(resolve(process.env.E2E_DIST ?? 'dist'));
let watched: WatchedPage;
let page: Page;
const dialog = () => page.getByRole('dialog', { name: 'Export PNG' });

interface PngOptions {
  size: 'view' | '1920x1080' | '3840x2160' | 'custom';
  width?: number;
  height?: number;
  scale?: 1 | 2 | 4;
  background?: 'white' | 'transparent' | 'dark';
}

async function openDialog(): Promise<Locator> {
  await page.locator('header').getByRole('button', { name: 'Export PNG', exact: true }).click();
  await dialog().waitFor({ state: 'visible' });
  return dialog();
}

async function configure(options: PngOptions): Promise<Locator> {
  const box = await openDialog();
  await box.locator(`input[name="size"][value="${options.size}"]`).check();
  if (options.size === 'custom') {
    await box.getByLabel('Width', { exact: true }).fill(String(options.width));
    await box.getByLabel('Height', { exact: true }).fill(String(options.height));
  }
  await box.locator(`input[name="scale"][value="${options.scale ?? 1}"]`).check();
  await box.locator(`input[name="background"][value="${options.background ?? 'white'}"]`).check();
  await box.locator('input[name="framing"][value="fit"]').check();
  await box.getByLabel('Legend', { exact: true }).check();
  await box.getByLabel('Caption', { exact: true }).check();
  return box;
}

async function submitAndDownload(box: Locator): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    box.getByRole('button', { name: 'Export PNG', exact: true }).click(),
  ]);
  return download;
}

/** Where the last export put graph, legend and caption, in file pixels (recorded by the exporter). */
interface Placed {
  unit: number;
  graph: Region;
  legend: Region;
  caption: Region;
  captionLines: Array<{ text: string; strong: boolean }>;
  legendRow: number;
}

async function lastLayout(): Promise<Placed> {
  const { layout, ratio } = await page.evaluate(() => (window as unknown as { __ententeLastExport: { layout: ExportLayout; ratio: number } }).__ententeLastExport);
  const region = (b: { x: number; y: number; width: number; height: number }) => ({ x0: b.x * ratio, y0: b.y * ratio, x1: (b.x + b.width) * ratio, y1: (b.y + b.height) * ratio });
  const caption = layout.caption!;
  return {
    unit: layout.unit,
    graph: region(layout.graph),
    legend: region(layout.legend!),
    caption: region({ x: 0, y: caption.top, width: layout.width, height: caption.height }),
    captionLines: caption.lines,
    legendRow: layout.legend!.row * ratio,
  };
}

async function exportPng(options: PngOptions): Promise<{ image: Image; name: string; placed: Placed }> {
  const download = await submitAndDownload(await configure(options));
  const image = decodePng(await readFile(await download.path()));
  await dialog().waitFor({ state: 'hidden' });
  return { image, name: download.suggestedFilename(), placed: await lastLayout() };
}

async function exportData(item: 'CSV' | 'JSON' | 'GEXF'): Promise<{ text: string; name: string }> {
  await page.locator('summary', { hasText: 'Export data' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: new RegExp(`^${item}\\b`) }).click(),
  ]);
  return { text: await readFile(await download.path(), 'utf8'), name: download.suggestedFilename() };
}

async function offeredSize(box: Locator): Promise<{ width: number; height: number }> {
  const text = await box.getByRole('button', { name: /^Use \d+ × \d+$/ }).innerText();
  const [, width, height] = /^Use (\d+) × (\d+)$/.exec(text.trim())!.map(Number);
  return { width, height };
}

/** From 2022-01-01 to 2022-12-31, without accusations. */
async function setFilter(): Promise<number> {
  const before = (await statusCounts(page)).shown;
  await page.getByLabel('From', { exact: true }).fill('2022-01-01');
  await page.getByLabel('To', { exact: true }).fill('2022-12-31');
  await page.getByRole('checkbox', { name: 'Accusation', exact: true }).uncheck();
  await expect.poll(async () => (await statusCounts(page)).shown, { timeout: 10_000 }).toBeLessThan(before);
  const { shown } = await statusCounts(page);
  expect(shown).toBeGreaterThan(0);
  return shown;
}

beforeAll(async () => {
  watched = await openPage(app.browser, app.url);
  page = watched.page;
  await waitForSettledGraph(page);
});

/** Every test starts from the full view with the dialog closed. */
beforeEach(async () => {
  if (await dialog().isVisible()) await dialog().getByRole('button', { name: 'Cancel' }).click();
  await dialog().waitFor({ state: 'hidden' });
  const all = page.getByRole('button', { name: 'All', exact: true });
  if (await all.isEnabled()) await all.click();
  const whole = page.locator('.timeline').getByRole('button', { name: 'Whole period' });
  if (await whole.isEnabled()) await whole.click();
  await expect.poll(async () => { const c = await statusCounts(page); return c.shown === c.total; }, { timeout: 10_000 }).toBe(true);
});

describe('PNG export', () => {
  test('the file has the requested pixel size: custom 800 × 500 at 2×, and 1920 × 1080 at 1×', async () => {
    const custom = await exportPng({ size: 'custom', width: 800, height: 500, scale: 2 });
    expect([custom.image.width, custom.image.height]).toEqual([1600, 1000]);
    const preset = await exportPng({ size: '1920x1080', scale: 1 });
    expect([preset.image.width, preset.image.height]).toEqual([1920, 1080]);
  });

  test('the picture is drawn, and its legend shows exactly the active types; the name is dated', async () => {
    // Alliance rather than Membership: membership's dark blue is within the tolerance of the legend's State swatch.
    for (const label of ['Accusation', 'Alliance']) await page.getByRole('checkbox', { name: label, exact: true }).uncheck();
    await expect.poll(async () => (await statusCounts(page)).shown < (await statusCounts(page)).total).toBe(true);
    const scale = 2;
    const { image, name, placed } = await exportPng({ size: 'custom', width: 1200, height: 800, scale });
    expect(name).toMatch(DATED_NAME);

    const graphArea = placed.graph;
    expect(countInk(image, '#ffffff')).toBeGreaterThan(20_000);
    expect(countInk(image, '#ffffff', graphArea)).toBeGreaterThan(10_000);

    const legend = placed.legend;
    expect(countInk(image, '#ffffff', legend)).toBeGreaterThan(2_000);
    expect(countNear(image, COLORS.mediation, legend), 'mediation in the legend').toBeGreaterThanOrEqual(100);
    expect(countNear(image, COLORS.leadership, legend), 'leadership in the legend').toBeGreaterThanOrEqual(100);
    expect(countNear(image, COLORS.accusation, legend), 'accusation in the legend').toBeLessThanOrEqual(2);
    expect(countNear(image, COLORS.alliance, legend), 'alliance in the legend').toBeLessThanOrEqual(2);
  });

  test('a dark export lifts a relation colour that would sink into the background, in graph and legend alike', async () => {
    await page.getByRole('button', { name: 'None', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Support', exact: true }).check();
    await expect.poll(async () => (await statusCounts(page)).shown).toBe(5);
    const scale = 2;
    const { image, placed } = await exportPng({ size: 'custom', width: 1200, height: 800, scale, background: 'dark' });
    const { graph: graphArea, legend } = placed;
    const lifted = relationColorOnDark(COLORS.support);
    expect(lifted).not.toBe(COLORS.support);
    // The original green is not checked for absence: anti-aliased lifted lines blend through it on the dark ground.
    for (const [area, region] of [['graph', graphArea], ['legend', legend]] as const) {
      expect(countNear(image, lifted, region, 16), `lifted support in the ${area}`).toBeGreaterThanOrEqual(50);
    }
  });

  test('a transparent export is transparent in its four corners', async () => {
    const { image } = await exportPng({ size: 'custom', width: 960, height: 600, scale: 1, background: 'transparent' });
    const corners = [[0, 0], [image.width - 1, 0], [0, image.height - 1], [image.width - 1, image.height - 1]];
    for (const [x, y] of corners) expect(pixelAt(image, x, y)[3], `alpha at ${x},${y}`).toBe(0);
    expect(countInk(image, null)).toBeGreaterThan(5_000);
  });

  test('an oversize request explains the largest size and writes no file; the offered size works', async () => {
    let downloads = 0;
    const count = () => downloads++;
    page.on('download', count);
    try {
      const box = await configure({ size: 'custom', width: 20_000, height: 20_000, scale: 4 });
      await box.getByRole('button', { name: 'Export PNG', exact: true }).click();
      const alert = box.getByRole('alert');
      await alert.waitFor({ state: 'visible' });
      expect(await alert.innerText()).toContain('largest size');
      expect(await box.isVisible()).toBe(true);
      expect(downloads).toBe(0);

      const { width, height } = await offeredSize(box);
      expect(width).toBe(height);
      await box.getByRole('button', { name: `Use ${width} × ${height}` }).click();
      expect(await box.getByLabel('Width', { exact: true }).inputValue()).toBe(String(width));
      expect(await box.getByLabel('Height', { exact: true }).inputValue()).toBe(String(height));
      await box.getByText(`Output: ${width * 4} × ${height * 4} pixels`).waitFor();
      // The size check itself passes: its alert, with its "Use" button, is gone.
      await box.getByRole('button', { name: /^Use \d+ × \d+$/ }).waitFor({ state: 'detached' });

      // Downloads arrive in order: the first file seen is the small one asked for next, so the oversize submit wrote none.
      await box.getByLabel('Width', { exact: true }).fill('960');
      await box.getByLabel('Height', { exact: true }).fill('600');
      await box.locator('input[name="scale"][value="1"]').check();
      const download = await submitAndDownload(box);
      const image = decodePng(await readFile(await download.path()));
      expect([image.width, image.height]).toEqual([960, 600]);
      expect(downloads).toBe(1);
    } finally {
      page.off('download', count);
    }
  });

  /**
   * Holds every PNG encoding in the page until released, so a test acts while an export is certainly still
   * running, however slow or fast the machine: the export waits on the test, not the test on a clock.
   */
  async function holdEncoding(): Promise<{ release(): Promise<void> }> {
    await page.evaluate(() => {
      const proto = HTMLCanvasElement.prototype;
      const original = proto.toBlob;
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      (window as unknown as { releaseEncoding(): void }).releaseEncoding = () => {
        proto.toBlob = original;
        open();
      };
      proto.toBlob = function (callback, ...rest) {
        original.call(this, (blob) => void gate.then(() => callback(blob)), ...rest);
      };
    });
    return { release: () => page.evaluate(() => (window as unknown as { releaseEncoding(): void }).releaseEncoding()) };
  }

  for (const how of ['Escape', 'Cancel'] as const) {
    test(`${how} during a running export writes no file; the next export writes exactly one`, async () => {
      const seen: Download[] = [];
      const record = (download: Download) => seen.push(download);
      page.on('download', record);
      const held = await holdEncoding();
      try {
        // A size of its own, so that a late file from this export could not pass for the next one.
        const box = await configure({ size: 'custom', width: 1000, height: 640 });
        await box.getByRole('button', { name: 'Export PNG', exact: true }).click();
        // The app's own state: the export has reached its last step and waits for the encoder.
        await box.getByRole('status').getByText('Encoding PNG…').waitFor();
        if (how === 'Escape') await page.keyboard.press('Escape');
        else await box.getByRole('button', { name: 'Cancel' }).click();
        await dialog().waitFor({ state: 'hidden' });
        await held.release();

        // The dialog's button says when the cancelled export has unwound (it shows "Exporting…" until then).
        const again = await openDialog();
        await again.getByRole('button', { name: 'Export PNG', exact: true }).waitFor({ timeout: 90_000 });
        expect(await again.getByRole('alert').count(), 'a cancel is not an error').toBe(0);
        await again.locator('input[name="size"][value="custom"]').check();
        await again.getByLabel('Width', { exact: true }).fill('960');
        await again.getByLabel('Height', { exact: true }).fill('600');
        const image = decodePng(await readFile(await (await submitAndDownload(again)).path()));
        expect([image.width, image.height]).toEqual([960, 600]);
        // Downloads are reported in order: had the cancelled export written its 1000 × 640 file, it would come first.
        expect(seen).toHaveLength(1);
        expect(decodePng(await readFile(await seen[0].path())).width).toBe(960);
      } finally {
        page.off('download', record);
        await held.release();
      }
    });
  }

  test('opening the dialog stops a running layout, so the exported picture is the one on screen', async () => {
    // Both clicks in one task, so the layout has no time to settle by itself before the dialog opens.
    await page.evaluate(() => {
      const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
      button('Re-run layout').click();
      button('Export PNG').click();
    });
    await dialog().waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('.shell').getAttribute('data-layout')).toBe('settled');
    const last = await page.evaluate(() => (window as unknown as { __entente: { lastLayout(): { iterations: number } } }).__entente.lastLayout());
    // A layout that settles by itself runs at least its 150 minimum iterations.
    expect(last.iterations).toBeLessThan(150);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
  });

  test('a dialog opened again straight after closing stays open', async () => {
    await openDialog();
    // Reopen within the same task as the close, before the browser delivers the first "close" event.
    const stillOpen = await page.evaluate(async () => {
      const dialog = document.querySelector('dialog')!;
      const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
      button('Cancel').click();
      for (let i = 0; i < 100 && dialog.open; i++) await Promise.resolve();
      if (dialog.open) return 'never closed';
      button('Export PNG').click();
      await new Promise((done) => setTimeout(done, 0));
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      return dialog.open;
    });
    expect(stillOpen).toBe(true);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
  });

  test('Escape closes the dialog and the data menu but keeps the selected actor', async () => {
    const details = page.locator('aside[aria-label="Details"]');
    await page.getByRole('combobox', { name: 'Search actors' }).fill('Yerevan');
    await page.getByRole('option', { name: /^Armenia/ }).waitFor();
    await page.getByRole('combobox', { name: 'Search actors' }).press('Enter');
    await details.getByRole('heading', { name: 'Armenia' }).waitFor();

    await openDialog();
    await dialog().getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    const menu = page.locator('details.menu');
    await menu.locator('summary').click();
    await menu.getByRole('button', { name: /^CSV/ }).focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.getAttribute('open')).toBeNull();
    expect(await details.getByRole('heading', { name: 'Armenia' }).isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
  });

  test('after taking the offered size, no alert remains in the dialog', async () => {
    const box = await configure({ size: 'custom', width: 20_000, height: 20_000, scale: 4 });
    await box.getByRole('button', { name: 'Export PNG', exact: true }).click();
    await box.getByRole('alert').waitFor({ state: 'visible' });
    const { width, height } = await offeredSize(box);
    await box.getByRole('button', { name: `Use ${width} × ${height}` }).click();
    await box.getByText(`Output: ${width * 4} × ${height * 4} pixels`).waitFor();
    // The oversize message must not outlive the size it was about.
    await expect.poll(() => box.getByRole('alert').count(), { timeout: 5_000 }).toBe(0);
  });
});

/** Bounding box of the pixels near `color` in a region. */
function inkBox(image: Image, region: Region, color: string, tolerance = 60): Region | null {
  const [cr, cg, cb] = hexToRgb(color);
  let box: Region | null = null;
  for (let y = Math.floor(region.y0); y < Math.min(image.height, region.y1); y++) {
    for (let x = Math.floor(region.x0); x < Math.min(image.width, region.x1); x++) {
      const [r, g, b, a] = pixelAt(image, x, y);
      if (a < 200 || Math.hypot(r - cr, g - cg, b - cb) >= tolerance) continue;
      box = box ? { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x + 1), y1: Math.max(box.y1, y + 1) } : { x0: x, y0: y, x1: x + 1, y1: y + 1 };
    }
  }
  return box;
}

/**
 * Thickness profile of the only line of `color` in a region: along its long axis, the extent across it in
 * each 1-pixel slice. Returns the line's typical thickness (middle third) and the widest slice near either end.
 */
function lineProfile(image: Image, region: Region, color: string): { line: number; end: number } {
  const [cr, cg, cb] = hexToRgb(color);
  const points: Array<[number, number]> = [];
  for (let y = Math.floor(region.y0); y < region.y1; y++) {
    for (let x = Math.floor(region.x0); x < region.x1; x++) {
      const [r, g, b, a] = pixelAt(image, x, y);
      if (a > 200 && Math.hypot(r - cr, g - cg, b - cb) < 70) points.push([x, y]);
    }
  }
  expect(points.length, `pixels of ${color}`).toBeGreaterThan(50);
  const horizontal = Math.max(...points.map((p) => p[0])) - Math.min(...points.map((p) => p[0])) >= Math.max(...points.map((p) => p[1])) - Math.min(...points.map((p) => p[1]));
  const first = points.reduce((best, p) => ((horizontal ? p[0] < best[0] : p[1] < best[1]) ? p : best));
  const last = points.reduce((best, p) => ((horizontal ? p[0] > best[0] : p[1] > best[1]) ? p : best));
  const length = Math.hypot(last[0] - first[0], last[1] - first[1]);
  const u = [(last[0] - first[0]) / length, (last[1] - first[1]) / length];
  const slices = new Map<number, [number, number]>();
  for (const [x, y] of points) {
    const t = Math.round((x - first[0]) * u[0] + (y - first[1]) * u[1]);
    const s = (x - first[0]) * -u[1] + (y - first[1]) * u[0];
    const [lo, hi] = slices.get(t) ?? [Infinity, -Infinity];
    slices.set(t, [Math.min(lo, s), Math.max(hi, s)]);
  }
  const width = (t: number) => (slices.has(t) ? slices.get(t)![1] - slices.get(t)![0] + 1 : 0);
  const middle = [...slices.keys()].filter((t) => t > length / 3 && t < (2 * length) / 3).map(width).sort((a, b) => a - b);
  const ends = [...slices.keys()].filter((t) => t < length * 0.12 || t > length * 0.88).map(width);
  return { line: middle[Math.floor(middle.length / 2)], end: Math.max(...ends) };
}

describe('legible at every size', () => {
  const SIZES = [[800, 500], [1920, 1080], [3840, 2160]] as const;

  test('legend, caption and text grow with the picture (unit 1, 1, 2), and the first caption line is never squeezed', async () => {
    const results = [];
    for (const [width, height] of SIZES) results.push(await exportPng({ size: 'custom', width, height }));
    expect(results.map((r) => [r.image.width, r.image.height])).toEqual(SIZES.map(([w, h]) => [w, h]));
    expect(results.map((r) => r.placed.unit)).toEqual([1, 1, 2]);

    // With every type shown the caption says so instead of listing them.
    for (const { placed } of results) {
      expect(placed.captionLines.filter((l) => l.strong).map((l) => l.text).join(' ')).toContain(`All ${dataset.types.length} relation types`);
    }
    // The graph keeps its own area, beside the legend and above the caption, so no label runs under them.
    for (const { placed } of results) {
      expect(placed.graph.x1).toBeLessThanOrEqual(placed.legend.x0 + 1);
      expect(placed.graph.y1).toBeLessThanOrEqual(placed.caption.y0 + 1);
      expect(placed.legendRow, 'legend rows at least 18 units').toBeGreaterThanOrEqual(18 * placed.unit - 0.01);
    }

    // A relation type's legend swatch: as large at 800 × 500 as at 1920 × 1080, twice as long and thick at 3840 × 2160.
    const accusation = dataset.types.find((t) => t.id === 'accusation')!.color;
    const swatches = results.map((r) => inkBox(r.image, r.placed.legend, accusation, 30)!);
    const size = (b: Region) => [b.x1 - b.x0, b.y1 - b.y0];
    // At 800 × 500 a long legend (31 types) may tighten its rows to 18 of 22 units before it adds a column, so
    // its swatch may be somewhat smaller, never below 0.7 of the 1080p one.
    for (const i of [0, 1]) expect(size(swatches[0])[i], `swatch ${size(swatches[0])} vs ${size(swatches[1])}`).toBeGreaterThanOrEqual(0.7 * size(swatches[1])[i]);
    for (const i of [0, 1]) expect(size(swatches[0])[i]).toBeLessThanOrEqual(size(swatches[1])[i] + 2);
    expect(size(swatches[2])[0] / size(swatches[1])[0]).toBeCloseTo(2, 0);
    expect(size(swatches[2])[1] / size(swatches[1])[1]).toBeCloseTo(2, 0);

    // The first caption line in ink: as wide at 800 × 500 as at 1920 × 1080 (not compressed), twice as wide and tall at 3840 × 2160.
    const firstLine = results.map((r) => {
      const lineHeight = (r.placed.caption.y1 - r.placed.caption.y0 - 20 * r.placed.unit) / r.placed.captionLines.length;
      const top = r.placed.caption.y0 + 10 * r.placed.unit;
      return inkBox(r.image, { x0: 0, y0: top, x1: r.image.width, y1: top + lineHeight }, '#1f2933')!;
    });
    const [small, full, large] = firstLine.map(size);
    expect(Math.abs(small[0] - full[0]), `first line ${small[0]} px at 800 × 500, ${full[0]} px at 1920 × 1080`).toBeLessThanOrEqual(2);
    expect(large[0] / full[0]).toBeCloseTo(2, 1);
    expect(large[1] / full[1]).toBeCloseTo(2, 0);
  });

  test('an exported one-relation edge has an arrowhead wider than its line at every size, twice as large at 3840 × 2160', async () => {
    // A directed type whose relations make one edge, so the picture holds a single line of its colour.
    const type = dataset.types.find((t) => t.directed && new Set(relationIndex.edges.filter((e) => e.type === t.id).map((e) => e.key)).size === 1)!;
    expect(type, 'a directed type drawn as one edge').toBeDefined();
    await page.getByRole('button', { name: 'None', exact: true }).click();
    await page.getByRole('checkbox', { name: type.label, exact: true }).check();
    await expect.poll(async () => (await statusCounts(page)).shown).toBeGreaterThan(0);
    const profiles = [];
    for (const [width, height] of SIZES) {
      const { image, placed } = await exportPng({ size: 'custom', width, height });
      profiles.push({ ...lineProfile(image, placed.graph, type.color), unit: placed.unit });
    }
    for (const p of profiles) {
      expect(p.end, `head ${p.end} px, line ${p.line} px at unit ${p.unit}`).toBeGreaterThanOrEqual(p.line + 4 * p.unit);
    }
    expect(profiles[2].end / profiles[1].end).toBeGreaterThan(1.6);
    // Measured in whole pixels on a thin anti-aliased head, so the ratio has some slack around 2.
    expect(profiles[2].end / profiles[1].end).toBeLessThan(2.6);
  });
});

describe('data export', () => {
  test('CSV has the export header and one row per shown relation; JSON has the same relations', async () => {
    const shown = await setFilter();
    const csv = await exportData('CSV');
    expect(csv.name).toBe('entente_2022-01-01_2022-12-31.csv');
    expect(csv.text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('subject,object,type,date,end_date,quote,note,source,outlet,published');
    const table = parseCsv(csv.name, csv.text, EXPORT_COLUMNS);
    expect(table.issues).toEqual([]);
    expect(table.rows).toHaveLength(shown);
    expect(table.rows.some((r) => r.values.type === 'accusation')).toBe(false);
    for (const { values } of table.rows) expect(values.date.slice(0, 4) <= '2022', values.date).toBe(true);

    const json = await exportData('JSON');
    expect(json.name).toBe('entente_2022-01-01_2022-12-31.json');
    const doc = JSON.parse(json.text);
    expect(doc.relations).toHaveLength(shown);
    expect(doc.counts.relations).toBe(shown);
    expect(doc.view).toMatchObject({ from: '2022-01-01', to: '2022-12-31' });
    expect(doc.view.types).not.toContain('accusation');
  });

  test('GEXF parses back into the visible picture with its attributes', async () => {
    const shown = await setFilter();
    const visible = await page.evaluate(() =>
      (window as unknown as { __entente: { visibleEdges(): Array<{ source: string; target: string }> } }).__entente.visibleEdges(),
    );
    const isolated = await page.getByLabel('Show actors with no visible relation').isChecked();
    expect(isolated).toBe(false);
    const endpoints = new Set(visible.flatMap((e) => [e.source, e.target]));

    const gexf = await exportData('GEXF');
    expect(gexf.name).toBe('entente_2022-01-01_2022-12-31.gexf');
    const graph = parse(Graph, gexf.text);
    expect(graph.size).toBe(visible.length);
    expect(graph.order).toBe(endpoints.size);
    expect(new Set(graph.nodes())).toEqual(endpoints);

    graph.forEachNode((node, a) => {
      expect(typeof a.label, `label of ${node}`).toBe('string');
      expect(a.label.length).toBeGreaterThan(0);
      expect(['state', 'person', 'organisation', 'region', 'group']).toContain(a.kind);
      expect(a.color, `color of ${node}`).toMatch(/^(#|rgb)/);
      for (const key of ['size', 'x', 'y']) expect(Number.isFinite(a[key]), `${key} of ${node}`).toBe(true);
      expect(a.size).toBeGreaterThan(0);
    });
    let total = 0;
    graph.forEachEdge((edge, a) => {
      expect(typeof a.relation, `relation of ${edge}`).toBe('string');
      expect(a.relation).not.toBe('accusation');
      expect(Number(a.count)).toBeGreaterThanOrEqual(1);
      expect(a.first_date, `first_date of ${edge}`).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      expect(String(a.sources).length).toBeGreaterThan(0);
      total += Number(a.count);
    });
    expect(total).toBe(shown);
  });
});

describe('sharing and hygiene', () => {
  test('Copy link copies the current URL with types, from and to', async () => {
    await setFilter();
    await page.waitForURL((url) => url.search.includes('from=2022-01-01') && url.search.includes('to=2022-12-31') && url.search.includes('types='));
    const copy = page.locator('header').getByRole('button', { name: 'Copy link' });
    await copy.click();
    await page.locator('header').getByRole('button', { name: 'Link copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    expect(new URL(copied).searchParams.get('types')?.split(',')).not.toContain('accusation');
  });

  test('no console errors or foreign requests during the exports', () => {
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
});
