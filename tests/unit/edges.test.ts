import { describe, expect, test } from 'vitest';
import { curveControlPoint, distanceToCurve, distanceToEdge, distanceToSegment, nearestEdge, pointOnCurve, type EdgeShape } from '../../src/lib/render/edge-hit';
import { dateSpanText, edgeSummary } from '../../src/lib/core/edge-summary';
import type { Relation, RelationType } from '../../src/lib/core/model';

const straight = (index: number, x1: number, y1: number, x2: number, y2: number, halfWidth = 1): EdgeShape => ({
  index,
  source: { x: x1, y: y1 },
  target: { x: x2, y: y2 },
  curvature: 0,
  halfWidth,
});

describe('edge hit testing', () => {
  test('distance to a segment is perpendicular inside it and to the nearer end outside it', () => {
    expect(distanceToSegment({ x: 5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(3);
    expect(distanceToSegment({ x: 13, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
    expect(distanceToSegment({ x: 1, y: 1 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toBeCloseTo(Math.SQRT2);
  });

  test('the curve bends to the left of its direction on screen (y down), as @sigma/edge-curve draws it', () => {
    // Left to right with positive curvature: the control point is above the chord (smaller y).
    const control = curveControlPoint({ x: 0, y: 0 }, { x: 100, y: 0 }, 0.25);
    expect(control).toEqual({ x: 50, y: -25 });
    const middle = pointOnCurve({ x: 0, y: 0 }, control, { x: 100, y: 0 }, 0.5);
    expect(middle).toEqual({ x: 50, y: -12.5 });
    expect(distanceToCurve(middle, { x: 0, y: 0 }, control, { x: 100, y: 0 })).toBeCloseTo(0, 5);
    expect(distanceToCurve({ x: 50, y: 0 }, { x: 0, y: 0 }, control, { x: 100, y: 0 })).toBeCloseTo(12.5, 1);
  });

  test('distance counts from the outside of the drawn line', () => {
    expect(distanceToEdge({ x: 50, y: 6 }, straight(0, 0, 0, 100, 0, 2))).toBe(4);
    expect(distanceToEdge({ x: 50, y: 1 }, straight(0, 0, 0, 100, 0, 2))).toBe(0);
  });

  test('a point within the tolerance takes the nearest edge; beyond it, none', () => {
    const shapes = [straight(0, 0, 0, 100, 0), straight(1, 0, 10, 100, 10)];
    expect(nearestEdge({ x: 50, y: 3 }, shapes, 6)).toEqual({ index: 0, distance: 2 });
    expect(nearestEdge({ x: 50, y: 6 }, shapes, 6)?.index).toBe(1);
    expect(nearestEdge({ x: 50, y: -8 }, shapes, 6)).toBeNull();
    expect(nearestEdge({ x: 50, y: -7 }, shapes, 6)).toEqual({ index: 0, distance: 6 });
  });

  test('of two equally near edges, the one drawn last (on top) wins', () => {
    const shapes = [straight(0, 0, 0, 100, 0), straight(1, 0, 0, 100, 0)];
    expect(nearestEdge({ x: 50, y: 2 }, shapes, 6)?.index).toBe(1);
  });

  test('a curved edge is hit along its curve, not its chord', () => {
    const curved: EdgeShape = { index: 3, source: { x: 0, y: 0 }, target: { x: 100, y: 0 }, curvature: 0.25, halfWidth: 1 };
    const chordOnly = straight(4, 0, 0, 100, 0);
    expect(nearestEdge({ x: 50, y: -12 }, [curved], 6)?.index).toBe(3);
    expect(nearestEdge({ x: 50, y: 0 }, [curved], 6)).toBeNull();
    expect(nearestEdge({ x: 50, y: -10 }, [chordOnly, curved], 6)?.index).toBe(3);
  });
});

describe('edge tooltip', () => {
  const relation = (date: string, endDate = ''): Relation => ({ id: date, source: 's', line: 1, subject: 'a', object: 'b', type: 't', date, endDate, quote: '', note: '' });
  const type: RelationType = { id: 'accusation', label: 'Accusation', color: '#e69f00', directed: true, temporal: 'event', cameo: '', description: '' };

  test('the date span runs from the earliest start to the latest end', () => {
    expect(dateSpanText([relation('2022-09-13')])).toBe('2022-09-13');
    expect(dateSpanText([relation('2022-09'), relation('2020-10-03', '2020-11-10'), relation('2021')])).toBe('2020-10-03 – 2022-09');
    expect(dateSpanText([])).toBe('');
  });

  test('type, subject → object for directed types, count and dates', () => {
    const labels: Record<string, string> = { am: 'Armenia', az: 'Azerbaijan' };
    const edge = { key: 'k', source: 'am', target: 'az', type: 'accusation', directed: true };
    expect(edgeSummary(edge, type, [relation('2022-09-13'), relation('2022-09-14')], (id) => labels[id])).toEqual({
      type: 'Accusation',
      color: '#e69f00',
      between: 'Armenia → Azerbaijan',
      counts: '2 relations, 2022-09-13 – 2022-09-14',
    });
    const undirected = edgeSummary({ ...edge, directed: false }, { ...type, directed: false }, [relation('2021')], (id) => labels[id]);
    expect(undirected.between).toBe('Armenia – Azerbaijan');
    expect(undirected.counts).toBe('1 relation, 2021');
  });
});
