/**
 * `tsx bench/engine-bench.ts [--sizes=100k,1m] [--iterations=N]`: the filter engine alone, for quick
 * iteration on it; `npm run bench` is the full bench. Ours, the previous engine and the full scan take
 * turns on each filter state of the same sequences the full bench uses, and every result of ours is
 * checked against the full scan, so a fast but wrong engine fails here.
 */
import { loadavg } from 'node:os';
import { loadDataset } from '../src/lib/core/load';
import { buildRelationIndex } from '../src/lib/core/relation-index';
import { createFilterResult, filterRelations, type FilterResult } from '../src/lib/core/filter';
import { createFilterEngine } from '../src/lib/core/filter-engine';
import { createPreviousFilterEngine } from './previous-engine';
import { BENCH_TODAY, datasetToFiles, generateDataset } from './generate';
import { CHANGE_KINDS, changeSequences, timedStep } from './changes';

const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sizes = (arg('sizes') ?? '100k,1m').split(',');
const iterations = Number(arg('iterations') ?? 100);
const only = arg('kinds')?.split(',');
/** CPU time of this process in ms: unlike wall time, it leaves out the time other processes hold the cores. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function sameResult(a: FilterResult, b: FilterResult): boolean {
  const same = (x: ArrayLike<number>, y: ArrayLike<number>) => x.length === y.length && Array.prototype.every.call(x, (v: number, i: number) => v === y[i]);
  return a.visibleCount === b.visibleCount && a.visibleStatementCount === b.visibleStatementCount && same(a.edgeCounts, b.edgeCounts) && same(a.nodeCounts, b.nodeCounts) && same(a.typeCountsInWindow, b.typeCountsInWindow) && same(a.modalityCountsInWindow, b.modalityCountsInWindow);
}

for (const size of sizes) {
  const relations = SIZES[size];
  const loaded = loadDataset(datasetToFiles(generateDataset(relations)));
  if (!loaded.ok) throw new Error('bench: generated dataset does not load');
  const index = buildRelationIndex(loaded.dataset, BENCH_TODAY);
  const buildStart = performance.now();
  const engine = createFilterEngine(index);
  const buildMs = performance.now() - buildStart;
  const previous = createPreviousFilterEngine(index);
  const scan = createFilterResult(index);
  const sequences = changeSequences(index, iterations + 20);
  console.log(`${size}: ${index.edges.length} edges, engine built in ${buildMs.toFixed(0)} ms, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (const kind of CHANGE_KINDS) {
    if (only && !only.some((o) => kind.startsWith(o))) continue;
    const warmup = kind === 'whole period' ? 20 : 10;
    const ours: number[] = [];
    const oursCpu: number[] = [];
    const prev: number[] = [];
    const full: number[] = [];
    let wrong = 0;
    sequences[kind].forEach((filter, i) => {
      const c0 = cpuMs();
      const t0 = performance.now();
      engine.update(filter);
      const t1 = performance.now();
      const c1 = cpuMs();
      previous.update(filter);
      const t2 = performance.now();
      filterRelations(index, filter, scan);
      const t3 = performance.now();
      engine.takeChangedEdges();
      if (i % 10 === 0 && !sameResult(engine.result, scan)) wrong++;
      if (i < warmup || !timedStep(kind, i)) return;
      ours.push(t1 - t0);
      oursCpu.push(c1 - c0);
      prev.push(t2 - t1);
      full.push(t3 - t2);
    });
    const o = median(ours);
    console.log(`  ${kind.padEnd(14)} engine ${o.toFixed(3)} ms (cpu ${median(oursCpu).toFixed(3)})  previous ${median(prev).toFixed(3)} ms (${(median(prev) / o).toFixed(1)}×)  full scan ${median(full).toFixed(3)} ms${wrong ? `  WRONG in ${wrong} checks` : ''}`);
  }
  console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}
