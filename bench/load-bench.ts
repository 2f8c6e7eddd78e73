/**
 * Load bench (issue 12 §1): CSV text to a validated dataset and its relation
 * index, time and retained memory, at 100k and 1M relations.
 *
 * Each stage is timed (parse + validate, index, actor search index) and the
 * retained memory measured after it: heapUsed + arrayBuffers after gc, with
 * the CSV texts dropped after the first stage, so whatever still holds on to
 * them (a quote sliced out of a file) counts. Baselines in the same run:
 * Papa.parse of the same texts into row objects (no validation, no index), and,
 * with `--baseline-root=<checkout>`, the loader and index of another checkout
 * (e.g. the main branch), measured the same way.
 *
 * Run alone: `node --expose-gc --import tsx bench/load-bench.ts [--sizes=100k,1m] [--baseline-root=../main]`.
 * `--browser-only` times the built app in Chromium (LOAD_BENCH_DIST: another build, e.g. main's, as a
 * same-run baseline; several, comma-separated, e.g. `LOAD_BENCH_DIST=.base/dist,dist LOAD_BENCH_ROUNDS=3`,
 * take turns ABBA for that many rounds, each load in its own browser, and each row names its build);
 * LOAD_BENCH_ATTRIBUTE=1 also profiles that load and lists each long task's heaviest
 * functions (bench/long-task-attribution.ts; build with `--minify false` for readable names).
 */
import Papa from 'papaparse';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadDataset } from '../src/lib/core/load';
import { buildRelationIndex } from '../src/lib/core/relation-index';
import { columnBytes } from '../src/lib/core/relation-columns';
import { createActorSearch } from '../src/lib/core/actor-search';
import type { RelationIndex } from '../src/lib/core/relation-index';
import { BENCH_TODAY, datasetToFiles, generateDataset } from './generate';
import { attributeLongTasks, MARKER_SCRIPT, type AttributedTask, type CpuProfile } from './long-task-attribution';

const MB = 1024 * 1024;
const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
/** Targets of issue 12 §1 at 1M relations. */
const TARGET_MS = 1500;
const TARGET_MB = 100;

type Files = Record<string, string>;
interface Loader {
  loadDataset: typeof loadDataset;
  buildRelationIndex: (dataset: never, today: number) => unknown;
}

/** One stage the load pays for, in the order they run. */
const STAGES = ['parse + validate', 'index', 'search index'] as const;

