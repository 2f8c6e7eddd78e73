/**
 * Which edge a pointer is on: the nearest drawn line within a tolerance, by
 * geometry in viewport (CSS pixel) coordinates. sigma's own picking only hits
 * the pixels of a line, about ±1.5 px for a thin edge; this is pure and
 * testable in Node.
 */

export interface Point {
  x: number;
  y: number;
}

/** An edge as drawn: end points in viewport coordinates, @sigma/edge-curve's curvature (0 = straight) and half its thickness. */
export interface EdgeShape {
  index: number;
  source: Point;
  target: Point;
  curvature: number;
  halfWidth: number;
}

/** Points along a curve used to measure distance to it; plenty for the gentle curves of parallel edges. */
const CURVE_STEPS = 24;

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared)) : 0;
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

/**
 * The control point of an edge's quadratic curve, as @sigma/edge-curve places it: the chord's middle moved by
 * curvature × chord length along the normal. The shader works with y up; in y-down viewport coordinates that
 * normal is (dy, -dx).
 */
export function curveControlPoint(a: Point, b: Point, curvature: number): Point {
  return { x: (a.x + b.x) / 2 + (b.y - a.y) * curvature, y: (a.y + b.y) / 2 - (b.x - a.x) * curvature };
}

export function pointOnCurve(a: Point, control: Point, b: Point, t: number): Point {
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * control.x + t * t * b.x, y: u * u * a.y + 2 * u * t * control.y + t * t * b.y };
}

export function distanceToCurve(p: Point, a: Point, control: Point, b: Point): number {
  let best = Infinity;
  let previous = a;
  for (let i = 1; i <= CURVE_STEPS; i++) {
    const next = pointOnCurve(a, control, b, i / CURVE_STEPS);
    best = Math.min(best, distanceToSegment(p, previous, next));
    previous = next;
  }
  return best;
}

/** Distance from p to the outside of the drawn line (0 on it). */
export function distanceToEdge(p: Point, shape: EdgeShape): number {
  const { source, target, curvature, halfWidth } = shape;
  const centre = Math.abs(curvature) < 1e-3 ? distanceToSegment(p, source, target) : distanceToCurve(p, source, curveControlPoint(source, target, curvature), target);
  return Math.max(0, centre - halfWidth);
}

/** Whether p lies in the box around a shape grown by `tolerance`: a cheap test before measuring. */
function nearBox(p: Point, shape: EdgeShape, tolerance: number): boolean {
  const { source: a, target: b } = shape;
  // A curve stays within its chord's box grown by half the control point's offset.
  const grow = tolerance + shape.halfWidth + (Math.abs(shape.curvature) * Math.hypot(b.x - a.x, b.y - a.y)) / 2;
  return p.x >= Math.min(a.x, b.x) - grow && p.x <= Math.max(a.x, b.x) + grow && p.y >= Math.min(a.y, b.y) - grow && p.y <= Math.max(a.y, b.y) + grow;
}

/** The edge whose drawn line is nearest to p, if it is within `tolerance` pixels; of equally near ones, the last (drawn on top) wins. */
export function nearestEdge(p: Point, shapes: readonly EdgeShape[], tolerance: number): { index: number; distance: number } | null {
  let best: { index: number; distance: number } | null = null;
  for (const shape of shapes) {
    if (!nearBox(p, shape, tolerance)) continue;
    const distance = distanceToEdge(p, shape);
    if (distance <= tolerance && (!best || distance <= best.distance)) best = { index: shape.index, distance };
  }
  return best;
}
