/**
 * `npm run bench`: Node figures for 10k, 100k and 1M relations, then the
 * browser filter-to-frame figure for 100k. Every figure comes with a baseline
 * measured in the same run. Options: --node-only, --browser (browser only),
 * --sizes=10k,100k,1m.
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANGE_KINDS, runNodeBench, type ChangeKind, type NodeBenchPlan, type NodeBenchResult } from './node-bench';
import { runBrowserBench, type BrowserBenchResult } from './browser-bench';
import { runLoadBench } from './load-bench';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const PLANS: Record<string, NodeBenchPlan> = {
  '10k': { relations: 10_000, filterIterations: 200, rebuildIterations: 100, loadRepeats: 5 },
  '100k': { relations: 100_000, filterIterations: 200, rebuildIterations: 20, loadRepeats: 2 },
  '1m': { relations: 1_000_000, filterIterations: 100, rebuildIterations: 4, loadRepeats: 1 },
};
/** Median filter engine update at 1M relations, by kind of change (issue 12 §3). */
const ENGINE_TARGET_MS: Partial<Record<ChangeKind, Record<number, number>>> = {
  'random windows': { 1_000_000: 2 },
  'whole period': { 1_000_000: 4 },
};
/** Median slider move (engine + display update; sigma's refresh is in the browser table), by relation count. */
const MOVE_TARGET_MS: Record<number, number> = { 100_000: 2, 1_000_000: 16 };
const SPEEDUP_TARGET = 50;
// Few: SwiftShader draws 66k edges in software, seconds per frame on a loaded 2-core machine.
const BROWSER_ITERATIONS = { ours: 7, reducers: 5, rebuild: 5 };

const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (value: number) => (value < 10 ? value.toFixed(3) : value.toFixed(1));
const times = (value: number) => `${value >= 100 ? Math.round(value) : value.toFixed(1)}×`;
const mb = (value: number) => value.toFixed(1);
const count = (value: number) => value.toLocaleString('en-US');

function filterTable(results: NodeBenchResult[]): string[] {
  const lines = [
    '| relations | aggregated edges | change | engine median ms | engine p95 ms | previous engine median ms | previous / engine | full scan median ms | move median ms (engine + display) | move p95 ms | previous move median ms | previous / move | edges changed (median) | rebuild median ms | rebuild / move | target | result |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of results) {
    for (const kind of CHANGE_KINDS) {
      const c = r.changes[kind];
      const n = r.plan.relations;
      const engineLimit = ENGINE_TARGET_MS[kind]?.[n];
      const moveLimit = MOVE_TARGET_MS[n];
      const speedup = c.rebuild.median / c.move.median;
      const failures = [
        ...(engineLimit !== undefined && c.engine.median > engineLimit ? [`engine > ${engineLimit} ms`] : []),
        ...(moveLimit !== undefined && c.move.median > moveLimit ? [`move > ${moveLimit} ms`] : []),
        ...(speedup < SPEEDUP_TARGET ? [`rebuild < ${SPEEDUP_TARGET}× move`] : []),
      ];
      const target = [...(engineLimit !== undefined ? [`engine ≤ ${engineLimit} ms`] : []), ...(moveLimit !== undefined ? [`move ≤ ${moveLimit} ms`] : []), `≥ ${SPEEDUP_TARGET}×`].join(', ');
      lines.push(
        `| ${count(n)} | ${count(r.edges)} | ${kind} | ${ms(c.engine.median)} | ${ms(c.engine.p95)} | ${ms(c.previousEngine.median)} | ${times(c.previousEngine.median / c.engine.median)} | ${ms(c.fullScan.median)} | ${ms(c.move.median)} | ${ms(c.move.p95)} | ${ms(c.previousMove.median)} | ${times(c.previousMove.median / c.move.median)} | ${count(Math.round(c.changedEdges))} | ${ms(c.rebuild.median)} | ${times(speedup)} | ${target} | ${failures.length ? `FAIL (${failures.join(', ')})` : 'PASS'} |`,
      );
    }
  }
  lines.push('', ...results.map((r) => `Bare scan (one loop over starts and ends, the floor of any one-pass filter) at ${count(r.plan.relations)} relations: ${ms(r.bareScan.median)} ms median.`));
  return lines;
}

