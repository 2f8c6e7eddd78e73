/**
 * `npm run bench:sigma4`: sigma 3 (the app's renderer) against sigma 4 on the
 * bench's generated 100k-relation graph, all aggregated edges and the 50,000
 * strongest, in one headless Chromium run. One page load per renderer, so
 * each renderer's retained heap is measured alone (CDP, after a forced GC).
 * Options: --filter=N, --camera=N (iterations), --limits=all,50000,
 * --shots=<dir> (screenshots of each renderer's first frame).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serveDist } from '../tests/e2e/harness';
import type { ExportCheck, FirstFrame, FrameStats, Way } from './sigma4/main';

const PAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), 'sigma4');
/** Smaller than the e2e viewport: SwiftShader rasterises in software, so pixels cost CPU time. */
const VIEWPORT = { width: 960, height: 600 };

const option = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const FILTER_ITERATIONS = Number(option('filter', '4'));
const CAMERA_ITERATIONS = Number(option('camera', '6'));
const LIMITS = option('limits', 'all,50000').split(',');
const SHOTS = option('shots', '');
/** Only the first frame and the PNG check, no hide/show or camera timing. */
const EXPORT_ONLY = process.argv.includes('--export-only');
const EXPORT_SIZE = { width: 1200, height: 800 };

const log = (line: string) => process.stderr.write(`${line}\n`);
const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');
const ms = (value: number) => (value < 10 ? value.toFixed(1) : Math.round(value).toString());
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

interface WayResult {
  way: Way;
  filter: { hide: FrameStats; show: FrameStats; visibleAfterHide: number; visibleAfterShow: number; hiddenCount: number };
}

