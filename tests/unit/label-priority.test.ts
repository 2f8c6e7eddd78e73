import { describe, expect, test } from 'vitest';
import { chooseLabels, DEFAULT_LABEL_BUDGET, rankLabels, type LabelBudget, type LabelCandidate } from '../../src/lib/core/label-priority';

const budget = (over: Partial<LabelBudget> = {}): LabelBudget => ({ ...DEFAULT_LABEL_BUDGET, width: 1440, height: 900, lineHeight: 15, ...over });
const node = (x: number, y: number, priority: number, forced = false): LabelCandidate => ({ x, y, r: 4, width: 60, priority, forced });
const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** A seeded scatter of `n` nodes over the screen, priorities from a heavy-tailed spread. */
function scatter(n: number, width = 1440, height = 900): LabelCandidate[] {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: n }, () => node(random() * width, random() * height, 1 / (random() + 0.01)));
}

describe('rankLabels', () => {
  test('forced first, then by priority, ties in input order', () => {
    expect(rankLabels([node(0, 0, 1), node(0, 0, 5), node(0, 0, 1, true), node(0, 0, 5)])).toEqual([2, 1, 3, 0]);
  });
});

describe('chooseLabels', () => {
  test('at 10,000 nodes it draws no more than the screen budget, no two labels overlap, all on screen', () => {
    const candidates = scatter(10_000);
    const spots = chooseLabels(candidates, budget());
    const total = Math.floor((1440 * 900) / DEFAULT_LABEL_BUDGET.areaPerLabel);
    expect(spots.length).toBeGreaterThan(total / 3);
    expect(spots.length).toBeLessThanOrEqual(total);
    for (let i = 0; i < spots.length; i++) {
      const s = spots[i];
      expect(s.x).toBeGreaterThanOrEqual(0);
      expect(s.x + s.w).toBeLessThanOrEqual(1440);
      for (let j = i + 1; j < spots.length; j++) expect(overlap(s, spots[j])).toBe(false);
    }
  });

  test('each grid cell shows at most one label, that of its most important node', () => {
    const { cellWidth, cellHeight } = DEFAULT_LABEL_BUDGET;
    const candidates: LabelCandidate[] = [];
    // Two nodes per cell, the weaker listed first; priorities vary from cell to cell.
    for (let cx = 0; cx + cellWidth <= 1440; cx += cellWidth)
      for (let cy = 0; cy + cellHeight <= 900; cy += cellHeight) {
        const strength = 1 + ((cx * 7 + cy * 13) % 97);
        candidates.push(node(cx + 20, cy + 40, strength / 2), node(cx + 10, cy + 20, strength));
      }
    const spots = chooseLabels(candidates, budget({ areaPerLabel: 1 }));
    expect(spots.length).toBeGreaterThan(candidates.length / 4);
    for (const s of spots) expect(s.index % 2).toBe(1);
    const cells = spots.map((s) => `${Math.floor(candidates[s.index].x / cellWidth)},${Math.floor(candidates[s.index].y / cellHeight)}`);
    expect(new Set(cells).size).toBe(cells.length);
  });

  test('the strongest node of a crowded screen always has its label', () => {
    const candidates = scatter(5_000);
    const top = [...candidates.keys()].sort((a, b) => candidates[b].priority - candidates[a].priority)[0];
    expect(chooseLabels(candidates, budget()).some((s) => s.index === top)).toBe(true);
  });

  test('a forced label is drawn beyond the budget and over a full cell', () => {
    const candidates = [node(100, 100, 10), node(110, 102, 1, true)];
    const spots = chooseLabels(candidates, budget({ areaPerLabel: 1440 * 900 }));
    expect(spots.map((s) => s.index).sort()).toEqual([0, 1]);
  });

  test('nodes off screen get no label', () => {
    expect(chooseLabels([node(-50, 100, 10), node(100, 2000, 10)], budget())).toEqual([]);
  });

  test('a label tries right, then left, below and above its node, and is dropped when none is free', () => {
    const right = chooseLabels([node(100, 100, 1)], budget());
    expect(right[0].x).toBeGreaterThan(100);
    // A node at the right border puts its label on the left.
    const left = chooseLabels([node(1430, 100, 1)], budget());
    expect(left[0].x + left[0].w).toBeLessThan(1430);
    // Two nodes in different cells whose right (and left) boxes would cross: the weaker goes below.
    const pair = chooseLabels([node(140, 100, 2), node(160, 112, 1)], budget());
    expect(pair).toHaveLength(2);
    expect(overlap(pair[0], pair[1])).toBe(false);
    expect(pair[1].y).toBeGreaterThan(112);
    // Level with each other, no box is free for the weaker one: it is left out.
    expect(chooseLabels([node(140, 100, 2), node(160, 100, 1)], budget()).map((s) => s.index)).toEqual([0]);
  });

  test('the same input gives the same labels (no flicker between frames)', () => {
    const candidates = scatter(3_000);
    expect(chooseLabels(candidates, budget())).toEqual(chooseLabels(candidates, budget()));
  });
});
