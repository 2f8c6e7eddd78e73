/**
 * Load bench (issue 12 §1): CSV text to a validated dataset and its relation
 * index, time and retained memory, at 100k and 1M relations.
 *
 * Retained memory is heapUsed + arrayBuffers after gc, with the CSV texts
 * dropped: whatever still holds on to them (a quote sliced out of a file)
 * counts. Baselines in the same run: Papa.parse of the same texts into row
 * objects (no validation, no index), and, with `--baseline-root=<checkout>`,
 * the loader and index of another checkout (e.g. the main branch before the
 * columns), measured the same way.
 *
 * Run alone: `node --expose-gc --import tsx bench/load-bench.ts [--sizes=100k,1m] [--baseline-root=../main]`.
 */
import Papa from 'papaparse';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadDataset } from '../src/lib/core/load';
import { buildRelationIndex } from '../src/lib/core/relation-index';
import { columnBytes } from '../src/lib/core/relation-columns';
import { BENCH_TODAY, datasetToFiles, generateDataset } from './generate';

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

export interface LoadFigures {
  label: string;
  relations: number;
  /** Median over repeats. */
  loadMs: number;
  indexMs: number;
  /** Retained by dataset + index, files dropped. */
  retainedMB: number;
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

/** One measured load: files made inside, so that dropping them leaves nothing but what the load kept. */
function measureOnce(loader: Loader, relations: number): { loadMs: number; indexMs: number; retained: number; kept: unknown } {
  const before = memoryInUse();
  let files: Files | null = makeFiles(relations);
  const t0 = performance.now();
  const loaded = loader.loadDataset(files);
  const t1 = performance.now();
  if (!loaded.ok) throw new Error(`load-bench: generated dataset does not load: ${loaded.issues.slice(0, 3).map((i) => i.message).join('; ')}`);
  const index = loader.buildRelationIndex(loaded.dataset as never, BENCH_TODAY);
  const t2 = performance.now();
  files = null;
  const retained = memoryInUse() - before;
  return { loadMs: t1 - t0, indexMs: t2 - t1, retained, kept: index };
}

function measure(label: string, loader: Loader, relations: number, repeats: number): LoadFigures {
  const load: number[] = [];
  const index: number[] = [];
  let retained = 0;
  for (let r = 0; r < repeats; r++) {
    const run = measureOnce(loader, relations);
    load.push(run.loadMs);
    index.push(run.indexMs);
    retained = run.retained;
  }
  return { label, relations, loadMs: median(load), indexMs: median(index), retainedMB: retained / MB };
}

function measurePapa(relations: number, repeats: number): LoadFigures {
  const times: number[] = [];
  let retained = 0;
  for (let r = 0; r < repeats; r++) {
    const before = memoryInUse();
    let files: Files | null = makeFiles(relations);
    const t0 = performance.now();
    const rows = Object.values(files).map((text) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data);
    times.push(performance.now() - t0);
    files = null;
    retained = memoryInUse() - before;
    if (rows.length === 0) throw new Error('load-bench: no rows');
  }
  return { label: 'baseline: Papa.parse to row objects (no validation, no index)', relations, loadMs: median(times), indexMs: 0, retainedMB: retained / MB };
}

const round = (value: number) => String(Math.round(value));
const count = (value: number) => value.toLocaleString('en-US');

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
  const perRow = new Map<number, { columns: number }>();
  for (const size of sizes) {
    const relations = SIZES[size];
    if (!relations) throw new Error(`load-bench: unknown size "${size}"`);
    const repeats = relations >= 1_000_000 ? 3 : 5;
    log(`load bench, ${size}: Papa.parse baseline`);
    rows.push(measurePapa(relations, repeats));
    if (old) {
      log(`load bench, ${size}: baseline checkout ${baselineRoot}`);
      rows.push(measure(`baseline: loader + index of ${baselineRoot}`, old, relations, relations >= 1_000_000 ? 1 : 3));
    }
    log(`load bench, ${size}: ours`);
    const figures = measure('ours: columns (loadDataset + buildRelationIndex)', ours, relations, repeats);
    rows.push(figures);
    const loaded = loadDataset(makeFiles(relations));
    if (loaded.ok) {
      const index = buildRelationIndex(loaded.dataset, BENCH_TODAY);
      perRow.set(relations, { columns: columnBytes(index.columns) });
    }
    log(`  ${round(figures.loadMs)} + ${round(figures.indexMs)} ms, ${figures.retainedMB.toFixed(1)} MB retained`);
  }

  const lines = [
    '| relations | path | load ms (parse + validate) | index ms | total ms | retained MB (files dropped) | bytes per row | target | result |',
    '|---:|---|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of rows) {
    const total = r.loadMs + r.indexMs;
    const isOurs = r.label.startsWith('ours');
    const atTarget = isOurs && r.relations === 1_000_000;
    const failures = atTarget ? [...(total > TARGET_MS ? [`> ${TARGET_MS} ms`] : []), ...(r.retainedMB > TARGET_MB ? [`> ${TARGET_MB} MB`] : [])] : [];
    const target = atTarget ? `≤ ${TARGET_MS} ms, ≤ ${TARGET_MB} MB` : '';
    const result = atTarget ? (failures.length ? `FAIL (${failures.join(', ')})` : 'PASS') : '';
    lines.push(`| ${count(r.relations)} | ${r.label} | ${round(r.loadMs)} | ${round(r.indexMs)} | ${round(total)} | ${r.retainedMB.toFixed(1)} | ${round((r.retainedMB * MB) / r.relations)} | ${target} | ${result} |`);
  }
  // Linear growth: the slope between the two largest sizes is the per-row constant; what is left is fixed cost.
  const mine = rows.filter((r) => r.label.startsWith('ours')).sort((a, b) => a.relations - b.relations);
  if (mine.length >= 2) {
    const [a, b] = mine.slice(-2);
    const slope = ((b.retainedMB - a.retainedMB) * MB) / (b.relations - a.relations);
    const fixed = a.retainedMB - (slope * a.relations) / MB;
    lines.push('', `Memory grows linearly: retained ≈ ${fixed.toFixed(1)} MB + ${slope.toFixed(1)} bytes × rows (fit through ${count(a.relations)} and ${count(b.relations)} rows).`);
  }
  for (const [relations, { columns }] of perRow) lines.push(`Columns alone at ${count(relations)} rows: ${(columns / MB).toFixed(1)} MB (${round(columns / relations)} bytes per row, quotes, notes and statement ids included).`);
  return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const sizes = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '100k,1m').toLowerCase().split(',');
  const baseline = args.find((a) => a.startsWith('--baseline-root='))?.slice('--baseline-root='.length);
  const lines = await runLoadBench(sizes, (line) => process.stderr.write(`${line}\n`), baseline);
  process.stdout.write(`${lines.join('\n')}\n`);
}