interface RendererResult {
  version: 'v3' | 'v4';
  edges: number;
  firstFrame: FirstFrame;
  /** JS heap after a forced GC: the page with its graph, before and after the renderer's first frame. */
  heapBefore: number;
  heapAfter: number;
  camera: FrameStats | null;
  exported: Omit<ExportCheck, 'png'>;
  ways: WayResult[];
  consoleErrors: string[];
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

async function measureRenderer(browser: Browser, url: string, limit: string, version: 'v3' | 'v4'): Promise<RendererResult> {
  const ways: Way[] = version === 'v3' ? ['v3 reducers + full refresh', 'v3 reducers + partial refresh'] : ['v4 edge state', 'v4 reducers + full refresh'];
  const { page, consoleErrors } = await openPage(browser, `${url}?limit=${limit}`, VIEWPORT);
  try {
    await page.waitForFunction(() => window.sigmaBench !== undefined || window.sigmaBenchError !== undefined, undefined, { timeout: 300_000 });
    const error = await page.evaluate(() => window.sigmaBenchError);
    if (error) throw new Error(`bench page failed: ${error}`);
    const edges = await page.evaluate(() => window.sigmaBench!.edges);
    if (edges === 0) throw new Error(`bench: the graph for limit ${limit} holds no edges`);
    const heapBefore = await heapUsed(page);
    const firstFrame = await page.evaluate((way) => window.sigmaBench!.mount(way), ways[0]);
    const heapAfter = await heapUsed(page);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${version}-${limit}.png`) });
    log(`  ${version}, ${edges} edges: first frame ${ms(firstFrame.toFrameMs)} ms, heap ${mb(heapBefore)} → ${mb(heapAfter)} MB (load ${load()})`);
    const { png, ...exported } = await page.evaluate(({ width, height }) => window.sigmaBench!.exportPicture(width, height), EXPORT_SIZE);
    if (SHOTS) await writeFile(join(SHOTS, `${version}-${limit}-export.png`), Buffer.from(png.slice(png.indexOf(',') + 1), 'base64'));
    log(`  ${version}, export picture ${exported.width}×${exported.height}: ${ms(exported.ms)} ms, ${(exported.inkShare * 100).toFixed(1)} % of pixels drawn`);
    if (exported.inkShare < 0.01) throw new Error(`${version}: the exported picture is blank`);
    if (EXPORT_ONLY) return { version, edges, firstFrame, heapBefore, heapAfter, camera: null, exported, ways: [], consoleErrors };
    const camera = await page.evaluate((n) => window.sigmaBench!.camera(n), CAMERA_ITERATIONS);
    log(`  ${version}, camera move: ${ms(camera.toFrameMedian)} ms to frame`);
    const results: WayResult[] = [];
    for (const [i, way] of ways.entries()) {
      if (i > 0) await page.evaluate((w) => window.sigmaBench!.mount(w), way);
      const filter = await page.evaluate((n) => window.sigmaBench!.filter(n), FILTER_ITERATIONS);
      if (filter.visibleAfterHide !== edges - filter.hiddenCount || filter.visibleAfterShow !== edges) {
        throw new Error(`${way}: ${filter.visibleAfterHide} edges visible after hiding ${filter.hiddenCount} of ${edges}, ${filter.visibleAfterShow} after showing them`);
      }
      log(`  ${way}: hide ${ms(filter.hide.toFrameMedian)} ms, show ${ms(filter.show.toFrameMedian)} ms to frame (load ${load()})`);
      results.push({ way, filter });
    }
    return { version, edges, firstFrame, heapBefore, heapAfter, camera, exported, ways: results, consoleErrors };
  } finally {
    await page.context().close();
  }
}

function table(results: RendererResult[]): string[] {
  const lines = [
    "| edges | sigma | first frame ms (constructor) | JS heap after first frame MB (renderer's share) | camera move to frame ms (main thread) | hide/show way | hide half to frame ms (main thread) | show them to frame ms (main thread) |",
    '|---:|---|---:|---:|---:|---|---:|---:|',
  ];
  for (const r of results) {
    const camera = r.camera ? `${ms(r.camera.toFrameMedian)} (${ms(r.camera.mainThreadMedian)})` : '–';
    const shared = `${ms(r.firstFrame.toFrameMs)} (${ms(r.firstFrame.constructMs)}) | ${mb(r.heapAfter)} (${mb(r.heapAfter - r.heapBefore)}) | ${camera}`;
    const ways = r.ways.length ? r.ways : [null];
    for (const [i, w] of ways.entries()) {
      const filter = w ? `${w.way} | ${ms(w.filter.hide.toFrameMedian)} (${ms(w.filter.hide.mainThreadMedian)}) | ${ms(w.filter.show.toFrameMedian)} (${ms(w.filter.show.mainThreadMedian)})` : '– | – | –';
      lines.push(`| ${r.edges.toLocaleString('en-US')} | ${r.version} | ${i === 0 ? shared : '〃 | 〃 | 〃'} | ${filter} |`);
    }
  }
  lines.push(
    '',
    `| edges | sigma | PNG picture ${EXPORT_SIZE.width}×${EXPORT_SIZE.height} CSS px | ms | pixels | drawn share |`,
    '|---:|---|---|---:|---|---:|',
    ...results.map(
      (r) =>
        `| ${r.edges.toLocaleString('en-US')} | ${r.version} | ${r.version === 'v3' ? '@sigma/export-image 3 drawOnCanvas' : 'temporary renderer + drawImage of its stage canvas (no @sigma/export-image 4 on the registry)'} | ${ms(r.exported.ms)} | ${r.exported.width}×${r.exported.height} | ${(r.exported.inkShare * 100).toFixed(1)} % |`,
    ),
  );
  return lines;
}

function ratios(results: RendererResult[]): string[] {
  const lines: string[] = [];
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  for (const limit of new Set(results.map((r) => r.edges))) {
    const v3 = results.find((r) => r.edges === limit && r.version === 'v3');
    const v4 = results.find((r) => r.edges === limit && r.version === 'v4');
    if (!v3 || !v4) continue;
    const parts = [`first frame ${ratio(v4.firstFrame.toFrameMs, v3.firstFrame.toFrameMs)}`, `renderer heap ${ratio(v4.heapAfter - v4.heapBefore, v3.heapAfter - v3.heapBefore)}`];
    if (v3.camera && v4.camera) parts.push(`camera move ${ratio(v4.camera.toFrameMedian, v3.camera.toFrameMedian)}`);
    if (v3.ways.length && v4.ways.length) {
      const [full3, partial3] = v3.ways.map((w) => w.filter);
      const [state4] = v4.ways.map((w) => w.filter);
      parts.push(
        `hide: v4 edge state / v3 full refresh ${ratio(state4.hide.toFrameMedian, full3.hide.toFrameMedian)}, / v3 partial refresh ${ratio(state4.hide.toFrameMedian, partial3.hide.toFrameMedian)}`,
        `show: ${ratio(state4.show.toFrameMedian, full3.show.toFrameMedian)}, ${ratio(state4.show.toFrameMedian, partial3.show.toFrameMedian)}`,
      );
    }
    lines.push(`- ${limit.toLocaleString('en-US')} edges, v4 / v3 (below 1: v4 is faster or smaller): ${parts.join('; ')}.`);
  }
  return lines;
}

async function main() {
  const startLoad = load();
  log(`sigma 3 vs sigma 4, load average at start: ${startLoad}`);
  if (SHOTS) await mkdir(SHOTS, { recursive: true });
  // No svelte plugin and no repo vite.config.ts: the page is plain TypeScript.
  await build({ root: PAGE_ROOT, base: './', configFile: false, logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 10_000 } });
  const server = await serveDist(resolve(PAGE_ROOT, 'dist'));
  const browser = await launchBrowser();
  const results: RendererResult[] = [];
  try {
    for (const limit of LIMITS) for (const version of ['v3', 'v4'] as const) results.push(await measureRenderer(browser, server.url, limit, version));
  } finally {
    await browser.close();
    await server.close();
  }
  const out = [
    `Chromium (SwiftShader, software WebGL), ${VIEWPORT.width}×${VIEWPORT.height}, ${EXPORT_ONLY ? 'first frame and PNG picture only' : `medians of ${FILTER_ITERATIONS} hide/show pairs and ${CAMERA_ITERATIONS} camera moves after one warm-up each`}.`,
    `Load average (1, 5, 15 min): ${startLoad} at start, ${load()} at end.`,
    '',
    ...table(results),
    '',
    ...ratios(results),
  ];
  const errors = results.flatMap((r) => r.consoleErrors.map((e) => `${r.version} (${r.edges}): ${e}`));
  if (errors.length) out.push('', 'Console errors:', ...errors.map((e) => `- ${e}`));
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  log(String((error as Error)?.stack ?? error));
  process.exit(1);
});
