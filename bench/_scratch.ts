import { generateDataset, randomFilters, BENCH_TODAY } from './generate';
import { buildRelationIndex, type RelationIndex } from '../src/lib/core/relation-index';
import { createFilterResult, filterRelations, type RelationFilter, type FilterResult } from '../src/lib/core/filter';
function branchless(index: RelationIndex, filter: RelationFilter, into: FilterResult) {
  const { starts, ends, typeOf, edgeOf, relationCount } = index;
  const { from, to, typeMask } = filter;
  const { visible, typeCountsInWindow, edgeCounts, nodeCounts } = into;
  typeCountsInWindow.fill(0); edgeCounts.fill(0); nodeCounts.fill(0);
  let visibleCount = 0;
  for (let i = 0; i < relationCount; i++) {
    const w = (((to - starts[i]) | (ends[i] - from)) >>> 31) ^ 1;
    const t = typeOf[i];
    typeCountsInWindow[t] += w;
    const v = w & typeMask[t];
    visible[i] = v;
    visibleCount += v;
    edgeCounts[edgeOf[i]] += v;
  }
  const { edgeSourceIndex, edgeTargetIndex } = index;
  for (let e = 0; e < edgeCounts.length; e++) {
    const c = edgeCounts[e];
    if (c === 0) continue;
    nodeCounts[edgeSourceIndex[e]] += c; nodeCounts[edgeTargetIndex[e]] += c;
  }
  into.visibleCount = visibleCount;
  return into;
}
for (const n of [100_000, 1_000_000]) {
  const index = buildRelationIndex(generateDataset(n), BENCH_TODAY);
  const fs = randomFilters(index.typeIds.length, index.extent, n > 100000 ? 200 : 1000);
  for (const [name, fn] of [['current', filterRelations], ['branchless', branchless]] as const) {
    const r = createFilterResult(index);
    for (let k = 0; k < 2; k++) { const t = performance.now(); for (const f of fs) fn(index, f, r); console.log(n, name, ((performance.now() - t) / fs.length).toFixed(4)); }
  }
  // check identical
  const a = createFilterResult(index), b = createFilterResult(index);
  filterRelations(index, fs[5], a); branchless(index, fs[5], b);
  console.log('same', a.visibleCount === b.visibleCount && a.edgeCounts.every((x, i) => x === b.edgeCounts[i]) && a.typeCountsInWindow.every((x,i)=>x===b.typeCountsInWindow[i]));
}
