/**
 * Label placement that keeps labels from piling up: each frame, labels are
 * placed greedily by importance (selection first, then node size) at the
 * first free spot around their node (right, left, below, above), never over
 * another label or node nor across the canvas border (where an export's
 * legend begins); a label with no free spot is left out until zooming in
 * makes room. Used for graphs small enough for the quadratic check; larger
 * ones draw only their most important visible labels (core/label-priority.ts).
 */
import type Sigma from 'sigma';
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import { chooseLabels, DEFAULT_LABEL_BUDGET, type LabelCandidate } from '../core/label-priority';

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

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function computePlacement(sigma: Sigma, context: CanvasRenderingContext2D, settings: Settings): Map<string, Spot> {
  const fontSize = settings.labelSize;
  context.font = `${settings.labelWeight} ${fontSize}px ${settings.labelFont}`;
  const candidates: Array<{ key: string; label: string; x: number; y: number; r: number; priority: number }> = [];
  const obstacles: Array<Rect & { key: string }> = [];
  sigma.getGraph().forEachNode((key) => {
    const data = sigma.getNodeDisplayData(key);
    if (!data || data.hidden) return;
    const { x, y } = sigma.framedGraphToViewport(data);
    const r = sigma.scaleSize(data.size);
    obstacles.push({ key, x: x - r, y: y - r, w: 2 * r, h: 2 * r });
    if (data.label) candidates.push({ key, label: data.label, x, y, r, priority: (data.highlighted ? 2e6 : 0) + (data.forceLabel ? 1e6 : 0) + r });
  });
  candidates.sort((a, b) => b.priority - a.priority);

  const placed: Rect[] = [];
  const spots = new Map<string, Spot>();
  const h = fontSize + 2;
  const { width, height } = sigma.getDimensions();
  const inside = (r: Rect) => r.x >= 0 && r.y >= 0 && r.x + r.w <= width && r.y + r.h <= height;
  for (const c of candidates) {
    const w = context.measureText(c.label).width + 2;
    const options: Array<[Rect, Spot]> = [
      [{ x: c.x + c.r + 3, y: c.y - h / 2, w, h }, { x: c.x + c.r + 4, y: c.y + fontSize / 3 }],
      [{ x: c.x - c.r - 3 - w, y: c.y - h / 2, w, h }, { x: c.x - c.r - 2 - w, y: c.y + fontSize / 3 }],
      [{ x: c.x - w / 2, y: c.y + c.r + 2, w, h }, { x: c.x - w / 2 + 1, y: c.y + c.r + 1 + fontSize }],
      [{ x: c.x - w / 2, y: c.y - c.r - 2 - h, w, h }, { x: c.x - w / 2 + 1, y: c.y - c.r - 4 }],
    ];
    const free = options.find(([rect]) => inside(rect) && !placed.some((p) => overlaps(p, rect)) && !obstacles.some((o) => o.key !== c.key && overlaps(o, rect)));
    // A selected or forced label is always drawn: on the canvas if it fits anywhere, over others if it must.
    const chosen = free ?? (c.priority >= 1e6 ? (options.find(([rect]) => inside(rect)) ?? options[0]) : undefined);
    if (!chosen) continue;
    placed.push(chosen[0]);
    spots.set(c.key, chosen[1]);
  }
  return spots;
}

/** The budgeted choice for a large graph: the visible nodes on screen, ranked by their drawn size (which grows with their visible relations). */
function computeBudgetedPlacement(sigma: Sigma, context: CanvasRenderingContext2D, settings: Settings): Map<string, Spot> {
  const fontSize = settings.labelSize;
  context.font = `${settings.labelWeight} ${fontSize}px ${settings.labelFont}`;
  const { width, height } = sigma.getDimensions();
  const keys: string[] = [];
  const candidates: LabelCandidate[] = [];
  sigma.getGraph().forEachNode((key) => {
    const data = sigma.getNodeDisplayData(key);
    if (!data || data.hidden || !data.label) return;
    const { x, y } = sigma.framedGraphToViewport(data);
    if (x < 0 || y < 0 || x > width || y > height) return;
    keys.push(key);
    // Measured lazily would be faster still, but a screen holds few candidates after the bounds check.
    candidates.push({ x, y, r: sigma.scaleSize(data.size), width: context.measureText(data.label).width, priority: data.size, forced: !!(data.highlighted || data.forceLabel) });
  });
  const spots = new Map<string, Spot>();
  const lineHeight = fontSize + 2;
  for (const spot of chooseLabels(candidates, { ...DEFAULT_LABEL_BUDGET, width, height, lineHeight })) {
    spots.set(keys[spot.index], { x: spot.x + 1, y: spot.y + lineHeight / 2 + fontSize / 3 });
  }
  return spots;
}

/** A label drawer bound to one sigma instance; the placement is recomputed once per rendered frame. */
export function createLabelPlacer(sigma: Sigma, haloColor = 'rgba(255,255,255,0.85)', budgeted = false): NodeLabelDrawingFunction {
  let placement: Map<string, Spot> | null = null;
  sigma.on('beforeRender', () => (placement = null));
  return (context, data, settings) => {
    placement ??= (budgeted ? computeBudgetedPlacement : computePlacement)(sigma, context, settings);
    const spot = placement.get(data.key);
    if (!spot || !data.label) return;
    const color = settings.labelColor.attribute ? (data as Record<string, unknown>)[settings.labelColor.attribute] : settings.labelColor.color;
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    // A halo in the background colour keeps text legible where it crosses an edge.
    context.lineJoin = 'round';
    context.lineWidth = 3;
    context.strokeStyle = haloColor;
    context.strokeText(data.label, spot.x, spot.y);
    context.fillStyle = String(color ?? '#000');
    context.fillText(data.label, spot.x, spot.y);
  };
}

/** Settings that make sigma offer every label to the placer instead of culling them by grid. */
export const PLACEMENT_SETTINGS = { labelDensity: 1000, labelGridCellSize: 20, labelRenderedSizeThreshold: 0 } as const;

/**
 * The label settings for a sigma instance drawing `graph.order` nodes: the greedy placer for small
 * graphs, the budgeted choice of the most important visible labels above MAX_NODES_FOR_PLACEMENT.
 * Both take every label sigma would draw, so sigma's own grid culling is off in both.
 */
export function labelSettingsFor(sigma: Sigma, haloColor?: string): typeof PLACEMENT_SETTINGS & { defaultDrawNodeLabel: NodeLabelDrawingFunction } {
  const budgeted = sigma.getGraph().order > MAX_NODES_FOR_PLACEMENT;
  return { ...PLACEMENT_SETTINGS, defaultDrawNodeLabel: createLabelPlacer(sigma, haloColor, budgeted) };
}
