/**
 * Label placement that keeps labels from piling up: each frame, labels are
 * placed greedily by importance (selection first, then its neighbours, then
 * node size) at the first free spot around their node (right, left, below,
 * above), never over another label or node nor across the canvas border
 * (where an export's legend begins); a label with no free spot is left out
 * until zooming in makes room, except the selection's, which is always drawn.
 * Used for graphs small enough for the quadratic check; larger ones draw only
 * their most important visible labels (core/label-priority.ts).
 *
 * Sigma draws the hovered and highlighted (selected) nodes a second time on
 * its hover layer, with its own label to the right of the node; where the
 * placer had put that label elsewhere (left, below: the usual case on a small
 * canvas) the name showed twice. The hover drawer here draws the label at the
 * placer's spot instead, on a background box, so it is drawn once.
 */
import type Sigma from 'sigma';
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData } from 'sigma/types';
import { chooseLabels, DEFAULT_LABEL_BUDGET, type LabelCandidate } from '../core/label-priority';
import { LabelFrameMemo } from '../core/label-frame-memo';
import { LabelSprites } from './label-sprites';

export const MAX_NODES_FOR_PLACEMENT = 800;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Spot {
  x: number;
  y: number;
}

/** Priority bonuses above any node radius: the selection, then the labels sigma is told to force (its neighbours). */
const SELECTED = 2e6;
const NEIGHBOUR = 1e6;

/**
 * Label widths by font, then text: every frame places the labels again, a camera move or a slider move
 * alike, and measuring each candidate's text was a third of the label work. A font holds a few thousand
 * names at most.
 */
const widths = new Map<string, Map<string, number>>();

