import { describe, expect, it } from 'vitest';
import type Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { DirectRepaint } from '../../src/lib/render/repaint';
import { nodeSizeTableOf } from '../../src/lib/render/node-size-texture';

type Call = { item: string; fingerprint: number; position: number; data: { size: number } };

/**
 * The members of sigma 3 a direct repaint reads, with its re-indexing methods: addNode and addEdge put
 * a new data object in the cache, as sigma's do, and process renumbers ids and slots.
 */
function fakeSigma() {
  const calls: Call[] = [];
  const node = (): NodeDisplayData => ({ type: 'circle', size: 1, hidden: false }) as NodeDisplayData;
  const edge = (): EdgeDisplayData => ({ type: 'line', size: 1, hidden: false }) as EdgeDisplayData;
  let renders = 0;
  const s = {
    needToProcess: false,
    nodeDataCache: { a: node(), b: node() } as Record<string, NodeDisplayData>,
    edgeDataCache: { ab: edge() } as Record<string, EdgeDisplayData>,
    nodeProgramIndex: { a: 0, b: 1 } as Record<string, number>,
    edgeProgramIndex: { ab: 0 } as Record<string, number>,
    nodeIndices: { a: 1, b: 2 } as Record<string, number>,
    edgeIndices: { ab: 3 } as Record<string, number>,
    nodePrograms: { circle: { process: (fingerprint: number, position: number, data: NodeDisplayData) => calls.push({ item: 'node', fingerprint, position, data }) } },
    edgePrograms: { line: { process: (fingerprint: number, position: number, _s: unknown, _t: unknown, data: EdgeDisplayData) => calls.push({ item: 'edge', fingerprint, position, data }) } },
    scheduleRender: () => renders++,
    process() {
      s.edgeIndices = { ab: 13 };
      s.edgeProgramIndex = { ab: 5 };
      s.needToProcess = false;
    },
    addNode(key: string) {
      s.nodeDataCache[key] = node();
    },
    addEdge(key: string) {
      s.edgeDataCache[key] = edge();
    },
    removeNode() {},
    removeEdge() {},
    clearNodeIndices() {},
    clearEdgeIndices() {},
  };
  return { s, calls, renders: () => renders };
}

/** Edge 0 (ab) is held, edge 1 not. */
const HELD_FIRST = { list: Int32Array.of(0), slotOf: Int32Array.of(0, -1) };

function repainterOf(s: ReturnType<typeof fakeSigma>['s'], edgeKeys = ['ab'], held = HELD_FIRST, sizedByEnds?: (e: number) => boolean, overrides: Partial<ConstructorParameters<typeof DirectRepaint>[1]> = {}) {
  return new DirectRepaint(s as unknown as Sigma, {
    nodeKeys: ['a', 'b'],
    held,
    edgeKeys,
    sizedByEnds,
    sourceOf: Int32Array.of(0, 0),
    targetOf: Int32Array.of(1, 1),
    writeNode: (data, n) => (data.size = 10 + n),
    writeEdge: (data, e) => (data.size = 20 + e),
    ...overrides,
  });
}

