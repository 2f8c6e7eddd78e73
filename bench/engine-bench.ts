/**
 * `tsx bench/engine-bench.ts [--sizes=100k,1m] [--iterations=N] [--against=main | path/to/filter-engine.ts]`:
 * the filter engine alone, for quick iteration on it; `npm run bench` is the full bench. Ours, the
 * previous engine (or, with --against, the createFilterEngine of another checkout, such as main's) and
 * the full scan take turns on each filter state of the same sequences the full bench uses, and every
 * result of ours is checked against the full scan, so a fast but wrong engine fails here. Each engine's
 * takeChangedEdges is timed apart: the renderer asks for it after every update. With --by-type, ours
 * runs (and is checked) on the index with its edges renumbered by type (edges-by-type.ts). With
 * --against-in-time-order, the other engine runs on the index with its edges numbered by first row in time
 * only, as relation-index.ts did before it numbered them by type: with --against=src/lib/core/filter-engine.ts
 * that is a same-run A/B of the numbering alone.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { loadDataset } from '../src/lib/core/load';
import { buildRelationIndex } from '../src/lib/core/relation-index';
import { createFilterResult, filterRelations, type FilterResult } from '../src/lib/core/filter';
import { createFilterEngine, type FilterEngine } from '../src/lib/core/filter-engine';
import { createPreviousFilterEngine } from './previous-engine';
import { renumberedByType, renumberedInTimeOrder } from './edges-by-type';
import { BENCH_TODAY, datasetToFiles, generateDataset } from './generate';
import { CHANGE_KINDS, changeSequences, timedStep } from './changes';

const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sizes = (arg('sizes') ?? '100k,1m').split(',');
const iterations = Number(arg('iterations') ?? 100);
const only = arg('kinds')?.split(',');
const against = arg('against');
const byType = process.argv.includes('--by-type');
const againstInTimeOrder = process.argv.includes('--against-in-time-order');
/**
 * --against=<git ref> (main, HEAD): that commit's src/lib/core, copied into the gitignored .base/<ref>/,
 * so the two engines run in one process and one run, turn about.
 */
