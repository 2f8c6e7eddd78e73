/**
 * Node side of the browser bench: builds the bench page with Vite, serves it
 * with the e2e harness and times filter-to-frame in headless Chromium, ours
 * against the reducer and the rebuild baselines in the same page.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchBrowser, openPage, serveDist } from '../tests/e2e/harness';
import type { FrameStats, Way } from './browser/main';
import { CHANGE_KINDS, type ChangeKind } from './changes';
import { gpuCpuSeconds } from './gpu-cpu';

/** Smaller than the e2e viewport: SwiftShader rasterises in software, so pixels cost CPU time. */
const VIEWPORT = { width: 960, height: 600 };
const PAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), 'browser');

export interface BrowserBenchResult {
  relations: number;
  edges: number;
  /** By way, then by kind of change. */
  ways: Record<Way, Record<ChangeKind, FrameStats>>;
  /** GPU process CPU ms per change applied (timed or not), by way and kind: the rasteriser's work, steadier than wall time on a shared machine. */
  gpuCpuPerChange: Record<Way, Record<ChangeKind, number>>;
  consoleErrors: string[];
}

export async function runBrowserBench(iterations: Record<Way, number>, log: (line: string) => void): Promise<BrowserBenchResult> {
  // No svelte plugin and no repo vite.config.ts: the page is plain TypeScript.
  await build({ root: PAGE_ROOT, base: './', configFile: false, logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 10_000 } });
  const started = performance.now();
  const server = await serveDist(resolve(PAGE_ROOT, 'dist'));
  const browser = await launchBrowser();
  try {
    const { page, consoleErrors } = await openPage(browser, server.url, VIEWPORT);
    await page.waitForFunction(() => window.bench !== undefined || window.benchError !== undefined, undefined, { timeout: 180_000 });
    const error = await page.evaluate(() => window.benchError);
    if (error) throw new Error(`bench page failed: ${error}`);
    const { relations, edges } = await page.evaluate(() => ({ relations: window.bench!.relations, edges: window.bench!.edges }));
    log(`  page ready after ${Math.round((performance.now() - started) / 1000)} s: ${relations} relations, ${edges} aggregated edges drawn`);
    const ways = {} as BrowserBenchResult['ways'];
    const gpuCpuPerChange = {} as BrowserBenchResult['gpuCpuPerChange'];
    // In this order: each way replaces the one before it in the page.
    for (const way of ['ours', 'reducers', 'rebuild'] as const) {
      ways[way] = {} as Record<ChangeKind, FrameStats>;
      gpuCpuPerChange[way] = {} as Record<ChangeKind, number>;
      for (const kind of CHANGE_KINDS) {
        const cpu = gpuCpuSeconds();
        ways[way][kind] = await page.evaluate(([w, k, n]) => window.bench!.measure(w, k, n), [way, kind, iterations[way]] as const);
        gpuCpuPerChange[way][kind] = ((gpuCpuSeconds() - cpu) * 1000) / ways[way][kind].changesApplied;
        log(`  ${way}, ${kind}: ${ways[way][kind].toFrameMedian.toFixed(1)} ms to frame, ${ways[way][kind].mainThreadMedian.toFixed(1)} ms main thread, ${gpuCpuPerChange[way][kind].toFixed(0)} ms GPU process CPU per change`);
      }
    }
    return { relations, edges, ways, gpuCpuPerChange, consoleErrors };
  } finally {
    await browser.close();
    await server.close();
  }
}