describe('DirectRepaint', () => {
  it("writes each item's look into sigma's data and rewrites its slot, skipping edges the graph does not hold", () => {
    const { s, calls, renders } = fakeSigma();
    expect(repainterOf(s).repaint(Int32Array.of(1), Int32Array.of(0, 1))).toBe(true);
    expect(s.nodeDataCache.b.size).toBe(11);
    expect(s.edgeDataCache.ab.size).toBe(20);
    expect(calls.map((c) => [c.item, c.fingerprint, c.position])).toEqual([['node', 2, 1], ['edge', 3, 0]]);
    expect(renders()).toBe(1);
  });

  it("rewrites an edge's slot in each part of a compound program, with the part's own process", () => {
    const { s } = fakeSigma();
    const parts: string[] = [];
    const part = (name: string) => ({ process: (fingerprint: number, position: number) => parts.push(`${name}:${fingerprint}:${position}`) });
    const compound = { programs: [part('line'), part('head')], process: () => parts.push('compound') };
    (s.edgePrograms as Record<string, unknown>).line = compound;
    expect(repainterOf(s).repaint(Int32Array.of(), Int32Array.of(0))).toBe(true);
    expect(parts).toEqual(['line:3:0', 'head:3:0']);
  });

  it('after sigma replaces the data and renumbers the slots, writes into the new data at the new slot', () => {
    const { s, calls } = fakeSigma();
    const painter = repainterOf(s);
    painter.repaint(Int32Array.of(), Int32Array.of(0));
    const before = s.edgeDataCache.ab;
    s.addEdge('ab');
    s.process();
    expect(s.edgeDataCache.ab).not.toBe(before);
    painter.repaint(Int32Array.of(), Int32Array.of(0));
    expect(s.edgeDataCache.ab.size).toBe(20);
    expect(calls.at(-1)).toMatchObject({ fingerprint: 13, position: 5 });
    expect(calls.at(-1)!.data).toBe(s.edgeDataCache.ab);
  });

  it('changes nothing and returns false when an item has no slot yet and no full process is pending', () => {
    const { s, calls } = fakeSigma();
    delete s.edgeProgramIndex.ab;
    expect(repainterOf(s).repaint(Int32Array.of(0), Int32Array.of(0))).toBe(false);
    expect(s.nodeDataCache.a.size).toBe(1);
    expect(calls).toEqual([]);
  });

  it('while a full process is pending, writes the data only: the process fills the slots', () => {
    const { s, calls } = fakeSigma();
    s.needToProcess = true;
    delete s.edgeProgramIndex.ab;
    expect(repainterOf(s).repaint(Int32Array.of(0), Int32Array.of(0))).toBe(true);
    expect(s.nodeDataCache.a.size).toBe(10);
    expect(s.edgeDataCache.ab.size).toBe(20);
    expect(calls).toEqual([]);
  });

  it('finds the edges the graph holds after a change of the drawn-edge limit', () => {
    const { s, calls } = fakeSigma();
    const painter = repainterOf(s, [], { list: Int32Array.of(), slotOf: Int32Array.of(-1, -1) });
    painter.repaint(Int32Array.of(), Int32Array.of(0));
    expect(calls).toEqual([]);
    painter.setHeld(HELD_FIRST, ['ab']);
    painter.repaint(Int32Array.of(), Int32Array.of(0));
    expect(calls.map((c) => c.item)).toEqual(['edge']);
  });

  it('reaches a held edge once the mount has added it to the graph', () => {
    const { s, calls } = fakeSigma();
    const painter = repainterOf(s, ['']);
    painter.repaint(Int32Array.of(), Int32Array.of(0));
    expect(calls).toEqual([]);
    painter.edgeAdded(0, 'ab');
    painter.repaint(Int32Array.of(), Int32Array.of(0));
    expect(calls.map((c) => c.item)).toEqual(['edge']);
  });

  it("rewrites, unchanged, the shown edges of a resized actor whose instances hold their ends' sizes", () => {
    const { s, calls } = fakeSigma();
    const written: number[] = [];
    const painter = repainterOf(s, ['ab'], HELD_FIRST, () => true, { writeEdge: (_data, e) => written.push(e) });
    painter.repaint(Int32Array.of(1), Int32Array.of());
    expect(calls.map((c) => [c.item, c.position])).toEqual([['node', 1], ['edge', 0]]);
    // Its look did not change: its data is not rewritten.
    expect(written).toEqual([]);

    // Not an edge whose instance holds no sizes, nor a hidden one.
    calls.length = 0;
    repainterOf(s, ['ab'], HELD_FIRST, () => false).repaint(Int32Array.of(1), Int32Array.of());
    expect(calls.map((c) => c.item)).toEqual(['node']);
    calls.length = 0;
    s.edgeDataCache.ab.hidden = true;
    repainterOf(s, ['ab'], HELD_FIRST, () => true).repaint(Int32Array.of(1), Int32Array.of());
    expect(calls.map((c) => c.item)).toEqual(['node']);
  });

  it('lists an edge once when it changed and an end of it was resized', () => {
    const { s, calls } = fakeSigma();
    repainterOf(s, ['ab'], HELD_FIRST, () => true).repaint(Int32Array.of(0, 1), Int32Array.of(0, 0));
    expect(calls.map((c) => c.item)).toEqual(['node', 'node', 'edge']);
  });

  it("rewrites only the target's size of an unchanged edge into a resized actor where its program parts can, and none of one out of it", () => {
    const { s } = fakeSigma();
    const log: string[] = [];
    const part = (name: string, rewrites: boolean) => ({
      process: () => log.push(`${name}:process`),
      rewriteEndSizes: (position: number, _source: NodeDisplayData, target: NodeDisplayData) => (log.push(`${name}:sizes:${position}:${target.size}`), rewrites),
    });
    s.edgePrograms.line = { programs: [part('line', true), part('head', false)], process: () => log.push('compound') } as unknown as typeof s.edgePrograms.line;
    const painter = repainterOf(s, ['ab'], HELD_FIRST, () => true);
    // Node 0 is the source of ab: its size is in no instance.
    painter.repaint(Int32Array.of(0), Int32Array.of());
    expect(log).toEqual([]);
    // Node 1, its target: the head cannot rewrite the size alone, so it processes the edge.
    painter.repaint(Int32Array.of(1), Int32Array.of());
    expect(log).toEqual(['line:sizes:0:11', 'head:sizes:0:11', 'head:process']);
    // A changed edge is processed whole.
    log.length = 0;
    painter.repaint(Int32Array.of(1), Int32Array.of(0));
    expect(log).toEqual(['line:process', 'head:process']);
  });

  it('leaves out the unchanged edges of a resized actor that are not drawn, before reading their data', () => {
    const { s, calls } = fakeSigma();
    const painter = repainterOf(s, ['ab'], HELD_FIRST, () => true, { drawn: () => false, writeEdge: () => {} });
    // Its data says shown: only the display's word keeps it out.
    expect(s.edgeDataCache.ab.hidden).toBe(false);
    painter.repaint(Int32Array.of(1), Int32Array.of());
    expect(calls.map((c) => c.item)).toEqual(['node']);
  });

  it("while the edge programs read node sizes from the table, a resized actor is one write there and none of its edges is rewritten", () => {
    const { s, calls } = fakeSigma();
    (s.nodeDataCache.b as NodeDisplayData & { index: number }).index = 1;
    const table = nodeSizeTableOf(s);
    table.inUse = true;
    const painter = repainterOf(s, ['ab'], HELD_FIRST, () => true);
    const before = table.version;
    painter.repaint(Int32Array.of(1), Int32Array.of());
    expect(calls.map((c) => c.item)).toEqual(['node']);
    expect(table.sizes[1]).toBe(11);
    expect(table.version).toBeGreaterThan(before);
  });
});
