import { describe, expect, it } from 'vitest';
import { indexToColor } from 'sigma/utils';
import { drawingVisibleOnly } from '../../src/lib/render/visible-only-program';

/** The part of sigma's instanced Program that the wrapper relies on, without WebGL. */
class FakeProgram {
  STRIDE = 2;
  VERTICES = 3;
  array = new Float32Array(0);
  capacity = 0;
  verticesCount = 0;
  uploaded = -1;
  drawn = -1;
  reallocate(capacity: number) {
    if (capacity === this.capacity) return;
    this.capacity = capacity;
    this.verticesCount = capacity * this.VERTICES;
    this.array = new Float32Array(capacity * this.STRIDE);
  }
  processVisibleItem(color: number, start: number, _s: unknown, _t: unknown, data: { size: number }) {
    this.array[start] = color;
    this.array[start + 1] = data.size;
  }
  hasNothingToRender() {
    return this.capacity === 0;
  }
  bindProgram() {
    this.uploaded = this.array.length;
  }
  drawWebGL() {
    this.drawn = this.capacity;
  }
}

type Packed = FakeProgram & { shownInstances: number; process(fingerprint: number, position: number, source: object, target: object, data: object): void };
const Packed = drawingVisibleOnly(FakeProgram) as unknown as new () => Packed;
const shown = { hidden: false };
const edge = (size: number, hidden = false) => ({ size, hidden });
/** The (fingerprint colour, size) pairs of the packed instances, in slot order. */
const instances = (p: Packed) =>
  Array.from({ length: p.shownInstances }, (_, k) => [p.array[2 * k], p.array[2 * k + 1]]);

describe('drawingVisibleOnly', () => {
  it('packs visible instances in front, swaps the last into a hidden one, and uploads and draws only those', () => {
    const p = new Packed();
    p.reallocate(4);
    // sigma positions 0..3 hold edges with fingerprints 10..13; 1 starts hidden.
    [edge(1), edge(2, true), edge(3), edge(4)].forEach((data, position) => p.process(10 + position, position, shown, shown, data));
    expect(instances(p)).toEqual([[indexToColor(10), 1], [indexToColor(12), 3], [indexToColor(13), 4]]);
    p.process(10, 0, shown, shown, edge(1, true));
    expect(instances(p)).toEqual([[indexToColor(13), 4], [indexToColor(12), 3]]);
    // The moved edge is still found at its new slot, and a newly shown one goes last.
    p.process(13, 3, shown, shown, edge(7));
    p.process(11, 1, shown, shown, edge(5));
    expect(instances(p)).toEqual([[indexToColor(13), 7], [indexToColor(12), 3], [indexToColor(11), 5]]);
    // An edge whose end is hidden is not drawn either.
    p.process(12, 2, { hidden: true }, shown, edge(3));
    expect(instances(p)).toEqual([[indexToColor(13), 7], [indexToColor(11), 5]]);
    p.bindProgram();
    p.drawWebGL();
    expect([p.uploaded, p.drawn, p.capacity, p.array.length]).toEqual([4, 2, 4, 8]);
  });

  it('starts over on each full process, and has nothing to render when all are hidden', () => {
    const p = new Packed();
    p.reallocate(2);
    p.process(1, 0, shown, shown, edge(1));
    p.process(2, 1, shown, shown, edge(2));
    p.reallocate(2);
    p.process(1, 0, shown, shown, edge(1, true));
    p.process(2, 1, shown, shown, edge(2));
    expect(instances(p)).toEqual([[indexToColor(2), 2]]);
    p.process(2, 1, shown, shown, edge(2, true));
    expect(p.hasNothingToRender()).toBe(true);
  });

  it('with a filter, packs only the visible instances it accepts, and gives up the slot of one it no longer accepts', () => {
    type Bent = { size: number; hidden: boolean; curvature: number };
    const Curves = drawingVisibleOnly(FakeProgram, (data) => Math.abs((data as unknown as Bent).curvature) > 1e-3) as unknown as new () => Packed;
    const Lines = drawingVisibleOnly(FakeProgram, (data) => Math.abs((data as unknown as Bent).curvature) <= 1e-3) as unknown as new () => Packed;
    const curves = new Curves();
    const lines = new Lines();
    const both = (fingerprint: number, position: number, data: Bent) => [curves, lines].forEach((p) => p.process(fingerprint, position, shown, shown, data));
    curves.reallocate(3);
    lines.reallocate(3);
    both(1, 0, { size: 1, hidden: false, curvature: 0.3 });
    both(2, 1, { size: 2, hidden: false, curvature: 1e-4 });
    both(3, 2, { size: 3, hidden: true, curvature: 0.3 });
    expect(instances(curves)).toEqual([[indexToColor(1), 1]]);
    expect(instances(lines)).toEqual([[indexToColor(2), 2]]);
    // Its sibling hidden, edge 1 goes straight: it leaves the curves and joins the lines.
    both(1, 0, { size: 1, hidden: false, curvature: 1e-4 });
    expect(curves.hasNothingToRender()).toBe(true);
    expect(instances(lines)).toEqual([[indexToColor(2), 2], [indexToColor(1), 1]]);
  });
});
