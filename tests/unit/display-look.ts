import { expect } from 'vitest';
import type { DisplayArrays } from '../../src/lib/render/display';

/** Two displays draw the same picture: the same nodes shown, node sizes, edge sizes and curvatures. */
export function expectSameLook(ours: DisplayArrays, expected: DisplayArrays) {
  expect(Buffer.from(ours.nodeShown).equals(Buffer.from(expected.nodeShown))).toBe(true);
  expect(Array.from(ours.nodeSize)).toEqual(Array.from(expected.nodeSize));
  expect(Array.from(ours.edgeSize)).toEqual(Array.from(expected.edgeSize));
  expect(Array.from(ours.edgeCurvature)).toEqual(Array.from(expected.edgeCurvature));
}
