/**
 * Bench page: the same generated graph drawn by sigma 3 (the app's programs:
 * square, disc and ring nodes, arrowheads of a minimum size, curved parallel
 * edges) or by sigma 4 (its built-in shapes, paths and arrow extremity), one
 * renderer per page load so each one's heap is measured alone. window.sigmaBench
 * times the first frame, a hide/show of a random half of the edges, and
 * camera moves. `?limit=50000` holds only the strongest edges, as the app
 * does above that many.
 */
import Sigma3 from 'sigma';
import type { Settings as Settings3 } from 'sigma/settings';
import type { EdgeDisplayData as EdgeDisplay3, NodeDisplayData as NodeDisplay3 } from 'sigma/types';
import { drawOnCanvas } from '@sigma/export-image';
import Sigma4 from 'sigma4';
import { extremityArrow, layerFill, pathCurved, pathLine, sdfCircle, sdfSquare } from 'sigma4/rendering';
import { buildRelationIndex, type RelationIndex } from '../../src/lib/core/relation-index';
import { KIND_STYLES } from '../../src/lib/core/kind-styles';
import { SIGMA_SETTINGS } from '../../src/lib/render/sigma-settings';
import { buildGraph, strongestEdges, type EdgeAttributes, type EntenteGraph, type NodeAttributes } from '../../src/lib/render/build-graph';
import { parallelGroups } from '../../src/lib/render/parallel-edges';
import { edgeSize, nodeSize, parallelCurvature } from '../../src/lib/render/styles';
import { BENCH_TODAY, generateDataset, seededRandom } from '../generate';

export const BENCH_RELATIONS = 100_000;
const WARMUP = 1;

/** How a hide/show reaches the picture. */
export type Way = 'v3 reducers + full refresh' | 'v3 reducers + partial refresh' | 'v4 edge state' | 'v4 reducers + full refresh';
export type Version = 'v3' | 'v4';

export interface FrameStats {
  /** From the change until the GPU has drawn the frame that shows it (the next animation frame, then a pixel read back). */
  toFrameMedian: number;
  toFrameP95: number;
  /** The change's synchronous part plus sigma's renders of it, wherever they ran. */
  mainThreadMedian: number;
  iterations: number;
}

export interface FirstFrame {
  /** The Sigma constructor (it indexes the graph and renders once, synchronously, in both versions). */
  constructMs: number;
  /** From before the constructor until the GPU has drawn its first frame. */
  toFrameMs: number;
}

export interface ExportCheck {
  ms: number;
  width: number;
  height: number;
  /** Share of the picture's pixels that are not the white background: 0 would be a blank file. */
  inkShare: number;
  png: string;
}

export interface SigmaBenchApi {
  relations: number;
  /** Aggregated edges in the graph (affiliation edges, always hidden, not counted). */
  edges: number;
  /** Mounts a renderer for `way` (replacing any other); v3's two ways share one renderer. */
  mount(way: Way): Promise<FirstFrame>;
  /** Alternately hides a random half of the edges and shows them again, n times each. */
  filter(n: number): Promise<{ hide: FrameStats; show: FrameStats; visibleAfterHide: number; visibleAfterShow: number; hiddenCount: number }>;
  /** n camera moves (pan and zoom), each drawn before the next. */
  camera(n: number): Promise<FrameStats>;
  /** Visible edges sigma would draw now: a check that hiding did hide. */
  visibleEdges(): number;
  /**
   * A picture of the current view at width × height, as the PNG export takes it: v3 with @sigma/export-image's
   * drawOnCanvas, v4 (whose export-image is not on the registry) with a temporary renderer whose stage canvas is
   * copied in the task that rendered it.
   */
  exportPicture(width: number, height: number): Promise<ExportCheck>;
  unmount(): void;
}

declare global {
  interface Window {
    sigmaBench?: SigmaBenchApi;
    sigmaBenchError?: string;
  }
}

