import { describe, expect, it } from 'vitest';
import { indexToColor } from 'sigma/utils';
import { drawingVisibleOnly, endSizeOffsets } from '../../src/lib/render/visible-only-program';

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

  it("rewrites only its target's size in a shown instance, as sigma's clamped line writes it (size || 1), and nothing in a hidden one", () => {
    /** As sigma's clamped line: x1 y1 x2 y2 n1 n2 color id radius, the target's size last. */
    class Clamped extends FakeProgram {
      override STRIDE = 9;
      ATTRIBUTES = [
        { name: 'a_positionStart', size: 2 },
        { name: 'a_positionEnd', size: 2 },
        { name: 'a_normal', size: 2 },
        { name: 'a_color', size: 4, normalized: true },
        { name: 'a_id', size: 4, normalized: true },
        { name: 'a_radius', size: 1 },
      ];
      isInstanced = true;
      override processVisibleItem(color: number, start: number, _s: unknown, target: { size: number }) {
        this.array.fill(7, start, start + 8);
        this.array[start + 8] = target.size || 1;
      }
    }
    type Rewriting = Packed & { isInstanced: boolean; rewriteEndSizes(position: number, source: object, target: object): boolean };
    const p = new (drawingVisibleOnly(Clamped) as unknown as new () => Rewriting)();
    p.reallocate(2);
    p.process(1, 0, shown, { hidden: false, size: 3 }, edge(1));
    p.process(2, 1, shown, shown, edge(1, true));
    expect(p.rewriteEndSizes(0, { size: 9 }, { size: 5 })).toBe(true);
    expect(Array.from(p.array.subarray(0, 9))).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 5]);
    p.rewriteEndSizes(0, { size: 9 }, { size: 0 });
    expect(p.array[8]).toBe(1);
    const before = Array.from(p.array);
    expect(p.rewriteEndSizes(1, shown, { size: 4 })).toBe(true);
    expect(Array.from(p.array)).toEqual(before);
    // Not instanced: one instance per vertex, left to process.
    p.isInstanced = false;
    expect(p.rewriteEndSizes(0, shown, { size: 2 })).toBe(false);
    expect(p.array[8]).toBe(1);
  });

  it("finds the end sizes in sigma's and @sigma/edge-curve's attribute lists, a normalized attribute counting as one float", () => {
    const f = (name: string, size = 1, normalized = false) => ({ name, size, normalized });
    const head = [f('a_position', 2), f('a_normal', 2), f('a_radius'), f('a_color', 4, true), f('a_id', 4, true)];
    expect(endSizeOffsets(head)).toMatchObject({ target: 4, targetOrOne: true, source: -1 });
    const curve = [f('a_source', 2), f('a_target', 2), f('a_targetSize'), f('a_thickness'), f('a_curvature'), f('a_color', 4, true), f('a_id', 4, true)];
    expect(endSizeOffsets(curve)).toMatchObject({ target: 4, targetOrOne: false, source: -1 });
    const both = [f('a_positionStart', 2), f('a_positionEnd', 2), f('a_normal', 2), f('a_color', 4, true), f('a_id', 4, true), f('a_sourceRadius'), f('a_targetRadius')];
    expect(endSizeOffsets(both)).toMatchObject({ source: 8, sourceOrOne: true, target: 9, targetOrOne: true });
    expect(endSizeOffsets([f('a_position', 2), f('a_color', 4, true)])).toMatchObject({ source: -1, target: -1 });
  });
});