export interface LoadFigures {
  label: string;
  relations: number;
  /** Median wall time of each stage over repeats; 0 for a stage the path does not have. */
  stageMs: number[];
  /** Retained heap after each stage (heapUsed + arrayBuffers after gc, CSV texts dropped after the first), MB. */
  stageMB: number[];
  /** CPU time of the process (user + system, GC threads included), median: less skewed than wall time on a shared machine. */
  cpuMs: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function memoryInUse(): number {
  gc?.();
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function makeFiles(relations: number): Files {
  return datasetToFiles(generateDataset(relations)) as Files;
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** What a measured path keeps alive, in a module variable so that it is alive when memory is measured. */
let kept: unknown[] = [];

/** A path is its stages, each given what the one before made; the first is given the files. */
type Stage = (input: unknown) => unknown;

/** One measured run: files made inside, so that dropping them leaves nothing but what the stages kept. */
function measureOnce(stages: Stage[], relations: number): { ms: number[]; bytes: number[]; cpuMs: number } {
  kept = [];
  const before = memoryInUse();
  let files: Files | null = makeFiles(relations);
  const ms: number[] = [];
  const bytes: number[] = [];
  let cpuMs = 0;
  let input: unknown = files;
  for (const stage of stages) {
    const cpu0 = cpuNow();
    const t0 = performance.now();
    const output = stage(input);
    ms.push(performance.now() - t0);
    cpuMs += cpuNow() - cpu0;
    kept.push(output);
    files = null;
    input = null;
    bytes.push(memoryInUse() - before);
    input = output;
  }
  kept = [];
  return { ms, bytes, cpuMs };
}

function measure(label: string, stages: Stage[], relations: number, repeats: number): LoadFigures {
  const runs = Array.from({ length: repeats }, () => measureOnce(stages, relations));
  const stageMs = stages.map((_, s) => median(runs.map((run) => run.ms[s])));
  const stageMB = stages.map((_, s) => runs[runs.length - 1].bytes[s] / MB);
  while (stageMs.length < STAGES.length) {
    stageMs.push(0);
    stageMB.push(stageMB[stageMB.length - 1]);
  }
  return { label, relations, stageMs, stageMB, cpuMs: median(runs.map((run) => run.cpuMs)) };
}

function loaderStages(loader: Loader, search: boolean): Stage[] {
  const stages: Stage[] = [
    (files) => {
      const loaded = loader.loadDataset(files as Files);
      if (!loaded.ok) throw new Error(`load-bench: generated dataset does not load: ${loaded.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
      return loaded.dataset;
    },
    (dataset) => loader.buildRelationIndex(dataset as never, BENCH_TODAY),
  ];
  if (search) stages.push((index) => [index, createActorSearch((index as RelationIndex).dataset.actors, (index as RelationIndex).columns)]);
  return stages;
}

/** Baseline: Papa.parse of the same texts into row objects, no validation and no index. */
const papaStages: Stage[] = [(files) => Object.values(files as Files).map((text) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data)];

const round = (value: number) => String(Math.round(value));
const count = (value: number) => value.toLocaleString('en-US');

/** Bytes of the index's own typed arrays (the columns it shares are counted by columnBytes). */
function indexBytes(index: RelationIndex): number {
  const arrays = [index.ends, index.carriedEnds, index.statementOf, index.edgeOf, index.edgeTypeOf, index.edgeSourceIndex, index.edgeTargetIndex, index.edgeRows, index.edgeRowStart];
  return arrays.reduce((sum, a) => sum + a.byteLength, 0);
}

/** Markdown lines of the load section. */
export async function runLoadBench(sizes: string[], log: (line: string) => void, baselineRoot?: string): Promise<string[]> {
  if (!gc) log('  load bench: no gc(); memory figures are upper bounds (run with --expose-gc)');
  const ours: Loader = { loadDataset, buildRelationIndex: buildRelationIndex as Loader['buildRelationIndex'] };
  let old: Loader | null = null;
  if (baselineRoot) {
    const root = resolve(baselineRoot);
    const load = await import(pathToFileURL(resolve(root, 'src/lib/core/load.ts')).href);
    const index = await import(pathToFileURL(resolve(root, 'src/lib/core/relation-index.ts')).href);
    old = { loadDataset: load.loadDataset, buildRelationIndex: index.buildRelationIndex };
  }
  const rows: LoadFigures[] = [];
  const sizesOf = new Map<number, { columns: number; index: number; chars: number }>();
  for (const size of sizes) {
    const relations = SIZES[size];
    if (!relations) throw new Error(`load-bench: unknown size "${size}"`);
    const repeats = relations >= 1_000_000 ? 3 : 5;
    log(`load bench, ${size}: Papa.parse baseline`);
    rows.push(measure('baseline: Papa.parse to row objects (no validation, no index)', papaStages, relations, repeats));
    if (old) {
      log(`load bench, ${size}: baseline checkout ${baselineRoot}`);
      rows.push(measure(`baseline: loader + index of ${baselineRoot}`, loaderStages(old, false), relations, relations >= 1_000_000 ? 1 : 3));
    }
    log(`load bench, ${size}: ours`);
    const figures = measure('ours: streaming reader into columns, index, search index', loaderStages(ours, true), relations, repeats);
    rows.push(figures);
    const files = makeFiles(relations);
    const loaded = loadDataset(files);
    if (loaded.ok) {
      const index = buildRelationIndex(loaded.dataset, BENCH_TODAY);
      sizesOf.set(relations, { columns: columnBytes(index.columns), index: indexBytes(index), chars: Object.values(files).reduce((n, text) => n + text.length, 0) });
    }
    log(`  ${figures.stageMs.map(round).join(' + ')} ms, ${figures.stageMB.map((mb) => mb.toFixed(1)).join(' / ')} MB retained after each stage`);
  }

  const lines = [
    `| relations | path | ${STAGES.map((s) => `${s} ms`).join(' | ')} | parse + validate + index ms | CPU ms | ${STAGES.map((s) => `retained MB after ${s}`).join(' | ')} | bytes per row (dataset + index) | target (1M: parse, validate and index) | result |`,
    `|---:|---|${STAGES.map(() => '---:|').join('')}---:|---:|${STAGES.map(() => '---:|').join('')}---:|---|---|`,
  ];
  for (const r of rows) {
    const loadIndexMs = r.stageMs[0] + r.stageMs[1];
    const loadIndexMB = r.stageMB[1];
    const atTarget = r.label.startsWith('ours') && r.relations === 1_000_000;
    const failures = atTarget ? [...(loadIndexMs > TARGET_MS ? [`> ${TARGET_MS} ms`] : []), ...(loadIndexMB > TARGET_MB ? [`> ${TARGET_MB} MB`] : [])] : [];
    const target = atTarget ? `≤ ${TARGET_MS} ms, ≤ ${TARGET_MB} MB` : '';
    const result = atTarget ? (failures.length ? `FAIL (${failures.join(', ')})` : 'PASS') : '';
    lines.push(`| ${count(r.relations)} | ${r.label} | ${r.stageMs.map(round).join(' | ')} | ${round(loadIndexMs)} | ${round(r.cpuMs)} | ${r.stageMB.map((mb) => mb.toFixed(1)).join(' | ')} | ${round((loadIndexMB * MB) / r.relations)} | ${target} | ${result} |`);
  }
  const papa = new Map(rows.filter((r) => r.label.startsWith('baseline: Papa')).map((r) => [r.relations, r]));
  for (const r of rows.filter((row) => row.label.startsWith('ours'))) {
    const base = papa.get(r.relations);
    if (!base) continue;
    const ms = r.stageMs[0] + r.stageMs[1];
    lines.push('', `At ${count(r.relations)} rows, parse + validate + index takes ${(ms / base.stageMs[0]).toFixed(2)}× the time of Papa.parse alone (${round(ms)} vs ${round(base.stageMs[0])} ms) and retains ${(r.stageMB[1] / base.stageMB[0]).toFixed(2)}× its memory (${r.stageMB[1].toFixed(1)} vs ${base.stageMB[0].toFixed(1)} MB).`);
  }
  // Linear growth: the slope between the two largest sizes is the per-row constant; what is left is fixed cost.
  const mine = rows.filter((r) => r.label.startsWith('ours')).sort((a, b) => a.relations - b.relations);
  if (mine.length >= 2) {
    const [a, b] = mine.slice(-2);
    const slope = ((b.stageMB[1] - a.stageMB[1]) * MB) / (b.relations - a.relations);
    const fixed = a.stageMB[1] - (slope * a.relations) / MB;
    lines.push('', `Memory grows linearly: dataset + index retain ≈ ${fixed.toFixed(1)} MB + ${slope.toFixed(1)} bytes × rows (fit through ${count(a.relations)} and ${count(b.relations)} rows).`);
  }
  for (const [relations, { columns, index, chars }] of sizesOf) {
    lines.push(`At ${count(relations)} rows: columns ${(columns / MB).toFixed(1)} MB (${round(columns / relations)} bytes per row, quotes, notes and statement ids included), index arrays ${(index / MB).toFixed(1)} MB (${round(index / relations)} bytes per row); the CSV text was ${(chars / MB).toFixed(1)} M characters.`);
  }
  return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const sizes = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '100k,1m').toLowerCase().split(',');
  const baseline = args.find((a) => a.startsWith('--baseline-root='))?.slice('--baseline-root='.length);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const lines = args.includes('--browser-only') ? [] : await runLoadBench(sizes, log, baseline);
  if (args.includes('--browser') || args.includes('--browser-only')) {
    const figures: BrowserLoadFigures[] = [];
    const dists = (process.env.LOAD_BENCH_DIST ?? 'dist').split(',').filter(Boolean);
    const rounds = Math.max(1, Number(process.env.LOAD_BENCH_ROUNDS ?? 1));
    for (const size of sizes) {
      // ABBA: the builds take turns, the order reversed every other round, so a drift in the machine's load falls on both.
      for (let round = 0; round < rounds; round++) {
        for (const dist of round % 2 ? [...dists].reverse() : dists) {
          log(`${dist}, ${size}, round ${round + 1} of ${rounds}`);
          const loads = await runLoadBrowserBench(SIZES[size], log, dist);
          figures.push(...loads.map((f) => ({ ...f, dist: loads.length > 1 ? `${dist} reload ${f.reload}` : dist })));
        }
      }
    }
    lines.push('', ...browserLoadLines(figures));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export interface BrowserLoadFigures {
  relations: number;
  /** The build measured (LOAD_BENCH_DIST), when several take turns. */
  dist?: string;
  /** Which reload of the saved dataset in the same browser (LOAD_BENCH_RELOADS). */
  reload?: number;
  /** Navigation start to the renderer's first drawn frame (window.__entente.firstFrameMs). */
  firstFrameMs: number;
  /** Navigation start to the graph holding every held edge (window.__entente appears). */
  readyMs: number;
  /** Main-thread JS heap after load and a forced gc (CDP Runtime.getHeapUsage's usedSize), typed-array buffers not counted. */
  heapMB: number;
  /** The typed-array and ArrayBuffer backing stores beside that heap (backingStorageSize): the columns, and quotes not yet decoded. */
  buffersMB: number;
  /** When heap and buffers were read: at ready, or once the deflated texts were swapped in (builds that post them after the dataset). */
  heapAfter?: 'ready' | 'texts-deflated-applied';
  /** Long tasks (over 50 ms) on the main thread from navigation to the graph being ready. */
  longTasks: number[];
  /** With LOAD_BENCH_ATTRIBUTE=1: each long task's heaviest functions, from a CPU profile of the same load. */
  attributed?: AttributedTask[];
  progressSeen: string[];
}

/** Until the saved dataset `id` has a snapshot in the app's database, or (a build without snapshots) the database has no store for them. */
async function waitForStoredSnapshot(page: import('playwright-core').Page, id: string, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const { waitForSnapshot } = await import('../tests/e2e/dataset-snapshots');
  await waitForSnapshot(page, id, { orNoStore: true, timeout: 120_000 });
  log(`  snapshot stored (or none kept by this build), waited ${Date.now() - started} ms`);
}

/**
 * The built app (`npm run build` first) opening a saved dataset of `relations` rows at start-up, once, or
 * LOAD_BENCH_RELOADS times in the same browser (a figure each: a build that keeps a snapshot parses on the first):
 * the dataset is put in the app's IndexedDB the way "Save" does, then the page is reloaded.
 */
export async function runLoadBrowserBench(relations: number, log: (line: string) => void, distDir = process.env.LOAD_BENCH_DIST ?? 'dist'): Promise<BrowserLoadFigures[]> {
  const { mkdir, rm, writeFile } = await import('node:fs/promises');
  const { dirname: dirOf, join } = await import('node:path');
  const { launchBrowser, openPage, serveDist } = await import('../tests/e2e/harness');
  const { seedServedFiles } = await import('../tests/e2e/generated-dataset');
  const dist = resolve(distDir);
  const dataDir = join(dist, '__load-bench');
  const files = makeFiles(relations);
  const names = Object.keys(files);
  for (const name of names) {
    await mkdir(dirOf(join(dataDir, name)), { recursive: true });
    await writeFile(join(dataDir, name), files[name]);
  }
  const server = await serveDist(dist);
  const browser = await launchBrowser();
  try {
    const { page, consoleErrors } = await openPage(browser, server.url, { width: 1280, height: 800 });
    await page.waitForSelector('.shell[data-status="ready"]', { timeout: 120_000 });
    log(`  seeding IndexedDB with ${count(relations)} relations`);
    const entry = { id: 'load-bench', name: 'Load bench', format: 'graph-data', importedAt: new Date().toISOString(), counts: { actors: 0, relations, sources: 0, types: 0 }, dateRange: { from: '', to: '' }, size: 0, hasTexts: false };
    await seedServedFiles(page, '__load-bench', names, entry);
    // A string, not a function: the bench runs under tsx, whose helpers a function would carry into the page.
    const attribute = !!process.env.LOAD_BENCH_ATTRIBUTE || !!process.env.LOAD_BENCH_PROFILE;
    await page.addInitScript(`
      ${attribute ? MARKER_SCRIPT : ''}
      window.longTasks = [];
      window.progressSeen = [];
      new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.longTasks.push([entry.startTime, entry.duration]); }).observe({ type: 'longtask', buffered: true });
      const watch = () => {
        const loading = document.querySelector('.loading');
        if (loading && window.progressSeen[window.progressSeen.length - 1] !== loading.textContent) window.progressSeen.push(loading.textContent || '');
        const hooks = window.__entente;
        if (document.querySelector('.shell[data-status="ready"]') && hooks && hooks.firstFrameMs()) {
          window.graphReady = performance.now();
          window.firstFrame = hooks.firstFrameMs();
          return;
        }
        requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    `);
    const reloads = Math.max(1, Number(process.env.LOAD_BENCH_RELOADS ?? 1));
    const loads: BrowserLoadFigures[] = [];
    for (let reload = 1; reload <= reloads; reload++) {
      // A later reload after the first has stored its snapshot (builds that keep one), so that it can answer from it.
      if (reload > 1) await waitForStoredSnapshot(page, 'load-bench', log);
      log(`  reload ${reload} of ${reloads}: the app opens the saved dataset`);
      const profiler = attribute ? await page.context().newCDPSession(page) : null;
      if (profiler) {
        await profiler.send('Profiler.enable');
        await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
        await profiler.send('Profiler.start');
      }
      // Through about:blank, so that tearing down the page before (a 1M page for a later reload) falls outside the
      // navigation timed: a plain reload counted 2-5 s of it before the worker even started.
      await page.goto('about:blank');
      await page.goto(server.url);
      await page.waitForFunction(() => (window as unknown as { firstFrame?: number }).firstFrame !== undefined, undefined, { timeout: Number(process.env.LOAD_BENCH_TIMEOUT ?? 300_000), polling: 100 }).catch(async (error) => {
        const state = await page.evaluate(() => ({ status: document.querySelector('.shell')?.getAttribute('data-status'), text: document.body.innerText.slice(0, 300), w: (window as unknown as { progressSeen: string[] }).progressSeen }));
        throw new Error(`load-bench: no first frame (${JSON.stringify(state)}; console: ${consoleErrors.slice(0, 3).join(' | ')}): ${(error as Error).message}`);
      });
      // Long-task entries arrive after their task: two frames' grace before reading those that began by ready.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const { firstFrame, readyMs, tasks, progressSeen, clockMark } = await page.evaluate(() => {
        const w = window as unknown as { longTasks: Array<[number, number]>; firstFrame: number; graphReady: number; progressSeen: string[]; __clockMark?: number };
        return { firstFrame: w.firstFrame, readyMs: w.graphReady, tasks: w.longTasks.filter(([start]) => start <= w.graphReady), progressSeen: w.progressSeen.slice(), clockMark: w.__clockMark ?? 0 };
      });
      const longTasks = tasks.map(([, d]) => d);
      // The import worker's stages and the page's own, marked on the page's clock (state/import-worker.ts), and the mount's (render/mount-marks.ts).
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => /^(import|mount):/.test(m.name)).map((m) => [m.name, m.startTime] as const));
      log(`  stages (ms since navigation): ${marks.map(([name, at]) => `${name} ${Math.round(at)}`).join(', ')}`);
      let attributed: AttributedTask[] | undefined;
      if (profiler) {
        const { profile } = (await profiler.send('Profiler.stop')) as { profile: CpuProfile };
        if (process.env.LOAD_BENCH_PROFILE) await writeFile(process.env.LOAD_BENCH_PROFILE, JSON.stringify(profile));
        attributed = attributeLongTasks(profile, tasks, clockMark);
        for (const task of attributed) log(`    task at ${Math.round(task.startMs)} ms, ${Math.round(task.durationMs)} ms: ${task.inclusive.join(' | ')}; self: ${task.self.join(' | ')}`);
      }
      const shown = await page.locator('header').first().innerText();
      log(`  first frame after ${Math.round(firstFrame)} ms, ready after ${Math.round(readyMs)} ms; long tasks ${JSON.stringify(longTasks.map(Math.round))}; header: ${shown.replace(/\s+/g, ' ').slice(0, 120)}`);
      // A build whose worker deflates the quotes and notes after posting the dataset (marks import:texts-awaited) is
      // measured once the page has swapped them in (import:texts-deflated-applied); an older build at once.
      const heapAfter = await page.evaluate(() => (performance.getEntriesByName('import:texts-awaited').length ? 'texts-deflated-applied' : 'ready'));
      if (heapAfter === 'texts-deflated-applied') await page.waitForFunction(() => performance.getEntriesByName('import:texts-deflated-applied').length > 0, undefined, { timeout: 120_000, polling: 100 });
      const appliedAt = await page.evaluate(() => performance.getEntriesByName('import:texts-deflated-applied')[0]?.startTime);
      log(`  heap read after ${heapAfter === 'ready' ? 'ready (no deflated texts to wait for in this build)' : `the deflated texts were swapped in (import:texts-deflated-applied at ${Math.round(appliedAt ?? 0)} ms)`}`);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize, backingStorageSize = 0 } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
      if (consoleErrors.length) log(`  console errors: ${consoleErrors.slice(0, 3).join(' | ')}`);
      loads.push({ relations, firstFrameMs: firstFrame, readyMs, heapMB: usedSize / MB, buffersMB: backingStorageSize / MB, heapAfter, longTasks, progressSeen, attributed, reload });
    }
    return loads;
  } finally {
    await browser.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function browserLoadLines(figures: BrowserLoadFigures[]): string[] {
  const lines = ['| build | relations | navigation → first frame ms | → ready ms | JS heap after load MB | heap + typed-array buffers MB | heap read after | long tasks > 50 ms until ready (longest ms) | progress shown | target | result |', '|---|---:|---:|---:|---:|---:|---|---|---|---|---|'];
  for (const f of figures) {
    const failures = f.relations === 1_000_000 ? [...(f.firstFrameMs > 3000 ? ['> 3 s'] : []), ...(f.heapMB + f.buffersMB > 150 ? ['> 150 MB'] : []), ...(f.longTasks.length ? ['long tasks'] : [])] : [];
    const target = f.relations === 1_000_000 ? '≤ 3 s, ≤ 150 MB (heap + buffers), no task > 50 ms' : '';
    const longest = f.longTasks.length ? Math.round(Math.max(...f.longTasks)) : 0;
    lines.push(`| ${f.dist ?? ''} | ${count(f.relations)} | ${round(f.firstFrameMs)} | ${round(f.readyMs)} | ${f.heapMB.toFixed(1)} | ${(f.heapMB + f.buffersMB).toFixed(1)} | ${f.heapAfter ?? ''} | ${f.longTasks.length} (${longest}${f.longTasks.length ? `; ${f.longTasks.map(round).join(', ')}` : ''}) | ${f.progressSeen.filter(Boolean).length} steps, last "${f.progressSeen.filter(Boolean).slice(-1)[0] ?? ''}" | ${target} | ${target ? (failures.length ? `FAIL (${failures.join(', ')})` : 'PASS') : ''} |`);
  }
  const builds = [...new Set(figures.map((f) => f.dist ?? ''))];
  if (builds.length > 1 || figures.length > builds.length) {
    lines.push('', 'Medians per build (all rounds):', '');
    for (const build of builds) {
      for (const relations of [...new Set(figures.map((f) => f.relations))]) {
        const of = figures.filter((f) => (f.dist ?? '') === build && f.relations === relations);
        if (!of.length) continue;
        const longest = of.map((f) => (f.longTasks.length ? Math.max(...f.longTasks) : 0));
        lines.push(`- ${build || 'dist'}, ${count(relations)} relations, ${of.length} loads: first frame ${round(median(of.map((f) => f.firstFrameMs)))} ms [${of.map((f) => round(f.firstFrameMs)).join(', ')}], ready ${round(median(of.map((f) => f.readyMs)))} ms [${of.map((f) => round(f.readyMs)).join(', ')}], tasks > 50 ms ${median(of.map((f) => f.longTasks.length))} [${of.map((f) => f.longTasks.length).join(', ')}], longest ${round(median(longest))} ms [${longest.map(round).join(', ')}], heap + buffers ${median(of.map((f) => f.heapMB + f.buffersMB)).toFixed(1)} MB [${of.map((f) => (f.heapMB + f.buffersMB).toFixed(1)).join(', ')}] read after ${[...new Set(of.map((f) => f.heapAfter ?? ''))].join('/')}`);
      }
    }
  }
  for (const f of figures.filter((g) => g.attributed?.length)) {
    lines.push('', `Long tasks at ${count(f.relations)} relations, with the functions that took most of each (inclusive ms, from a CPU profile of the same load, which slows it):`, '');
    for (const t of f.attributed!) lines.push(`- at ${round(t.startMs)} ms, ${round(t.durationMs)} ms: ${t.inclusive.join(', ')}; self: ${t.self.join(', ')}`);
  }
  return lines;
}
