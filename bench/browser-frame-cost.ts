/**
 * `npx tsx bench/browser-frame-cost.ts [--frames=8] [--ways=ours,rebuild] [--whole] [--all-parts]`: how long a frame takes in the
 * bench page when the way's sigma re-renders the same picture every frame, whole and with parts left out
 * (edges, nodes, node picking, labels, or no render at all), after the first state of each kind of change.
 * It tells what the compositor and the software rasteriser spend per frame on each part of the picture.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchBrowser, openPage, serveDist } from '../tests/e2e/harness';
import { gpuCpuSeconds } from './gpu-cpu';
import type { FramePart, Way } from './browser/main';
import type { ChangeKind } from './changes';

const VIEWPORT = { width: 960, height: 600 };
const PAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), 'browser');
const args = process.argv.slice(2);
const frames = Number(args.find((a) => a.startsWith('--frames='))?.slice(9) ?? 8);
const ways = (args.find((a) => a.startsWith('--ways='))?.slice(7).split(',') ?? ['ours', 'rebuild']) as Way[];
const kinds: ChangeKind[] = args.includes('--whole') ? ['random windows', 'whole period'] : ['random windows'];
const VARIANTS: FramePart[][] = args.includes('--all-parts') ? [[], ['labels'], ['edges'], ['nodes'], ['picking'], ['edges', 'nodes', 'labels'], ['render']] : [[], ['edges'], ['render']];

await build({ root: PAGE_ROOT, base: './', configFile: false, logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 10_000 } });
const server = await serveDist(resolve(PAGE_ROOT, 'dist'));
const browser = await launchBrowser();
const lines = [`| way, state | ${VARIANTS.map((v) => (v.length ? `without ${v.join(' + ')}` : 'whole frame')).join(' | ')} |`, `|---|${VARIANTS.map(() => '---:').join('|')}|`];
try {
  const { page } = await openPage(browser, server.url, VIEWPORT);
  await page.waitForFunction(() => window.bench !== undefined || window.benchError !== undefined, undefined, { timeout: 180_000 });
  const error = await page.evaluate(() => window.benchError);
  if (error) throw new Error(`frame cost: bench page failed: ${error}`);
  for (const way of ways) {
    for (const kind of kinds) {
      const cells: string[] = [];
      for (const leaveOut of VARIANTS) {
        const cpu = gpuCpuSeconds();
        const wall = await page.evaluate(([w, k, f, l]) => window.bench!.frameCost(w, k, f, l), [way, kind, frames, leaveOut] as const);
        // Includes the state's setup frames (a handful); the same for every variant.
        cells.push(`${wall.toFixed(0)} / ${(((gpuCpuSeconds() - cpu) * 1000) / frames).toFixed(0)}`);
      }
      lines.push(`| ${way}, ${kind === 'whole period' ? 'whole period' : 'a random window'} | ${cells.join(' | ')} |`);
      process.stderr.write(`${lines.at(-1)}\n`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.stdout.write(`Median ms between animation frames / GPU process CPU ms per frame, sigma re-rendering every frame:\n\n${lines.join('\n')}\n`);
