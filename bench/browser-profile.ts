/**
 * `npx tsx bench/browser-profile.ts [--n=3] [--relations=100000] [--kinds=random windows,whole period] [--ways=ours,rebuild] [--tweaks=none,no-labels,sigma-labels] [--modes=run,finish]`: per-stage timings of
 * filter-to-frame in the bench page (bench/browser/profile.ts), ours against the reducers and the rebuild,
 * first as they run, then with gl.finish() after each program so the rasteriser's time shows per draw.
 * Prints a markdown table of medians and, per way, the draw calls of one change with their instance counts.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchBrowser, openPage, serveDist } from '../tests/e2e/harness';
import type { Tweak, Way } from './browser/main';
import type { DrawCall, StageProfile } from './browser/profile';
import { CHANGE_KINDS, type ChangeKind } from './changes';

const VIEWPORT = { width: 960, height: 600 };
const PAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), 'browser');
const args = process.argv.slice(2);
const n = Number(args.find((a) => a.startsWith('--n='))?.slice(4) ?? 3);
const ways = (args.find((a) => a.startsWith('--ways='))?.slice(7).split(',') ?? ['ours', 'reducers', 'rebuild']) as Way[];
const tweaks = (args.find((a) => a.startsWith('--tweaks='))?.slice(9).split(',') ?? ['none']) as Tweak[];
const modes = (args.find((a) => a.startsWith('--modes='))?.slice(8).split(',') ?? ['run', 'finish']).map((m) => m === 'finish');
const relations = Number(args.find((a) => a.startsWith('--relations='))?.slice(12) ?? 100_000);
const tracePath = args.find((a) => a.startsWith('--trace='))?.slice(8);
const kinds = (args.find((a) => a.startsWith('--kinds='))?.slice(8).split(',') ?? ['random windows', 'whole period']) as ChangeKind[];
for (const kind of kinds) if (!CHANGE_KINDS.includes(kind)) throw new Error(`profile: unknown kind "${kind}"`);

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'toplevel', 'gpu', 'viz', 'cc', 'blink', 'disabled-by-default-gpu.service', 'benchmark'];
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
};
const f = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(0));
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

function row(label: string, records: StageProfile[]): string {
  const m = (pick: (r: StageProfile) => number) => f(median(records.map(pick)));
  const draws = (r: StageProfile, layer: string) => r.draws.filter((d) => d.layer === layer && !d.picking).reduce((a, d) => a + d.count, 0);
  return `| ${label} | ${m((r) => r.toFrameMs)} | ${m((r) => r.applyMs)} | ${m((r) => r.waitForRenderMs)} | ${m((r) => r.renderMs)} | ${m((r) => r.processMs)} | ${m((r) => sum(r.programMs))} | ${m((r) => sum(r.finishMs))} | ${m((r) => r.labelsMs)} | ${m((r) => r.finalFinishMs)} | ${m((r) => r.afterRenderToFrameMs)} | ${m((r) => r.renders)} | ${m((r) => sum(r.uploadBytes) / 1024)} | ${m((r) => draws(r, 'nodes'))} | ${m((r) => draws(r, 'edges'))} |`;
}

function drawSummary(draws: DrawCall[]): string {
  const by = new Map<string, number>();
  for (const d of draws) {
    const key = `${d.program}${d.picking ? ' (picking)' : ''} ${d.instanced ? 'instances' : 'vertices'}`;
    by.set(key, (by.get(key) ?? 0) + d.count);
  }
  return [...by].map(([k, v]) => `${k}: ${v}`).join('; ');
}

function stageLine(records: StageProfile[]): string {
  const names = new Set(records.flatMap((r) => Object.keys(r.stages)));
  return [...names].map((name) => `${name} ${f(median(records.map((r) => r.stages[name] ?? 0)))}`).join(', ') || 'none';
}

function programLine(records: StageProfile[], finish: boolean): string {
  const names = new Set(records.flatMap((r) => Object.keys(r.programMs)));
  return [...names].map((name) => `${name} ${f(median(records.map((r) => r.programMs[name] ?? 0)))}${finish ? ` + finish ${f(median(records.map((r) => r.finishMs[name] ?? 0)))}` : ''} ms`).join('; ');
}

await build({ root: PAGE_ROOT, base: './', configFile: false, logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 10_000 } });
const server = await serveDist(resolve(PAGE_ROOT, 'dist'));
const browser = await launchBrowser();
const lines = [
  '| way, change, mode | to frame ms | apply | wait for render | render | process | programs | finish per program | labels | final finish | render end to frame | renders | upload KiB | node instances drawn | edge instances drawn |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
const details: string[] = [];
try {
  const { page } = await openPage(browser, `${server.url}?relations=${relations}`, VIEWPORT);
  await page.waitForFunction(() => window.bench !== undefined || window.benchError !== undefined, undefined, { timeout: relations > 200_000 ? 900_000 : 180_000 });
  const error = await page.evaluate(() => window.benchError);
  if (error) throw new Error(`profile: bench page failed: ${error}`);
  for (const way of ways) {
    for (const kind of kinds) {
      for (const tweak of tweaks) for (const finish of modes) {
        const tracing = tracePath !== undefined && !finish;
        if (tracing) await browser.startTracing(page, { path: `${tracePath}-${way}-${kind.replace(/ /g, '-')}-${tweak}.json`, categories: TRACE_CATEGORIES });
        const records = await page.evaluate(([w, k, count, fin, t]) => window.bench!.profile(w, k, count, fin, t), [way, kind, n, finish, tweak] as const);
        if (tracing) await browser.stopTracing();
        const label = `${way}, ${kind}, ${finish ? 'gl.finish' : 'as run'}${tweak === 'none' ? '' : `, ${tweak}`}`;
        lines.push(row(label, records));
        details.push(`- ${label}: apply split (medians): ${stageLine(records)}; program process() calls ${median(records.map((r) => r.processCalls))}. ${programLine(records, finish)}. Draw calls of one change: ${drawSummary(records[0]?.draws ?? [])}. Uploads (bytes): ${JSON.stringify(records[0]?.uploadBytes ?? {})}`);
        process.stderr.write(`${lines.at(-1)}\n`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.stdout.write(`${lines.join('\n')}\n\n${details.join('\n')}\n`);
