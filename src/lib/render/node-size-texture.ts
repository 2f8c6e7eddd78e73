/**
 * Edge programs that read their target's size from a per-node data texture instead of a per-edge attribute.
 *
 * A directed edge's instance stops short of its target by the target's size, for the head. Held per edge,
 * that size had to be rewritten in every drawn edge into a resized actor, changed or not: at 100k relations
 * a slider move resizes half the actors, some 6,000 drawn edges times two or three parts. Here an instance
 * holds the target's actor index instead (the `index` attribute every node's display data carries, build-graph.ts),
 * and the vertex shader looks the size up in a float texture of node sizes, one texel per actor: a resize is
 * one write into that table (NodeSizeTable.set), uploaded once at the next frame.
 *
 * The table is per sigma (its programs are made with the sigma instance as `renderer`). It is written by
 * every edge this wraps when processed (sigma's full process, a repaint of the edge) and by the direct repaint
 * for each resized node (repaint.ts). WebGL2 only (R32F texture, sampled in the vertex shader); on WebGL1 the
 * program is left as it is and the table says it is not in use, so the repaint rewrites sizes per edge.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';

/** Texels per row of the table: a power of two, so the shader's division is exact. */
const WIDTH = 1024;

/** Node sizes by actor index, as the edge programs of one sigma read them. */
export class NodeSizeTable {
  sizes = new Float32Array(WIDTH);
  /** Bumped on every change, so each program uploads once per change. */
  version = 0;
  /** Whether this sigma's edge programs read sizes from here (WebGL2): then no edge instance holds a size. */
  inUse = false;

  /** Slots of nodes whose display data has no actor index (a graph not built by build-graph.ts, as the bench's rebuild). */
  private unindexed = new WeakMap<object, number>();
  private nextUnindexed = 0;

  /** The table slot of the node with display data `data`: its actor index. */
  slotOf(data: NodeDisplayData): number {
    const index = (data as NodeDisplayData & { index?: unknown }).index;
    if (typeof index === 'number' && index >= 0) return index;
    let slot = this.unindexed.get(data);
    if (slot === undefined) this.unindexed.set(data, (slot = this.nextUnindexed++));
    return slot;
  }

  set(n: number, size: number): void {
    if (n >= this.sizes.length) {
      const grown = new Float32Array(Math.ceil((n + 1) / WIDTH) * WIDTH * 2);
      grown.set(this.sizes);
      this.sizes = grown;
    } else if (this.sizes[n] === size) return;
    this.sizes[n] = size;
    this.version++;
  }
}

const tables = new WeakMap<object, NodeSizeTable>();

/** The node-size table of sigma `renderer`, made on first use. */
export function nodeSizeTableOf(renderer: object): NodeSizeTable {
  let table = tables.get(renderer);
  if (!table) tables.set(renderer, (table = new NodeSizeTable()));
  return table;
}

interface Definition {
  VERTEX_SHADER_SOURCE: string;
  UNIFORMS: string[];
  ATTRIBUTES: Array<{ name: string; size: number; normalized?: boolean }>;
}
interface ProgramInfo {
  gl: WebGLRenderingContext | WebGL2RenderingContext;
  uniformLocations: Record<string, WebGLUniformLocation>;
}
interface ProgramInternals {
  array: Float32Array;
  isInstanced: boolean;
  VERTICES: number;
  ATTRIBUTES_ITEMS_COUNT: number;
  getDefinition(): Definition;
  setUniforms(params: unknown, info: ProgramInfo): void;
  processVisibleItem(edgeIndex: number, startIndex: number, sourceData: NodeDisplayData, targetData: NodeDisplayData, data: EdgeDisplayData): void;
}
type Constructor = new (...args: never[]) => object;

/** The WebGL context of the program being constructed: sigma reads the definition inside its constructor, before any field is set. */
let constructing: unknown = null;

/**
 * `Base`, a sigma edge program class whose per-instance float attribute `attribute` holds the target's size
 * (`orOne`: written as `size || 1`, as sigma's clamped line and head do), reading it from the table instead.
 */