function loadTable(results: NodeBenchResult[]): string[] {
  const lines = [
    '| relations | CSV MB | load ms total | parse+validate | index | graph | engine | histogram | search index | Papa.parse ms | load / Papa.parse | retained heap MB total | dataset (with any CSV text it keeps) | index | graph | engine | histogram | search index | retained MB per 100k rows |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const l = r.loadMs;
    const h = r.heapMB;
    lines.push(
      `| ${count(r.plan.relations)} | ${mb(r.csvMB)} | ${Math.round(l.total)} | ${Math.round(l.dataset)} | ${Math.round(l.index)} | ${Math.round(l.graph)} | ${Math.round(l.engine)} | ${Math.round(l.histogram)} | ${Math.round(l.search)} | ${Math.round(r.papaParseMs)} | ${times(l.total / r.papaParseMs)} | ${mb(h.total)} | ${mb(h.dataset)} | ${mb(h.index)} | ${mb(h.graph)} | ${mb(h.engine)} | ${mb(h.histogram)} | ${mb(h.search)} | ${mb((h.total / r.plan.relations) * 100_000)} |`,
    );
  }
  return lines;
}

/** Browser filter-to-frame at 100k: at least this many times faster than the rebuild baseline (issue 12 §3). */
const BROWSER_SPEEDUP_TARGET = 3;
/** Whole slider move at 100k, main thread (issue 12 §3). */
const BROWSER_MOVE_TARGET_MS = 2;

