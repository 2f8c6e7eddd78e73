import { expect } from 'vitest';
import { edgeCurvatureOf, edgeSizeOf, type DisplayArrays } from '../../src/lib/render/display';

/** A display's edge sizes and curvatures by aggregated edge index (the display keeps them by held slot): 0 for an edge not held. */
export function perEdge(display: DisplayArrays): { size: number[]; curvature: number[] } {
  const count = display.edgeSlot.length;
  const size = new Array<number>(count);
  const curvature = new Array<number>(count);
  for (let e = 0; e < count; e++) {
    size[e] = edgeSizeOf(display, e);
    curvature[e] = edgeCurvatureOf(display, e);
  }
  return { size, curvature };
}

/** Two displays draw the same picture: the same nodes shown, node sizes, edge sizes and curvatures. */
export function expectSameLook(ours: DisplayArrays, expected: DisplayArrays) {
  expect(Buffer.from(ours.nodeShown).equals(Buffer.from(expected.nodeShown))).toBe(true);
  expect(Array.from(ours.nodeSize)).toEqual(Array.from(expected.nodeSize));
  expect(perEdge(ours)).toEqual(perEdge(expected));
}
