/**
 * Label placement that keeps labels from piling up: each frame, labels are
 * placed greedily by importance (selection first, then node size) at the
 * first free spot around their node (right, left, below, above), never over
 * another label or node nor across the canvas border (where an export's
 * legend begins); a label with no free spot is left out until zooming in
 * makes room. Used for graphs small enough for the quadratic check.
 */
import type Sigma from 'sigma';
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';

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

/** A label drawer bound to one sigma instance; the placement is recomputed once per rendered frame. */
export function createLabelPlacer(sigma: Sigma, haloColor = 'rgba(255,255,255,0.85)'): NodeLabelDrawingFunction {
  let placement: Map<string, Spot> | null = null;
  sigma.on('beforeRender', () => (placement = null));
  return (context, data, settings) => {
    placement ??= computePlacement(sigma, context, settings);
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