function browserLines(b: BrowserBenchResult): string[] {
  const { ours, reducers, rebuild } = b.ways;
  const gpu = b.gpuCpuPerChange;
  const lines = [
    `Browser (headless Chromium, SwiftShader WebGL, ${count(b.relations)} relations, ${count(b.edges)} aggregated edges; ${ours['random windows'].iterations} / ${reducers['random windows'].iterations} / ${rebuild['random windows'].iterations} changes of each kind). Ours: filter engine + GraphRenderer.update (display from the engine's changed edges, the changed items' looks written in place into sigma's display data and program slots, drawn at the next frame; edge programs upload and draw only visible instances). Reducers: one graph, sigma reducers hiding filtered items, full scan + sigma.refresh({ skipIndexation: true }) per change, as sigma's own example does, with the same edge programs as ours (so it too draws only visible edges). Rebuild: full scan + a new graph of the visible items + sigma.setGraph (Gephi Lite). Main thread: the synchronous part plus sigma's render of the change, wherever it ran. GPU process CPU: user + system time of Chromium's GPU process (SwiftShader rasterises there, on its worker threads) over all the changes of the row, the first state and warm-ups included, per change; the same changes for every way.`,
    '',
    '| change | ours to frame median ms | reducers | rebuild | reducers / ours | rebuild / ours | ours main thread median ms | ours main p95 | reducers main | rebuild main | GPU process CPU ms per change, ours | reducers | rebuild | rebuild / ours | target | result |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const kind of CHANGE_KINDS) {
    const [o, r, g] = [ours[kind], reducers[kind], rebuild[kind]];
    const speedup = g.toFrameMedian / o.toFrameMedian;
    const failures = [
      ...(speedup < BROWSER_SPEEDUP_TARGET ? [`rebuild < ${BROWSER_SPEEDUP_TARGET}× ours`] : []),
      ...(o.mainThreadMedian > BROWSER_MOVE_TARGET_MS ? [`main thread > ${BROWSER_MOVE_TARGET_MS} ms`] : []),
    ];
    lines.push(
      `| ${kind} | ${ms(o.toFrameMedian)} | ${ms(r.toFrameMedian)} | ${ms(g.toFrameMedian)} | ${times(r.toFrameMedian / o.toFrameMedian)} | ${times(speedup)} | ${ms(o.mainThreadMedian)} | ${ms(o.mainThreadP95)} | ${ms(r.mainThreadMedian)} | ${ms(g.mainThreadMedian)} | ${Math.round(gpu.ours[kind])} | ${Math.round(gpu.reducers[kind])} | ${Math.round(gpu.rebuild[kind])} | ${times(gpu.rebuild[kind] / gpu.ours[kind])} | ≥ ${BROWSER_SPEEDUP_TARGET}× rebuild, main ≤ ${BROWSER_MOVE_TARGET_MS} ms | ${failures.length ? `FAIL (${failures.join(', ')})` : 'PASS'} |`,
    );
  }
  if (b.consoleErrors.length) lines.push('', `Console errors in the bench page: ${b.consoleErrors.slice(0, 3).join(' | ')}`);
  return lines;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const browserOnly = args.includes('--browser');
  const nodeOnly = args.includes('--node-only');
  const sizes = (args.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length) ?? '10k,100k,1m').toLowerCase().split(',');
  for (const size of sizes) if (!PLANS[size]) throw new Error(`bench: unknown size "${size}"; use ${Object.keys(PLANS).join(', ')}`);
  const started = performance.now();
  const out = [
    `# Entente bench, ${new Date().toISOString().slice(0, 16)}Z`,
    '',
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}; seeded synthetic data, 2014-2023, Zipf-like actors, 12 types.`,
  ];

  if (!browserOnly) {
    const results: NodeBenchResult[] = [];
    for (const size of sizes) {
      log(`node bench, ${size} relations`);
      results.push(runNodeBench(PLANS[size], log));
    }
    out.push('', '## Filter change (Node)', '', 'Engine: createFilterEngine alone (rows grouped by type, modality and span length; each shown type counted from inside the window or from outside it, whichever touches fewer rows and edges). Move: the engine plus the display update the renderer makes (updateDisplay from the engine\'s changed edges, giving the node and edge indices render/repaint.ts writes into sigma\'s program slots), all of a slider move but that write and the frame, which the browser table times. As in the app, the display covers the edges the graph holds, the 50,000 strongest (DEFAULT_EDGE_LIMIT); the counts stay exact over every edge. Previous: the engine before issue 12 (bench/previous-engine.ts) and, for the move, it with the previous display path (computeDisplay over every edge, then a diff of every node and edge). Full scan: filterRelations, the one-pass reference the engine is tested against. Rebuild: the full scan plus a new graphology graph of the visible actors and edges (the Gephi Lite pattern). Changes: random windows (30 days to 3 years, random types, half carry standing relations forward, a quarter hide a modality); the whole period with every type shown, the state the app opens in, timed on the jump into it from a random window; a one-year window dragged a week per move. Same filter states for every column; rows share statements (30%).', '');
    out.push(...filterTable(results));
    out.push('', '## Load and memory (Node)', '', 'Every stage the app pays for before the first frame: loadDataset (parse and validate), buildRelationIndex, buildGraph, createFilterEngine, the monthly histogram and the actor search index. Baseline: Papa.parse of the same texts, no validation. Retained heap: heapUsed + arrayBuffers after gc, per stage, with the CSV texts decoded for the load and dropped after it, so any text the dataset still holds is counted.', '');
    out.push(...loadTable(results));
    const loadSizes = sizes.filter((size) => size !== '10k');
    if (loadSizes.length) out.push('', '## Load into columns (Node, issue 12 §1)', '', ...(await runLoadBench(loadSizes, log)));
  }
  if (!nodeOnly) {
    log('browser bench, 100k relations');
    out.push('', '## Filter to frame (browser)', '', ...browserLines(await runBrowserBench(BROWSER_ITERATIONS, log)));
  }
  out.push('', `Total bench time: ${Math.round((performance.now() - started) / 1000)} s.`);

  const markdown = `${out.join('\n')}\n`;
  process.stdout.write(`\n${markdown}`);
  await mkdir(resolve(BENCH_DIR, 'results'), { recursive: true });
  await writeFile(resolve(BENCH_DIR, 'results', 'latest.md'), markdown);
}

// Memory figures need gc(); re-run this script in a Node that exposes it, with room for the 1M graph.
if (typeof (globalThis as { gc?: unknown }).gc !== 'function' && !process.env.ENTENTE_BENCH_CHILD) {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit', cwd: resolve(BENCH_DIR, '..'), env: { ...process.env, ENTENTE_BENCH_CHILD: '1' } },
  );
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await main();
}