function againstPath(ref: string): string {
  if (ref.endsWith('.ts')) return resolve(ref);
  const dir = resolve('.base', ref.replace(/[^\w.-]/g, '_'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync(`git archive ${ref} src/lib/core | tar -x -C ${dir}`);
  return resolve(dir, 'src/lib/core/filter-engine.ts');
}
const otherEngine: ((index: ReturnType<typeof buildRelationIndex>) => Pick<FilterEngine, 'update' | 'takeChangedEdges'>) | null = against
  ? ((await import(againstPath(against))) as { createFilterEngine: typeof createFilterEngine }).createFilterEngine
  : null;
/** CPU time of this process in ms: unlike wall time, it leaves out the time other processes hold the cores. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(values.length * q)];
const median = (values: number[]) => quantile(values, 0.5);
const p95 = (values: number[]) => quantile(values, 0.95);

function sameResult(a: FilterResult, b: FilterResult): boolean {
  const same = (x: ArrayLike<number>, y: ArrayLike<number>) => x.length === y.length && Array.prototype.every.call(x, (v: number, i: number) => v === y[i]);
  return a.visibleCount === b.visibleCount && a.visibleStatementCount === b.visibleStatementCount && same(a.edgeCounts, b.edgeCounts) && same(a.nodeCounts, b.nodeCounts) && same(a.typeCountsInWindow, b.typeCountsInWindow) && same(a.modalityCountsInWindow, b.modalityCountsInWindow);
}

for (const size of sizes) {
  const relations = SIZES[size];
  const loaded = loadDataset(datasetToFiles(generateDataset(relations)));
  if (!loaded.ok) throw new Error('bench: generated dataset does not load');
  const index = buildRelationIndex(loaded.dataset, BENCH_TODAY);
  const oursIndex = byType ? renumberedByType(index) : index;
  const againstIndex = againstInTimeOrder ? renumberedInTimeOrder(index) : index;
  const previous = otherEngine ? otherEngine(againstIndex) : { ...createPreviousFilterEngine(againstIndex), takeChangedEdges: () => new Int32Array(0) };
  const buildStart = performance.now();
  const engine = createFilterEngine(oursIndex);
  const buildMs = performance.now() - buildStart;
  const scan = createFilterResult(oursIndex);
  const sequences = changeSequences(index, iterations + 20);
  console.log(`${size}: ${index.edgeTypeOf.length} edges${byType ? ' (ours renumbered by type)' : ''}${againstInTimeOrder ? ' (against: edges in time order)' : ''}, engine built in ${buildMs.toFixed(0)} ms, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (const kind of CHANGE_KINDS) {
    if (only && !only.some((o) => kind.startsWith(o))) continue;
    const warmup = kind === 'whole period' ? 20 : 10;
    const ours: number[] = [];
    const oursCpu: number[] = [];
    const prev: number[] = [];
    const full: number[] = [];
    const takeOurs: number[] = [];
    const takePrev: number[] = [];
    // CPU time of this process (leaves out the time other processes hold the cores): the shared machine's wall times swing 2×.
    const prevCpu: number[] = [];
    const takeOursCpu: number[] = [];
    const takePrevCpu: number[] = [];
    let wrong = 0;
    sequences[kind].forEach((filter, i) => {
      // ABBA: which engine goes first alternates step by step, because going first (right after the
      // full scan below has flushed the caches) or second measured up to 1.36× apart.
      const runOurs = () => {
        const c0 = cpuMs();
        const t0 = performance.now();
        engine.update(filter);
        const t1 = performance.now();
        const c1 = cpuMs();
        engine.takeChangedEdges();
        return [t1 - t0, c1 - c0, performance.now() - t1, cpuMs() - c1];
      };
      const runOther = () => {
        const c0 = cpuMs();
        const t0 = performance.now();
        previous.update(filter);
        const t1 = performance.now();
        const c1 = cpuMs();
        previous.takeChangedEdges();
        return [t1 - t0, performance.now() - t1, c1 - c0, cpuMs() - c1];
      };
      const oursFirst = i % 4 === 0 || i % 4 === 3;
      const [oursMs, oursCpuMs, oursTakeMs, oursTakeCpuMs] = oursFirst ? runOurs() : [];
      const [otherMs, otherTakeMs, otherCpuMs, otherTakeCpuMs] = runOther();
      const [late, lateCpu, lateTake, lateTakeCpu] = oursFirst ? [] : runOurs();
      const t2b = performance.now();
      filterRelations(oursIndex, filter, scan);
      const t3 = performance.now();
      if (i % 10 === 0 && !sameResult(engine.result, scan)) wrong++;
      if (i < warmup || !timedStep(kind, i)) return;
      ours.push(oursMs ?? late);
      oursCpu.push(oursCpuMs ?? lateCpu);
      prev.push(otherMs);
      full.push(t3 - t2b);
      takeOurs.push(oursTakeMs ?? lateTake);
      takePrev.push(otherTakeMs);
      takeOursCpu.push(oursTakeCpuMs ?? lateTakeCpu);
      prevCpu.push(otherCpuMs);
      takePrevCpu.push(otherTakeCpuMs);
    });
    const o = median(ours);
    const ms = (values: number[]) => `${median(values).toFixed(3)} ms (p95 ${p95(values).toFixed(3)})`;
    const cpu = (values: number[]) => median(values).toFixed(3);
    console.log(`  ${kind.padEnd(14)} engine ${ms(ours)} cpu ${cpu(oursCpu)}, take ${ms(takeOurs)} cpu ${cpu(takeOursCpu)}  ${against ? 'against' : 'previous'} ${ms(prev)} cpu ${cpu(prevCpu)} (${(median(prev) / o).toFixed(1)}×, cpu ${(median(prevCpu) / median(oursCpu)).toFixed(2)}×), take ${ms(takePrev)} cpu ${cpu(takePrevCpu)}  full scan ${median(full).toFixed(3)} ms${wrong ? `  WRONG in ${wrong} checks` : ''}`);
  }
  console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}