interface Mounted {
  kill(): void;
  /** Hides or shows the given edges. */
  apply(keys: string[], hidden: boolean): void;
  setCamera(state: { x: number; y: number; ratio: number; angle: number }): void;
  on(event: 'beforeRender' | 'afterRender', listener: () => void): void;
  visibleEdges(): number;
  /** Every WebGL context the renderer draws with. */
  contexts(): Array<WebGLRenderingContext | WebGL2RenderingContext>;
  picture(width: number, height: number): Promise<HTMLCanvasElement>;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/**
 * Waits until the GPU has drawn what was submitted: reading a pixel back blocks until then. Without it, rAF comes
 * back long before SwiftShader has rasterised the frame, and the backlog lands on whichever step is timed next.
 */
function finishDrawing(contexts: Array<WebGLRenderingContext | WebGL2RenderingContext>) {
  const pixel = new Uint8Array(4);
  for (const gl of contexts) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
}

const twoFrames = async () => {
  await nextFrame();
  await nextFrame();
};

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function stats(toFrame: number[], mainThread: number[]): FrameStats {
  return { toFrameMedian: quantile(toFrame, 0.5), toFrameP95: quantile(toFrame, 0.95), mainThreadMedian: quantile(mainThread, 0.5), iterations: toFrame.length };
}

/** The display attributes both versions read, set once on the graph so neither pays for computing them per frame. */
function prepareGraph(index: RelationIndex, graph: EntenteGraph) {
  const relationsOf = new Float64Array(index.actorIds.length);
  const curvature = new Float64Array(index.edges.length);
  for (const group of parallelGroups(index)) {
    const held = Array.from(group).filter((e) => graph.hasEdge(index.edges[e].key));
    held.forEach((e, i) => (curvature[e] = parallelCurvature(i, held.length)));
  }
  graph.forEachEdge((key, a) => {
    if (a.affiliation) return;
    const count = index.edgeRelations[a.index].length;
    relationsOf[index.edgeSourceIndex[a.index]] += count;
    relationsOf[index.edgeTargetIndex[a.index]] += count;
    const directed = index.edges[a.index].directed;
    graph.mergeEdgeAttributes(key, {
      size: edgeSize(count),
      curvature: a.parallel ? curvature[a.index] || 1e-4 : 0,
      program: a.parallel ? (directed ? 'curvedArrow' : 'curved') : directed ? 'arrow' : 'line',
      head: directed ? 'arrow' : 'none',
    } as Partial<EdgeAttributes>);
  });
  graph.forEachNode((key, a) => {
    const style = KIND_STYLES[a.kind as keyof typeof KIND_STYLES];
    // sigma 4 has square and circle built in; its ring layer (@sigma/node-border 4) is not on the registry.
    graph.mergeNodeAttributes(key, { size: nodeSize(style.baseSize, relationsOf[a.index]), shape: style.program === 'square' ? 'square' : 'circle' } as Partial<NodeAttributes>);
  });
}

type Extra = { size: number; curvature: number; program: string; head: string; shape: string };

function mountV3(graph: EntenteGraph, container: HTMLElement, hidden: Uint8Array, partial: boolean): Mounted {
  const nodeReducer = (_node: string, a: NodeAttributes): Partial<NodeDisplay3> => {
    const style = KIND_STYLES[a.kind as keyof typeof KIND_STYLES];
    return { ...a, type: style.program };
  };
  const edgeReducer = (_edge: string, a: EdgeAttributes): Partial<EdgeDisplay3> => {
    const b = a as EdgeAttributes & Extra;
    if (b.affiliation || hidden[b.index]) return { hidden: true, type: b.affiliation ? 'line' : b.program } as Partial<EdgeDisplay3>;
    return { color: b.color, size: b.size, type: b.program, curvature: b.curvature } as Partial<EdgeDisplay3>;
  };
  const sigma = new Sigma3(graph, container, { ...SIGMA_SETTINGS, nodeReducer, edgeReducer } as Partial<Settings3<NodeAttributes, EdgeAttributes>>);
  return {
    kill: () => sigma.kill(),
    apply(keys, hide) {
      for (const key of keys) hidden[graph.getEdgeAttribute(key, 'index')] = hide ? 1 : 0;
      // The full refresh re-runs both reducers for every node and edge: sigma's own recommendation for filters.
      if (partial) sigma.refresh({ partialGraph: { edges: keys }, skipIndexation: true });
      else sigma.refresh({ skipIndexation: true });
    },
    setCamera: (state) => sigma.getCamera().setState(state),
    on: (event, listener) => void sigma.on(event, listener),
    visibleEdges: () => graph.filterEdges((key) => !sigma.getEdgeDisplayData(key)?.hidden).length,
    picture: (width, height) => drawOnCanvas(sigma as unknown as Sigma3, { width, height, backgroundColor: '#ffffff' }),
    contexts: () =>
      Object.values(sigma.getCanvases()).flatMap((canvas) => {
        const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
        return gl ? [gl] : [];
      }),
  };
}

function mountV4(graph: EntenteGraph, container: HTMLElement, hidden: Uint8Array, reducers: boolean): Mounted {
  const options = {
    primitives: {
      nodes: { shapes: [sdfCircle(), sdfSquare()], layers: [layerFill()] },
      edges: { paths: [pathLine(), pathCurved()], extremities: [extremityArrow()], defaultHead: 'none' },
    },
    styles: {
      nodes: {
        x: { attribute: 'x' },
        y: { attribute: 'y' },
        size: { attribute: 'size' },
        color: { attribute: 'color' },
        label: { attribute: 'label' },
        shape: { attribute: 'shape', defaultValue: 'circle' },
        visibility: { whenState: 'isHidden', then: 'hidden', else: 'visible' },
      },
      edges: [
        {
          size: { attribute: 'size' },
          color: { attribute: 'color' },
          path: 'straight',
          // sigma 4 fans parallel edges out itself (edge state parallelIndex / parallelCount).
          parallelPath: 'curved',
          head: { attribute: 'head', defaultValue: 'none' },
          visibility: { whenState: 'isHidden', then: 'hidden', else: 'visible' },
        },
        // Declarative predicates keep the styles "item-state" dependent; a function would make every state change re-evaluate all edges.
        { whenData: { affiliation: true }, then: { visibility: 'hidden' } },
      ],
    },
    settings: {
      allowInvalidContainer: true,
      enableEdgeEvents: false,
      renderEdgeLabels: false,
      labelDensity: 0.9,
      labelGridCellSize: 120,
      labelRenderedSizeThreshold: 5,
      minEdgeThickness: 1,
      stagePadding: 40,
      // v3 reads sizes as screen pixels; v4 defaults to graph units.
      itemSizesReference: 'screen',
    },
    ...(reducers
      ? { edgeReducer: (_key: string, _data: unknown, a: EdgeAttributes) => (a.affiliation || hidden[a.index] ? { visibility: 'hidden' as const } : { visibility: 'visible' as const }) }
      : {}),
  };
  const sigma = new Sigma4(graph, container, options as unknown as ConstructorParameters<typeof Sigma4>[2]);
  return {
    kill: () => sigma.kill(),
    apply(keys, hide) {
      if (reducers) {
        for (const key of keys) hidden[graph.getEdgeAttribute(key, 'index')] = hide ? 1 : 0;
        sigma.refresh({ skipIndexation: true });
      } else {
        // The v4 way: a state change marks the edges dirty, and the next frame re-evaluates only those.
        sigma.setEdgesState(keys, { isHidden: hide });
      }
    },
    setCamera: (state) => sigma.getCamera().setState(state),
    on: (event, listener) => void sigma.on(event, listener),
    visibleEdges: () => graph.filterEdges((key) => sigma.getEdgeDisplayData(key)?.visibility !== 'hidden').length,
    contexts: () => [sigma.getWebGLContext()],
    async picture(width, height) {
      const box = document.createElement('div');
      Object.assign(box.style, { position: 'absolute', left: '0', top: '0', width: `${width}px`, height: `${height}px`, visibility: 'hidden' });
      document.body.appendChild(box);
      const temp = new Sigma4(graph, box, options as unknown as ConstructorParameters<typeof Sigma4>[2]);
      try {
        temp.getCamera().setState(sigma.getCamera().getState());
        // One synchronous render, then the copy in the same task: the stage canvas has preserveDrawingBuffer off.
        temp.refresh();
        const stage = temp.getStageCanvas();
        const out = document.createElement('canvas');
        out.width = stage.width;
        out.height = stage.height;
        const ctx = out.getContext('2d')!;
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, out.width, out.height);
        ctx.drawImage(stage, 0, 0);
        return out;
      } finally {
        temp.kill();
        box.remove();
      }
    },
  };
}

