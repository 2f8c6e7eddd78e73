/**
 * Which node labels a large graph draws, and where: only those of the most
 * important visible nodes, within a budget per screen area. A screen holds a
 * few dozen readable labels whatever the node count, so at 10^3–10^4 nodes
 * the greedy placer (render/label-placement.ts, quadratic in nodes) would
 * spend its time ruling out labels that could never fit. Here candidates are
 * ranked once, each grid cell of the screen takes at most `perCell` labels,
 * the whole screen at most one per `areaPerLabel` square pixels, and a label
 * is tried right, left, below and above its node against the labels placed
 * so far only. Forced labels (selection, highlight) always come first and
 * are always drawn. Pure: positions are in viewport pixels.
 */

export interface LabelCandidate {
  /** Node centre and radius on screen, in pixels. */
  x: number;
  y: number;
  r: number;
  /** Label width in pixels, as the canvas measures it. */
  width: number;
  /** Larger first: visible relation count, or the node size that grows with it. */
  priority: number;
  /** Selected or highlighted: drawn whatever the budget. */
  forced: boolean;
}

export interface LabelBudget {
  /** Screen size in pixels. */
  width: number;
  height: number;
  /** Label line height in pixels. */
  lineHeight: number;
  /** Grid cell size in pixels; a cell takes at most perCell labels, counted by the node's cell. */
  cellWidth: number;
  cellHeight: number;
  perCell: number;
  /** Square pixels of screen per label: the screen's total budget is its area over this. */
  areaPerLabel: number;
}

export const DEFAULT_LABEL_BUDGET: Omit<LabelBudget, 'width' | 'height' | 'lineHeight'> = {
  cellWidth: 150,
  cellHeight: 60,
  perCell: 1,
  areaPerLabel: 14_000,
};

/** Where a chosen label's text starts (left end of its baseline's box), and its box. */
export interface LabelSpot {
  index: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Candidate order: forced first, then by priority, ties by input order (stable), so frames do not flicker. */
export function rankLabels(candidates: readonly LabelCandidate[]): number[] {
  const order = candidates.map((_, i) => i);
  order.sort((a, b) => Number(candidates[b].forced) - Number(candidates[a].forced) || candidates[b].priority - candidates[a].priority || a - b);
  return order;
}

/** The four boxes tried around a node, in order: right, left, below, above. */
function boxesAround(c: LabelCandidate, h: number): Box[] {
  const w = c.width + 2;
  return [
    { x: c.x + c.r + 3, y: c.y - h / 2, w, h },
    { x: c.x - c.r - 3 - w, y: c.y - h / 2, w, h },
    { x: c.x - w / 2, y: c.y + c.r + 2, w, h },
    { x: c.x - w / 2, y: c.y - c.r - 2 - h, w, h },
  ];
}

/** Placed labels bucketed by screen cell, so a new box is checked against its neighbours only. */
class PlacedBoxes {
  private readonly cells = new Map<number, Box[]>();
  constructor(private readonly size: number) {}

  private keysOf(b: Box): number[] {
    const keys: number[] = [];
    for (let cx = Math.floor(b.x / this.size); cx <= Math.floor((b.x + b.w) / this.size); cx++)
      for (let cy = Math.floor(b.y / this.size); cy <= Math.floor((b.y + b.h) / this.size); cy++) keys.push(cx * 100_003 + cy);
    return keys;
  }

  collides(b: Box): boolean {
    return this.keysOf(b).some((k) => this.cells.get(k)?.some((p) => overlaps(p, b)) ?? false);
  }

  add(b: Box): void {
    for (const k of this.keysOf(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
}

/**
 * The labels to draw and where. Candidates off screen are skipped; a forced label that fits nowhere
 * free is drawn at its first box on screen (or right of its node) over the others.
 */
export function chooseLabels(candidates: readonly LabelCandidate[], budget: LabelBudget): LabelSpot[] {
  const { width, height, lineHeight: h, cellWidth, cellHeight, perCell, areaPerLabel } = budget;
  const total = Math.max(1, Math.floor((width * height) / areaPerLabel));
  const perCellCount = new Map<number, number>();
  const placed = new PlacedBoxes(Math.max(cellWidth, cellHeight));
  const inside = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.w <= width && b.y + b.h <= height;
  const spots: LabelSpot[] = [];
  let free = 0;
  for (const index of rankLabels(candidates)) {
    const c = candidates[index];
    // Forced labels rank first: past them, a full budget takes no more.
    if (!c.forced && free >= total) break;
    if (c.x < 0 || c.y < 0 || c.x > width || c.y > height) continue;
    const cell = Math.floor(c.x / cellWidth) * 100_003 + Math.floor(c.y / cellHeight);
    const inCell = perCellCount.get(cell) ?? 0;
    if (!c.forced && inCell >= perCell) continue;
    const boxes = boxesAround(c, h);
    const box = boxes.find((b) => inside(b) && !placed.collides(b)) ?? (c.forced ? (boxes.find(inside) ?? boxes[0]) : undefined);
    if (!box) continue;
    placed.add(box);
    // A forced label takes room on screen but not from the budget, so selecting a node does not hide its neighbours' labels.
    if (!c.forced) {
      perCellCount.set(cell, inCell + 1);
      free++;
    }
    spots.push({ index, ...box });
  }
  return spots;
}