/** The width of `text` in `font`, the context's current font, measured once per font (reading `context.font` back costs a serialisation per call). */
function textWidth(context: CanvasRenderingContext2D, font: string, text: string): number {
  let byText = widths.get(font);
  if (!byText) widths.set(font, (byText = new Map()));
  let width = byText.get(text);
  if (width === undefined) byText.set(text, (width = context.measureText(text).width));
  return width;
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The candidate spots around a node at (x, y) of radius r for a label w wide: right, left, below, above; each its box and text origin. */
function spotsAround(c: { x: number; y: number; r: number }, w: number, fontSize: number): Array<[Rect, Spot]> {
  const h = fontSize + 2;
  return [
    [{ x: c.x + c.r + 3, y: c.y - h / 2, w, h }, { x: c.x + c.r + 4, y: c.y + fontSize / 3 }],
    [{ x: c.x - c.r - 3 - w, y: c.y - h / 2, w, h }, { x: c.x - c.r - 2 - w, y: c.y + fontSize / 3 }],
    [{ x: c.x - w / 2, y: c.y + c.r + 2, w, h }, { x: c.x - w / 2 + 1, y: c.y + c.r + 1 + fontSize }],
    [{ x: c.x - w / 2, y: c.y - c.r - 2 - h, w, h }, { x: c.x - w / 2 + 1, y: c.y - c.r - 4 }],
  ];
}

/**
 * The boxes of the page's own controls over the graph (zoom buttons, the compared periods' legend), in
 * the canvas's pixels: labels keep out of them as they keep off other nodes. Marked `data-covers-graph`
 * beside the sigma container; an export's renderer has none.
 */
function coveredRects(sigma: Sigma): Rect[] {
  const container = sigma.getContainer();
  const covers = container.parentElement?.querySelectorAll('[data-covers-graph]');
  if (!covers?.length) return [];
  const origin = container.getBoundingClientRect();
  return Array.from(covers, (element) => {
    const box = element.getBoundingClientRect();
    return { x: box.x - origin.x, y: box.y - origin.y, w: box.width, h: box.height };
  });
}

/**
 * The frame's candidates into `memo`: every visible node for the greedy placer (all are obstacles), the
 * labelled ones on screen for the budgeted choice. Positions through the camera's affine map, taken once per
 * frame, rather than sigma's framedGraphToViewport, which allocates per call. True when they equal the
 * previous frame's, whose placement then still holds.
 */
function collectCandidates(sigma: Sigma, memo: LabelFrameMemo, budgeted: boolean, covers: Rect[], fontSize: number): boolean {
  const { width, height } = sigma.getDimensions();
  const context = [width, height, fontSize];
  for (const c of covers) context.push(c.x, c.y, c.w, c.h);
  memo.begin(context);
  const o = sigma.framedGraphToViewport({ x: 0, y: 0 });
  const ex = sigma.framedGraphToViewport({ x: 1, y: 0 });
  const ey = sigma.framedGraphToViewport({ x: 0, y: 1 });
  const ax = ex.x - o.x, bx = ey.x - o.x, ay = ex.y - o.y, by = ey.y - o.y;
  const scale = sigma.scaleSize(1);
  // Read from sigma 3's own display-data cache, only read here: getNodeDisplayData copies each node's data
  // into a fresh object, per node and frame (repaint.ts reads the same cache).
  const cache = (sigma as unknown as { nodeDataCache?: Record<string, NodeDisplayData> }).nodeDataCache;
  sigma.getGraph().forEachNode((key) => {
    const data = cache ? cache[key] : sigma.getNodeDisplayData(key);
    if (!data || data.hidden || (budgeted && !data.label)) return;
    const x = o.x + ax * data.x + bx * data.y;
    const y = o.y + ay * data.x + by * data.y;
    if (budgeted && (x < 0 || y < 0 || x > width || y > height)) return;
    const r = scale * data.size;
    const forced = !!(data.highlighted || data.forceLabel);
    memo.push(key, data.label ?? '', x, y, r, budgeted ? data.size : (data.highlighted ? SELECTED : 0) + (data.forceLabel ? NEIGHBOUR : 0) + r, forced);
  });
  return memo.end();
}

function computePlacement(sigma: Sigma, context: CanvasRenderingContext2D, font: string, fontSize: number, memo: LabelFrameMemo, covers: Rect[]): Map<string, Spot> {
  const candidates: Array<{ key: string; label: string; x: number; y: number; r: number; priority: number }> = [];
  const obstacles: Array<Rect & { key: string }> = covers.map((c) => ({ key: '', ...c }));
  for (let i = 0; i < memo.size; i++) {
    const key = memo.key(i), x = memo.x(i), y = memo.y(i), r = memo.r(i);
    obstacles.push({ key, x: x - r, y: y - r, w: 2 * r, h: 2 * r });
    if (memo.label(i)) candidates.push({ key, label: memo.label(i), x, y, r, priority: memo.priority(i) });
  }
  candidates.sort((a, b) => b.priority - a.priority);

  const placed: Rect[] = [];
  const spots = new Map<string, Spot>();
  const { width, height } = sigma.getDimensions();
  const inside = (r: Rect) => r.x >= 0 && r.y >= 0 && r.x + r.w <= width && r.y + r.h <= height;
  for (const c of candidates) {
    const w = textWidth(context, font, c.label) + 2;
    const options = spotsAround(c, w, fontSize);
    const free = options.find(([rect]) => inside(rect) && !placed.some((p) => overlaps(p, rect)) && !obstacles.some((o) => o.key !== c.key && overlaps(o, rect)));
    // The selection's label is always drawn: on the canvas if it fits anywhere, over others if it must. Its
    // neighbours' labels come next but, like the rest, only where they fit: forced over each other on a
    // phone's small canvas they made an unreadable pile.
    const chosen = free ?? (c.priority >= SELECTED ? (options.find(([rect]) => inside(rect)) ?? options[0]) : undefined);
    if (!chosen) continue;
    placed.push(chosen[0]);
    spots.set(c.key, chosen[1]);
  }
  return spots;
}

/** `candidate` with its width read from `measure` when first asked for. */
function lazyWidth(candidate: LabelCandidate, measure: () => number): LabelCandidate {
  let width: number | undefined;
  return Object.defineProperty(candidate, 'width', { get: () => (width ??= measure()), enumerable: true });
}

/**
 * The budgeted choice for a large graph: the visible nodes on screen, ranked by their drawn size (which grows
 * with their visible relations). The page's controls over the graph are kept clear as on a small graph: a
 * label the budget put under one moves to another free spot around its node, or is left out (a forced one
 * stays where it is).
 */
function computeBudgetedPlacement(sigma: Sigma, context: CanvasRenderingContext2D, font: string, fontSize: number, memo: LabelFrameMemo, covers: Rect[]): Map<string, Spot> {
  const { width, height } = sigma.getDimensions();
  const candidates: LabelCandidate[] = [];
  // The width is measured only when chooseLabels reaches a candidate (past the budget and the cell checks): a
  // font's first measures cost about 0.05 ms each, and measuring all 2,000 candidates of a million-relation
  // graph's first frame made that frame a task of 200 ms, for a few dozen labels drawn.
  for (let i = 0; i < memo.size; i++) candidates.push(lazyWidth({ x: memo.x(i), y: memo.y(i), r: memo.r(i), width: 0, priority: memo.priority(i), forced: memo.forced(i) }, () => textWidth(context, font, memo.label(i))));
  const spots = new Map<string, Spot>();
  const lineHeight = fontSize + 2;
  const chosen = chooseLabels(candidates, { ...DEFAULT_LABEL_BUDGET, width, height, lineHeight });
  const boxes: Rect[] = chosen.map(({ x, y, w, h }) => ({ x, y, w, h }));
  const clear = (box: Rect, self: number) =>
    box.x >= 0 && box.y >= 0 && box.x + box.w <= width && box.y + box.h <= height && !covers.some((c) => overlaps(c, box)) && !boxes.some((b, i) => i !== self && overlaps(b, box));
  chosen.forEach((spot, i) => {
    if (covers.some((c) => overlaps(c, boxes[i]))) {
      const c = candidates[spot.index];
      const moved = spotsAround(c, c.width + 2, fontSize).find(([box]) => clear(box, i));
      if (moved) boxes[i] = moved[0];
      // Off-screen height: the dropped label no longer blocks the others' moves.
      else if (!c.forced) return void (boxes[i] = { x: 0, y: -1e9, w: 0, h: 0 });
    }
    spots.set(memo.key(spot.index), { x: boxes[i].x + 1, y: boxes[i].y + lineHeight / 2 + fontSize / 3 });
  });
  return spots;
}

export interface LabelDrawers {
  defaultDrawNodeLabel: NodeLabelDrawingFunction;
  /** Sigma's hover layer (hovered and selected nodes): the same label at the same spot, on a box. */
  defaultDrawNodeHover: NodeHoverDrawingFunction;
}

const font = (settings: Settings) => `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;

interface LabelGridLike {
  getLabelsToDisplay(ratio: number, density: number): string[];
}

/**
 * Makes sigma offer the drawer only the placed labels. With its grid culling off (PLACEMENT_SETTINGS) sigma
 * offers every node and copies each one's display data into a fresh object before the drawer can say no:
 * at 1,000 nodes that copying was most of the label cost of a frame. Sigma replaces its grid when it
 * re-indexes, so the replacement is patched too; without the grid sigma is expected to have, nothing changes.
 */
function offerOnlyPlaced(sigma: Sigma, placed: () => Map<string, Spot>): void {
  const internals = sigma as unknown as { labelGrid?: LabelGridLike };
  if (typeof internals.labelGrid?.getLabelsToDisplay !== 'function') return;
  const patch = (grid: LabelGridLike) => {
    if (typeof grid?.getLabelsToDisplay === 'function') grid.getLabelsToDisplay = () => Array.from(placed().keys());
    return grid;
  };
  let grid = patch(internals.labelGrid);
  Object.defineProperty(internals, 'labelGrid', { configurable: true, get: () => grid, set: (next: LabelGridLike) => (grid = patch(next)) });
}

/**
 * Label and hover drawers bound to one sigma instance, sharing one placement per rendered frame, which is
 * reused while the frame's candidates equal the previous frame's (core/label-frame-memo.ts). The text
 * styles are set once per frame and context rather than per label: each font assignment is parsed again.
 */
export function createLabelPlacer(sigma: Sigma, haloColor = 'rgba(255,255,255,0.85)', budgeted = false): LabelDrawers {
  const memo = new LabelFrameMemo();
  let placement: Map<string, Spot> | null = null;
  let placedThisFrame = false;
  let lastFont = '';
  const sprites = new LabelSprites(haloColor);
  sigma.on('beforeRender', () => (placedThisFrame = false));
  const place = (context: CanvasRenderingContext2D, settings: Settings): Map<string, Spot> => {
    if (placedThisFrame && placement) return placement;
    const text = font(settings);
    if (text !== lastFont) {
      memo.reset();
      lastFont = text;
    }
    context.font = text;
    const covers = coveredRects(sigma);
    const unchanged = collectCandidates(sigma, memo, budgeted, covers, settings.labelSize);
    if (!unchanged || !placement) placement = (budgeted ? computeBudgetedPlacement : computePlacement)(sigma, context, text, settings.labelSize, memo, covers);
    placedThisFrame = true;
    return placement;
  };
  offerOnlyPlaced(sigma, () => place(sigma.getCanvases().labels.getContext('2d')!, sigma.getSettings()));
  const colorOf = (data: object, settings: Settings) => String((settings.labelColor.attribute ? (data as Record<string, unknown>)[settings.labelColor.attribute] : settings.labelColor.color) ?? '#000');

  return {
    defaultDrawNodeLabel(context, data, settings) {
      const spot = place(context, settings).get(data.key);
      if (!spot || !data.label) return;
      const text = font(settings);
      sprites.draw(context, data.label, spot.x, spot.y, text, settings.labelSize, colorOf(data, settings), textWidth(context, text, data.label));
    },
    defaultDrawNodeHover(context, data, settings) {
      if (!data.label) return;
      const text = font(settings);
      context.font = text;
      const width = textWidth(context, text, data.label);
      // A hovered node whose label found no room is named anyway, at its first spot on the canvas.
      const { width: w, height: h } = sigma.getDimensions();
      const around = spotsAround({ x: data.x, y: data.y, r: data.size }, width + 2, settings.labelSize);
      const spot = place(context, settings).get(data.key) ?? (around.find(([r]) => r.x >= 0 && r.y >= 0 && r.x + r.w <= w && r.y + r.h <= h) ?? around[0])[1];
      context.save();
      context.fillStyle = haloColor;
      context.shadowBlur = 6;
      context.shadowColor = 'rgba(0,0,0,0.35)';
      context.fillRect(spot.x - 3, spot.y - settings.labelSize - 1, width + 6, settings.labelSize + 6);
      context.restore();
      // The same bitmap as the label layer's, so the name falls exactly on its label.
      sprites.draw(context, data.label, spot.x, spot.y, text, settings.labelSize, colorOf(data, settings), width);
    },
  };
}

/** Settings that make sigma offer every label to the placer instead of culling them by grid. */
export const PLACEMENT_SETTINGS = { labelDensity: 1000, labelGridCellSize: 20, labelRenderedSizeThreshold: 0 } as const;

/**
 * The label settings for a sigma instance drawing `graph.order` nodes: the greedy placer for small
 * graphs, the budgeted choice of the most important visible labels above MAX_NODES_FOR_PLACEMENT.
 * Both take every label sigma would draw, so sigma's own grid culling is off in both.
 */
export function labelSettingsFor(sigma: Sigma, haloColor?: string): typeof PLACEMENT_SETTINGS & LabelDrawers {
  const budgeted = sigma.getGraph().order > MAX_NODES_FOR_PLACEMENT;
  return { ...PLACEMENT_SETTINGS, ...createLabelPlacer(sigma, haloColor, budgeted) };
}

/**
 * Turns on the labels of `sigma`, created with PLACEMENT_SETTINGS and `renderLabels: false`, from its next
 * frame on. sigma's setSettings re-indexes every node and edge at once (with the reducers), and the frame it
 * schedules processes them all again: at a million relations that made the task that created sigma, with
 * its first frame, 60 to 100 ms longer. These settings need neither, only a frame drawn with them, so they
 * are written into sigma's own settings object (a private member of sigma 3); without one, setSettings.
 */
export function labelsAtNextFrame(sigma: Sigma): void {
  const settings = { ...labelSettingsFor(sigma), renderLabels: true };
  const own = (sigma as unknown as { settings?: Record<string, unknown> }).settings;
  if (!own || typeof own !== 'object' || own.renderLabels !== false) return void sigma.setSettings(settings);
  Object.assign(own, settings);
  sigma.scheduleRender();
}