async function setUp(): Promise<SigmaBenchApi> {
  const container = document.getElementById('graph')!;
  const asked = new URLSearchParams(location.search).get('limit');
  const limit = asked && asked !== 'all' ? Number(asked) : Infinity;
  const index = buildRelationIndex(generateDataset(BENCH_RELATIONS), BENCH_TODAY);
  const graph = buildGraph(index, strongestEdges(index, limit));
  prepareGraph(index, graph);
  const aggregated = graph.filterEdges((_key, a) => !a.affiliation);
  const hidden = new Uint8Array(index.edges.length);
  const random = seededRandom(11);
  const halves = Array.from({ length: 12 }, () => aggregated.filter(() => random() < 0.5));

  let mounted: Mounted | null = null;
  const clock = { outside: 0, inChange: false, startedAt: 0 };
  const watch = (m: Mounted) => {
    m.on('beforeRender', () => (clock.startedAt = performance.now()));
    m.on('afterRender', () => {
      if (!clock.inChange) clock.outside += performance.now() - clock.startedAt;
    });
  };

  /** Times one change: to the frame after it, and its main-thread work. */
  async function timed(change: () => void): Promise<[toFrame: number, mainThread: number]> {
    const m = mounted!;
    clock.outside = 0;
    clock.inChange = true;
    const start = performance.now();
    change();
    const applied = performance.now();
    clock.inChange = false;
    // A render scheduled by the change runs in this frame's callbacks, before ours.
    await nextFrame();
    finishDrawing(m.contexts());
    const drawn = performance.now();
    await nextFrame();
    return [drawn - start, applied - start + clock.outside];
  }

  return {
    relations: index.relationCount,
    edges: aggregated.length,
    async mount(way) {
      mounted?.kill();
      hidden.fill(0);
      await twoFrames();
      const start = performance.now();
      if (way.startsWith('v3')) mounted = mountV3(graph, container, hidden, way === 'v3 reducers + partial refresh');
      else mounted = mountV4(graph, container, hidden, way === 'v4 reducers + full refresh');
      const constructMs = performance.now() - start;
      await nextFrame();
      finishDrawing(mounted.contexts());
      const toFrameMs = performance.now() - start;
      await nextFrame();
      watch(mounted);
      return { constructMs, toFrameMs };
    },
    async filter(n) {
      const m = mounted!;
      const hide: [number[], number[]] = [[], []];
      const show: [number[], number[]] = [[], []];
      let visibleAfterHide = -1;
      for (let i = 0; i < n + WARMUP; i++) {
        const keys = halves[i % halves.length];
        const [hideFrame, hideMain] = await timed(() => m.apply(keys, true));
        if (i === 0) visibleAfterHide = m.visibleEdges();
        const [showFrame, showMain] = await timed(() => m.apply(keys, false));
        if (i < WARMUP) continue;
        hide[0].push(hideFrame);
        hide[1].push(hideMain);
        show[0].push(showFrame);
        show[1].push(showMain);
      }
      return { hide: stats(...hide), show: stats(...show), visibleAfterHide, visibleAfterShow: m.visibleEdges(), hiddenCount: halves[0].length };
    },
    async camera(n) {
      const m = mounted!;
      const toFrame: number[] = [];
      const mainThread: number[] = [];
      for (let i = 0; i < n + WARMUP; i++) {
        const state = { x: 0.5 + 0.15 * Math.cos(i), y: 0.5 + 0.15 * Math.sin(i), ratio: i % 2 ? 0.6 : 0.9, angle: 0 };
        const [frame, main] = await timed(() => m.setCamera(state));
        if (i < WARMUP) continue;
        toFrame.push(frame);
        mainThread.push(main);
      }
      await timed(() => m.setCamera({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));
      return stats(toFrame, mainThread);
    },
    visibleEdges: () => mounted!.visibleEdges(),
    async exportPicture(width, height) {
      const start = performance.now();
      const canvas = await mounted!.picture(width, height);
      const ms = performance.now() - start;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 250 || pixels[i + 1] < 250 || pixels[i + 2] < 250) ink++;
      return { ms, width: canvas.width, height: canvas.height, inkShare: ink / (pixels.length / 4), png: canvas.toDataURL('image/png') };
    },
    unmount() {
      mounted?.kill();
      mounted = null;
    },
  };
}

// After the load event: generating and indexing 100k relations takes longer than page.goto waits on a loaded machine.
window.addEventListener('load', () =>
  setTimeout(() =>
    setUp().then(
      (api) => (window.sigmaBench = api),
      (error: unknown) => (window.sigmaBenchError = String((error as Error)?.stack ?? error)),
    ),
  ),
);
