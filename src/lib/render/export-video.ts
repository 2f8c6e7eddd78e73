/**
 * A WebM video of the playback, made in the page: nothing is uploaded.
 *
 * Each frame is composed like the PNG export: a hidden sigma renderer of the
 * graph area draws the graph (WebGL edges and nodes, 2D labels), its layers
 * are drawn onto one 2D canvas, and title, legend and caption (with the
 * frame's date window) are drawn beside it.
 *
 * video-encode.ts turns the composed frames into a WebM, with WebCodecs where the
 * browser has a VP9 or VP8 encoder, else with MediaRecorder in real time.
 */
import Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { ExportAnnotation } from '../core/export-caption';
import type { ExportLayout } from '../core/export-layout';
import { drawAnnotation } from './draw-annotation';
import { exportLayout } from './export-image';
import { createLabelPlacer, labelSettingsFor, MAX_NODES_FOR_PLACEMENT } from './label-placement';
import type { GraphRenderer } from './renderer';
import { DARK_BACKGROUND } from './styles';
export { encodeVideo, recordVideo, videoSupport, VIDEO_MIME_TYPES, type RecordedVideo, type RecordOptions, type VideoSupport } from './video-encode';

export type VideoBackground = 'white' | 'dark';
export type VideoFraming = 'camera' | 'whole';


const THEMES = {
  white: { dark: false, fill: '#ffffff', label: '#1f2933', text: '#1f2933', muted: '#5b6775', panel: '#f6f7f9', rule: '#d5dae1', hollowFill: '#ffffff', halo: 'rgba(255,255,255,0.85)' },
  dark: { dark: true, fill: DARK_BACKGROUND, label: '#e8ecf2', text: '#f1f4f8', muted: '#a9b4c4', panel: '#1a2233', rule: '#3a4558', hollowFill: '#ffffff', halo: 'rgba(18,24,38,0.85)' },
} as const;

/** Runs `draw` with window.devicePixelRatio set to `ratio`: sigma sizes its canvases by it, and the video's pixels are fixed. */
function withPixelRatio<T>(ratio: number, draw: () => T): T {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => ratio });
  try {
    return draw();
  } finally {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

export interface VideoSurfaceOptions {
  width: number;
  height: number;
  background: VideoBackground;
  legend: boolean;
  caption: boolean;
  framing: VideoFraming;
}

export interface VideoSurface {
  /** The composed picture of the last `draw`, width × height pixels. */
  readonly canvas: HTMLCanvasElement;
  /** Composes the frame the renderer shows now, with its annotation. */
  draw(annotation: ExportAnnotation): void;
  kill(): void;
}

/**
 * Where everything goes in every frame: the graph keeps the box of the frame whose
 * title and caption need the most room, so it never moves or changes size.
 */
function frameLayouts(annotations: readonly ExportAnnotation[], options: VideoSurfaceOptions): { graph: ExportLayout['graph']; captionTop: number | null; unit: number } {
  let chosen: ExportLayout | null = null;
  for (const annotation of annotations) {
    const layout = exportLayout(annotation, options.width, options.height, options.legend, options.caption);
    if (!chosen || layout.graph.height < chosen.graph.height) chosen = layout;
  }
  if (!chosen) throw new Error('export-video: no frames to lay out');
  return { graph: chosen.graph, captionTop: chosen.caption?.top ?? null, unit: chosen.unit };
}

/** A hidden renderer of the graph area and the canvas frames are composed on; `annotations` are all the frames', for a layout that holds still. */
export function createVideoSurface(renderer: GraphRenderer, annotations: readonly ExportAnnotation[], options: VideoSurfaceOptions): VideoSurface {
  const theme = THEMES[options.background];
  const fixed = frameLayouts(annotations, options);
  const ratio = fixed.unit;
  const graphWidth = Math.floor(fixed.graph.width);
  const graphHeight = Math.floor(fixed.graph.height);

  const root = document.createElement('div');
  Object.assign(root.style, { position: 'absolute', right: '101%', bottom: '101%', width: `${graphWidth}px`, height: `${graphHeight}px` });
  document.body.appendChild(root);
  const main = renderer.sigma as unknown as Sigma;
  const settings: Partial<Settings> = {
    ...main.getSettings(),
    labelColor: { color: theme.label },
    labelSize: 13,
    ...(theme.dark ? (renderer.reducersFor('dark') as Pick<Settings, 'nodeReducer' | 'edgeReducer'>) : {}),
  };
  const sigma = withPixelRatio(ratio, () => new Sigma(main.getGraph(), root, settings));
  // Large graphs keep only the most important labels, as on screen.
  sigma.setSettings(main.getGraph().order <= MAX_NODES_FOR_PLACEMENT ? createLabelPlacer(sigma, theme.halo) : labelSettingsFor(sigma, theme.halo));
  if (options.framing === 'camera') {
    sigma.setCustomBBox(main.getCustomBBox());
    sigma.getCamera().setState(main.getCamera().getState());
  }

  const canvas = document.createElement('canvas');
  canvas.width = options.width;
  canvas.height = options.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('The browser could not create a canvas of this size.');

  return {
    canvas,
    draw(annotation) {
      // Drawn and read in the same task: the WebGL layers keep no picture once the browser presents them.
      withPixelRatio(ratio, () => sigma.refresh());
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = theme.fill;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      const x = Math.round(fixed.graph.x * ratio);
      const y = Math.round(fixed.graph.y * ratio);
      const layers = sigma.getCanvases();
      for (const id of Object.keys(layers)) ctx.drawImage(layers[id], x, y, graphWidth * ratio, graphHeight * ratio);
      const layout = exportLayout(annotation, options.width, options.height, options.legend, options.caption);
      const placed: ExportLayout = { ...layout, graph: fixed.graph, caption: layout.caption && fixed.captionTop !== null ? { ...layout.caption, top: fixed.captionTop } : layout.caption };
      ctx.scale(ratio, ratio);
      drawAnnotation(ctx, annotation, placed, theme);
    },
    kill() {
      sigma.kill();
      root.remove();
    },
  };
}