export function targetSizeFromTexture<C extends Constructor>(Base: C, attribute: string, orOne: boolean): C {
  const Parent = Base as unknown as new (...args: unknown[]) => ProgramInternals;
  class FromTexture extends Parent {
    private textured!: boolean;
    private table!: NodeSizeTable;
    private texture: WebGLTexture | null = null;
    private gl: WebGL2RenderingContext | null = null;
    private uploaded = -1;
    private indexOffset = -1;

    constructor(...args: unknown[]) {
      constructing = args[0];
      super(...args);
      constructing = null;
      this.textured = typeof WebGL2RenderingContext !== 'undefined' && args[0] instanceof WebGL2RenderingContext;
      this.table = nodeSizeTableOf(args[2] as object);
      if (!this.textured) return;
      this.table.inUse = true;
      let offset = 0;
      for (const { name, size, normalized } of this.getDefinition().ATTRIBUTES) {
        if (name === 'a_targetIndex') this.indexOffset = offset;
        offset += normalized ? 1 : size;
      }
    }

    override getDefinition(): Definition {
      const definition = super.getDefinition();
      const gl = constructing ?? (this as unknown as { normalProgram?: ProgramInfo }).normalProgram?.gl;
      if (!(typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext)) return definition;
      const declaration = `attribute float ${attribute};`;
      if (!definition.VERTEX_SHADER_SOURCE.includes(declaration)) throw new Error(`targetSizeFromTexture: no "${declaration}" in the vertex shader`);
      const lookup = /* glsl */ `attribute float a_targetIndex;
uniform highp sampler2D u_nodeSizes;
uniform vec2 u_nodeSizesShape;
float targetSizeFromTexture() {
  vec2 texel = vec2(mod(a_targetIndex, ${WIDTH}.0), floor(a_targetIndex / ${WIDTH}.0));
  float size = texture2D(u_nodeSizes, (texel + 0.5) / u_nodeSizesShape).r;
  return ${orOne ? 'size == 0.0 ? 1.0 : size' : 'size'};
}
#define ${attribute} targetSizeFromTexture()`;
      return {
        ...definition,
        VERTEX_SHADER_SOURCE: definition.VERTEX_SHADER_SOURCE.replace(declaration, lookup),
        UNIFORMS: [...definition.UNIFORMS, 'u_nodeSizes', 'u_nodeSizesShape'],
        ATTRIBUTES: definition.ATTRIBUTES.map((a) => (a.name === attribute ? { ...a, name: 'a_targetIndex' } : a)),
      };
    }

    kill(): void {
      (Parent.prototype as unknown as { kill(): void }).kill.call(this);
      if (this.texture) this.gl?.deleteTexture(this.texture);
      this.texture = null;
    }

    override processVisibleItem(edgeIndex: number, startIndex: number, sourceData: NodeDisplayData, targetData: NodeDisplayData, data: EdgeDisplayData): void {
      super.processVisibleItem(edgeIndex, startIndex, sourceData, targetData, data);
      if (!this.textured) return;
      const n = this.table.slotOf(targetData);
      this.table.set(n, targetData.size);
      // The parent wrote the size where the index goes: once per instance, or once per vertex when not instanced.
      const copies = this.isInstanced ? 1 : this.VERTICES;
      for (let v = 0; v < copies; v++) this.array[startIndex + v * this.ATTRIBUTES_ITEMS_COUNT + this.indexOffset] = n;
    }

    override setUniforms(params: unknown, info: ProgramInfo): void {
      super.setUniforms(params, info);
      if (!this.textured) return;
      const gl = info.gl as WebGL2RenderingContext;
      const { sizes, version } = this.table;
      const height = sizes.length / WIDTH;
      gl.activeTexture(gl.TEXTURE0);
      if (!this.texture) {
        this.gl = gl;
        this.texture = gl.createTexture();
        gl.bindTexture(gl.TEXTURE_2D, this.texture);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      } else gl.bindTexture(gl.TEXTURE_2D, this.texture);
      if (this.uploaded !== version) {
        gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.R32F, WIDTH, height, 0, gl.RED, gl.FLOAT, sizes);
        this.uploaded = version;
      }
      gl.uniform1i(info.uniformLocations.u_nodeSizes, 0);
      gl.uniform2f(info.uniformLocations.u_nodeSizesShape, WIDTH, height);
    }
  }
  return FromTexture as unknown as C;
}
