import { describe, expect, test } from 'vitest';
import { LabelFrameMemo } from '../../src/lib/core/label-frame-memo';

type Node = [key: string, label: string, x: number, y: number, r: number, priority: number, forced: boolean];
const nodes: Node[] = [
  ['a', 'Alpha', 10, 20, 4, 3, false],
  ['b', 'Beta', 100, 50, 6, 5, false],
  ['c', 'Gamma', 300, 200, 2, 1, true],
];

/** One frame through the memo: true when it equals the frame before. */
function frame(memo: LabelFrameMemo, list: Node[], context = [960, 600, 12]): boolean {
  memo.begin(context);
  for (const n of list) memo.push(...n);
  return memo.end();
}

describe('LabelFrameMemo', () => {
  test('the first frame is a change, the same frame again is not', () => {
    const memo = new LabelFrameMemo();
    expect(frame(memo, nodes)).toBe(false);
    expect(frame(memo, nodes)).toBe(true);
    expect(memo.size).toBe(3);
    expect([memo.key(1), memo.label(1), memo.x(1), memo.y(1), memo.r(1), memo.priority(1), memo.forced(2)]).toEqual(['b', 'Beta', 100, 50, 6, 5, true]);
  });

  test('a camera move (every position shifted) invalidates', () => {
    const memo = new LabelFrameMemo();
    frame(memo, nodes);
    expect(frame(memo, nodes.map((n) => [n[0], n[1], n[2] + 1, n[3], n[4], n[5], n[6]] as Node))).toBe(false);
    expect(frame(memo, nodes.map((n) => [n[0], n[1], n[2] + 1, n[3], n[4], n[5], n[6]] as Node))).toBe(true);
  });

  test('a node hidden, shown, resized or forced invalidates', () => {
    const memo = new LabelFrameMemo();
    frame(memo, nodes);
    expect(frame(memo, nodes.slice(0, 2))).toBe(false);
    expect(frame(memo, nodes)).toBe(false);
    expect(frame(memo, [nodes[0], nodes[2], nodes[1]])).toBe(false);
    frame(memo, nodes);
    expect(frame(memo, [nodes[0], ['b', 'Beta', 100, 50, 7, 5, false], nodes[2]])).toBe(false);
    expect(frame(memo, [nodes[0], ['b', 'Beta', 100, 50, 7, 5, true], nodes[2]])).toBe(false);
    expect(frame(memo, [nodes[0], ['b', 'Beta', 100, 50, 7, 5, true], nodes[2]])).toBe(true);
  });

  test('a new screen size or covered box invalidates, as does a reset', () => {
    const memo = new LabelFrameMemo();
    frame(memo, nodes);
    expect(frame(memo, nodes, [800, 600, 12])).toBe(false);
    expect(frame(memo, nodes, [800, 600, 12, 0, 0, 40, 80])).toBe(false);
    expect(frame(memo, nodes, [800, 600, 12, 0, 0, 40, 80])).toBe(true);
    memo.reset();
    expect(frame(memo, nodes, [800, 600, 12, 0, 0, 40, 80])).toBe(false);
  });

  test('a frame grown past the column capacity keeps every candidate', () => {
    const memo = new LabelFrameMemo();
    const many: Node[] = Array.from({ length: 1000 }, (_, i) => [`n${i}`, `N${i}`, i, i * 2, 1, i, false]);
    expect(frame(memo, many)).toBe(false);
    expect(frame(memo, many)).toBe(true);
    expect([memo.key(999), memo.x(999), memo.y(999)]).toEqual(['n999', 999, 1998]);
  });
});
