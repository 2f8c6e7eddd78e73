/**
 * Edge programs that upload and draw only their visible instances.
 *
 * sigma 3 gives every edge the graph holds a slot in its program's array and
 * draws every slot each frame, a hidden edge as a zero-size instance: with
 * 66k edges held and 14k visible, a frame uploads and shades all 66k. Here the
 * visible instances are kept packed at the front of the array: an edge that
 * becomes visible takes the next free slot, one that is hidden gives its slot
 * to the last visible one (swap-remove), and a frame uploads and draws only
 * that prefix. sigma still addresses edges by its own position, mapped to a
 * slot here, so its partial refreshes keep working. Picking colours are
 * written per instance from the edge's own id, so they move with it.
 *
 * Draw order: sigma's full process adds edges in zIndex order, which fills
 * the slots in that order; swap-removes in a partial refresh reorder only
 * edges of equal zIndex (a selection, the only thing that raises one, goes
 * through a full refresh).
 */
import { indexToColor } from 'sigma/utils';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';

/** The members of sigma's Program this extends; the declarations keep some of them protected. */
interface ProgramInternals {
  STRIDE: number;
  ATTRIBUTES: Array<{ name: string; size: number; normalized?: boolean }>;
  isInstanced: boolean;
  VERTICES: number;
  array: Float32Array;
  capacity: number;
  verticesCount: number;
  reallocate(capacity: number): void;
  process(edgeIndex: number, offset: number, sourceData: NodeDisplayData, targetData: NodeDisplayData, data: EdgeDisplayData): void;
  processVisibleItem(edgeIndex: number, startIndex: number, sourceData: NodeDisplayData, targetData: NodeDisplayData, data: EdgeDisplayData): void;
  hasNothingToRender(): boolean;
  bindProgram(program: unknown): void;
  drawWebGL(method: number, program: unknown): void;
}

type Constructor = new (...args: never[]) => object;

/**
 * The per-instance attributes that hold an end's size, by name, and whether the program writes `size || 1`
 * (sigma's clamped line and arrowhead) or the size as it is (@sigma/edge-curve). `a_radius` is the target's
 * in sigma's clamped line and in a head at the target, the only head edge-programs.ts makes.
 */
const TARGET_SIZE: Record<string, boolean> = { a_radius: true, a_targetRadius: true, a_targetSize: false };
const SOURCE_SIZE: Record<string, boolean> = { a_sourceRadius: true, a_sourceSize: false };

/** Where an instance holds its ends' sizes: float offsets (-1: none) and whether each is written as `size || 1`. */
interface EndSizeOffsets {
  source: number;
  sourceOrOne: boolean;
  target: number;
  targetOrOne: boolean;
}

/** The end-size offsets of a program with these per-instance attributes (sigma counts a normalized attribute as one float). */
export function endSizeOffsets(attributes: ProgramInternals['ATTRIBUTES']): EndSizeOffsets {
  const out: EndSizeOffsets = { source: -1, sourceOrOne: true, target: -1, targetOrOne: true };
  let offset = 0;
  for (const { name, size, normalized } of attributes) {
    if (name in TARGET_SIZE) [out.target, out.targetOrOne] = [offset, TARGET_SIZE[name]];
    if (name in SOURCE_SIZE) [out.source, out.sourceOrOne] = [offset, SOURCE_SIZE[name]];
    offset += normalized ? 1 : size;
  }
  return out;
}

/** How many instances an edge program packed in front, for tests and the bench. */
export function visibleInstanceCount(program: object): number | null {
  return program instanceof Object && 'shownInstances' in program ? (program as { shownInstances: number }).shownInstances : null;
}

/**
 * `Base`, a sigma edge program class, drawing only its visible instances; with `draws`, only the visible
 * ones it accepts (so two programs under one compound can split an edge type's instances between them).
 */
export function drawingVisibleOnly<C extends Constructor>(Base: C, draws?: (data: EdgeDisplayData) => boolean): C {
  const Parent = Base as unknown as new (...args: unknown[]) => ProgramInternals;
  class VisibleOnly extends Parent {
    /** Per sigma position: the slot its instance is in, -1 when hidden. */
    slotOf = new Int32Array(0);
    /** Per slot: the sigma position whose instance it holds. */
    positionAt = new Int32Array(0);
    shownInstances = 0;
    private endSizes: EndSizeOffsets | null = null;

    // sigma's full process calls this on every program before it adds every edge again.
    override reallocate(capacity: number): void {
      super.reallocate(capacity);
      if (this.slotOf.length !== capacity) {
        this.slotOf = new Int32Array(capacity);
        this.positionAt = new Int32Array(capacity);
      }
      this.slotOf.fill(-1);
      this.shownInstances = 0;
    }

    override process(edgeIndex: number, position: number, sourceData: NodeDisplayData, targetData: NodeDisplayData, data: EdgeDisplayData): void {
      let slot = this.slotOf[position];
      if (data.hidden || sourceData.hidden || targetData.hidden || (draws !== undefined && !draws(data))) {
        if (slot >= 0) this.release(position, slot);
        return;
      }
      if (slot < 0) {
        slot = this.shownInstances++;
        this.slotOf[position] = slot;
        this.positionAt[slot] = position;
      }
      this.processVisibleItem(indexToColor(edgeIndex), slot * this.STRIDE, sourceData, targetData, data);
    }

    /**
     * Rewrites only the ends' sizes in the instance of the edge at sigma position `position`, as process
     * would write them: what a resized actor changes in its unchanged edges. Nothing when it is not shown.
     * False, having written nothing, when the program is not instanced (one instance per vertex): then
     * process must do it.
     */
    rewriteEndSizes(position: number, sourceData: NodeDisplayData, targetData: NodeDisplayData): boolean {
      if (!this.isInstanced) return false;
      const slot = this.slotOf[position];
      if (slot < 0) return true;
      const sizes = (this.endSizes ??= endSizeOffsets(this.ATTRIBUTES));
      const at = slot * this.STRIDE;
      if (sizes.target >= 0) this.array[at + sizes.target] = sizes.targetOrOne ? targetData.size || 1 : targetData.size;
      if (sizes.source >= 0) this.array[at + sizes.source] = sizes.sourceOrOne ? sourceData.size || 1 : sourceData.size;
      return true;
    }

    private release(position: number, slot: number): void {
      const last = --this.shownInstances;
      this.slotOf[position] = -1;
      if (slot === last) return;
      const stride = this.STRIDE;
      this.array.copyWithin(slot * stride, last * stride, (last + 1) * stride);
      const moved = this.positionAt[last];
      this.positionAt[slot] = moved;
      this.slotOf[moved] = slot;
    }

    override hasNothingToRender(): boolean {
      return this.shownInstances === 0;
    }

    // Uploads only the packed prefix.
    override bindProgram(program: unknown): void {
      const full = this.array;
      this.array = full.subarray(0, this.shownInstances * this.STRIDE);
      try {
        super.bindProgram(program);
      } finally {
        this.array = full;
      }
    }

    // Draws only the packed prefix, instanced (capacity) or not (verticesCount).
    override drawWebGL(method: number, program: unknown): void {
      const { capacity, verticesCount } = this;
      this.capacity = this.shownInstances;
      this.verticesCount = this.shownInstances * this.VERTICES;
      try {
        super.drawWebGL(method, program);
      } finally {
        this.capacity = capacity;
        this.verticesCount = verticesCount;
      }
    }
  }
  return VisibleOnly as unknown as C;
}
