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
import { runNodeBench, type NodeBenchPlan, type NodeBenchResult } from './node-bench';
import { runBrowserBench, type BrowserBenchResult } from './browser-bench';
import { runLoadBench } from './load-bench';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const PLANS: Record<string, NodeBenchPlan> = {
  '10k': { relations: 10_000, filterIterations: 200, rebuildIterations: 100, loadRepeats: 5 },
  '100k': { relations: 100_000, filterIterations: 200, rebuildIterations: 40, loadRepeats: 3 },
  '1m': { relations: 1_000_000, filterIterations: 200, rebuildIterations: 10, loadRepeats: 1 },
};
/** Median filter update in Node, by relation count. */
const FILTER_TARGET_MS: Record<number, number> = { 100_000: 0.5, 1_000_000: 3 };
const SPEEDUP_TARGET = 50;
const BROWSER_ITERATIONS = { ours: 15, rebuild: 12 };

const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (value: number) => (value < 10 ? value.toFixed(3) : value.toFixed(1));
const times = (value: number) => `${value >= 100 ? Math.round(value) : value.toFixed(1)}×`;
const mb = (value: number) => value.toFixed(1);
const count = (value: number) => value.toLocaleString('en-US');

function filterTable(results: NodeBenchResult[]): string[] {
  const lines = [
    '| relations | actors | aggregated edges | ours median ms | ours p95 ms | full scan median ms | rebuild median ms | rebuild p95 ms | rebuild / ours | full scan / ours | bare scan ms | ours / bare scan | engine build ms | target | result |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of results) {
    const speedup = r.rebuild.median / r.ours.median;
    const limit = FILTER_TARGET_MS[r.plan.relations];
    const failures = [
      ...(limit !== undefined && r.ours.median > limit ? [`median > ${limit} ms`] : []),
      ...(speedup < SPEEDUP_TARGET ? [`< ${SPEEDUP_TARGET}×`] : []),
    ];
    const target = [...(limit !== undefined ? [`≤ ${limit} ms`] : []), `≥ ${SPEEDUP_TARGET}×`].join(', ');
    lines.push(
      `| ${count(r.plan.relations)} | ${count(r.actors)} | ${count(r.edges)} | ${ms(r.ours.median)} | ${ms(r.ours.p95)} | ${ms(r.fullScan.median)} | ${ms(r.rebuild.median)} | ${ms(r.rebuild.p95)} | ${times(speedup)} | ${times(r.fullScan.median / r.ours.median)} | ${ms(r.bareScan.median)} | ${times(r.ours.median / r.bareScan.median)} | ${Math.round(r.engineBuildMs)} | ${target} | ${failures.length ? `FAIL (${failures.join(', ')})` : 'PASS'} |`,
    );
  }
  return lines;
}

function loadTable(results: NodeBenchResult[]): string[] {
  const lines = [
    '| relations | CSV MB | load ms (parse+validate, index, graph) | Papa.parse ms | load / Papa.parse | heap dataset MB | heap index MB | heap graph MB | engine typed arrays MB | graph heap / engine arrays |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const { dataset, index, graph, total } = r.loadMs;
    lines.push(
      `| ${count(r.plan.relations)} | ${mb(r.csvMB)} | ${Math.round(total)} (${Math.round(dataset)} + ${Math.round(index)} + ${Math.round(graph)}) | ${Math.round(r.papaParseMs)} | ${times(total / r.papaParseMs)} | ${mb(r.heapMB.dataset)} | ${mb(r.heapMB.index)} | ${mb(r.heapMB.graph)} | ${mb(r.engineMB)} | ${times(r.heapMB.graph / r.engineMB)} |`,
    );
  }
  return lines;
}

function browserLines(b: BrowserBenchResult): string[] {
  const { ours, rebuild } = b;
  return [
    `Browser (headless Chromium, SwiftShader WebGL, ${count(b.relations)} relations, ${count(b.edges)} aggregated edges; ${ours.iterations} / ${rebuild.iterations} filter changes):`,
    '',
    '| | ours: filter engine + renderer.update | rebuild: new subgraph + sigma.setGraph | rebuild / ours |',
    '|---|---:|---:|---:|',
    `| filter-to-frame median ms (change → 2 rAF) | ${ms(ours.toFrameMedian)} | ${ms(rebuild.toFrameMedian)} | ${times(rebuild.toFrameMedian / ours.toFrameMedian)} |`,
    `| filter-to-frame p95 ms | ${ms(ours.toFrameP95)} | ${ms(rebuild.toFrameP95)} | ${times(rebuild.toFrameP95 / ours.toFrameP95)} |`,
    `| main-thread median ms (synchronous part, incl. sigma render) | ${ms(ours.mainThreadMedian)} | ${ms(rebuild.mainThreadMedian)} | ${times(rebuild.mainThreadMedian / ours.mainThreadMedian)} |`,
    ...(b.consoleErrors.length ? ['', `Console errors in the bench page: ${b.consoleErrors.slice(0, 3).join(' | ')}`] : []),
  ];
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
    out.push('', '## Filter update (Node)', '', 'Ours: the filter engine (createFilterEngine: rows grouped by type, modality and span length, sorted by start, one grouping for spans as attested and one carried forward to today; binary search, then only candidate rows; the previous result undone edge by edge; which rows are visible is worked out only when asked for). Full scan: filterRelations, the one-pass reference the engine is tested against. Rebuild: the full scan plus a new graphology MultiGraph of the visible actors and one edge per visible aggregated edge. Bare scan: one loop over the start and end arrays counting rows in the window, nothing else: the floor of any one-pass filter on this machine. Same random windows, type masks, modality masks and carry-forward settings for all (half carry standing relations forward, a quarter hide a modality); rows share statements (30%) and standing rows are attested through the publication dates of their sources, spread over the period.', '');
    out.push(...filterTable(results));
    out.push('', '## Load and memory (Node)', '', 'Load: loadDataset(files) + buildRelationIndex + buildGraph from the CSV texts; baseline: Papa.parse of the same texts, no validation. Heap: heapUsed + arrayBuffers after gc, per stage.', '');
    out.push(...loadTable(results));
    const loadSizes = sizes.filter((size) => size !== '10k');
    if (loadSizes.length) out.push('', '## Load into columns (Node, issue 12 §1)', '', ...(await runLoadBench(loadSizes, log)));
  }
  if (!nodeOnly) {
    log('browser bench, 100k relations');
    out.push('', '## Filter to frame (browser)', '', ...browserLines(await runBrowserBench(BROWSER_ITERATIONS.ours, BROWSER_ITERATIONS.rebuild, log)));
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
