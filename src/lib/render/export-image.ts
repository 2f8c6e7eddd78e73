/**
 * A PNG of the current picture with @sigma/export-image. The picture is
 * composed in layout units (core/export-layout.ts: k pixels each, k growing
 * with the picture's size); the graph is drawn by a temporary sigma renderer
 * sized in those units at a pixel ratio of k × the 1×/2×/4× scale, so labels,
 * nodes, edges and arrowheads grow with the picture and stay crisp, and title,
 * legend and caption are drawn beside it at the same ratio.
 */
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { ExportAnnotation } from '../core/export-caption';
import { layoutExport, type ExportLayout } from '../core/export-layout';
import { canvasTextMeasure, drawAnnotation, legendEntries, type AnnotationTheme } from './draw-annotation';
import type { GraphRenderer } from './renderer';
import { createLabelPlacer, labelSettingsFor, MAX_NODES_FOR_PLACEMENT } from './label-placement';
import { DARK_BACKGROUND } from './styles';

export type ExportBackground = 'white' | 'transparent' | 'dark';
export type ExportFraming = 'camera' | 'fit';

export interface PngExportOptions {
  width: number;
  height: number;
  scale: number;
  background: ExportBackground;
  legend: boolean;
  caption: boolean;
  framing: ExportFraming;
  annotation: ExportAnnotation;
  /** Something is visible, so a picture without a single drawn pixel means the browser failed to draw. */
  expectInk: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
  /** Aborting stops the export at its next step, with the signal's reason as the error. */
  signal?: AbortSignal;
}

const THEMES: Record<ExportBackground, AnnotationTheme & { fill: string; label: string; halo: string }> = {
  white: { dark: false, fill: '#ffffff', label: '#1f2933', text: '#1f2933', muted: '#5b6775', panel: '#f6f7f9', rule: '#d5dae1', hollowFill: '#ffffff', halo: 'rgba(255,255,255,0.85)' },
  transparent: { dark: false, fill: 'transparent', label: '#1f2933', text: '#1f2933', muted: '#4b5563', panel: null, rule: '#9aa4b1', hollowFill: '#ffffff', halo: 'rgba(255,255,255,0.6)' },
  dark: { dark: true, fill: DARK_BACKGROUND, label: '#e8ecf2', text: '#f1f4f8', muted: '#a9b4c4', panel: '#1a2233', rule: '#3a4558', hollowFill: '#ffffff', halo: 'rgba(18,24,38,0.85)' },
};

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Draws with window.devicePixelRatio set to `ratio`, which is what sigma and drawOnCanvas size their canvases by. */
async function withPixelRatio<T>(ratio: number, draw: () => Promise<T>): Promise<T> {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => ratio });
  try {
    return await draw();
  } finally {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}

function fitVisibleNodes(renderer: Sigma) {
  // Done after the first refresh, when display data (and so hidden nodes) is known.
  const graph = renderer.getGraph();
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  graph.forEachNode((node, attributes) => {
    if (renderer.getNodeDisplayData(node)?.hidden) return;
    minX = Math.min(minX, attributes.x);
    maxX = Math.max(maxX, attributes.x);
    minY = Math.min(minY, attributes.y);
    maxY = Math.max(maxY, attributes.y);
  });
  if (minX === Infinity) return;
  renderer.setCustomBBox({ x: [minX, maxX], y: [minY, maxY] });
  renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
}

/** The temporary renderer gets its own label placer (and halo colour), then draws again. */
function prepareTempRenderer(framing: ExportFraming, halo: string, placeLabels: boolean) {
  return (renderer: Sigma) => {
    if (framing === 'fit') fitVisibleNodes(renderer);
    // Large graphs keep only the most important labels, as on screen.
    renderer.setSettings(placeLabels ? createLabelPlacer(renderer, halo) : labelSettingsFor(renderer, halo));
    renderer.refresh();
  };
}

/** True when a canvas has at least one pixel that is not its background: a guard against writing blank files. */
function hasInk(source: HTMLCanvasElement): boolean {
  const probe = document.createElement('canvas');
  probe.width = 96;
  probe.height = 96;
  const ctx = probe.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(source, 0, 0, 96, 96);
  const pixels = ctx.getImageData(0, 0, 96, 96).data;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return true;
  return false;
}

/** Where title, graph, legend and caption go in a picture of `width` × `height` pixels (before the scale). */
export function exportLayout(annotation: ExportAnnotation, width: number, height: number, legend: boolean, caption: boolean): ExportLayout {
  return layoutExport(
    { width, height, title: annotation.title, captionLines: annotation.captionLines, legend: legend ? legendEntries(annotation) : null, caption },
    canvasTextMeasure(),
  );
}

export interface PngResult {
  blob: Blob;
  layout: ExportLayout;
  /** File pixels per layout unit. */
  ratio: number;
}

export async function renderPng(renderer: GraphRenderer, options: PngExportOptions): Promise<PngResult> {
  const { width, height, scale, annotation } = options;
  const theme = THEMES[options.background];
  const layout = exportLayout(annotation, width, height, options.legend, options.caption);
  // Pixels per layout unit in the file.
  const ratio = layout.unit * scale;
  const onProgress = options.onProgress ?? (() => {});
  // Each step is announced, then starts in a task of its own (so the dialog can repaint and Cancel can run first).
  const step = async (name: string, done: number) => {
    onProgress(name, done, 3);
    await nextTask();
    options.signal?.throwIfAborted();
  };

  await step('Drawing the graph', 0);
  const graphCanvas = await withPixelRatio(ratio, () =>
    drawOnCanvas(renderer.sigma as unknown as Sigma, {
      width: Math.floor(layout.graph.width),
      height: Math.floor(layout.graph.height),
      backgroundColor: 'transparent',
      sigmaSettings: {
        labelColor: { color: theme.label },
        labelSize: 13,
        ...(options.background === 'dark' ? (renderer.reducersFor('dark') as Pick<Settings, 'nodeReducer' | 'edgeReducer'>) : {}),
      },
      withTempRenderer: prepareTempRenderer(options.framing, theme.halo, renderer.graph.order <= MAX_NODES_FOR_PLACEMENT),
    }),
  );
  if (options.expectInk && !hasInk(graphCanvas)) {
    throw new Error('The browser drew an empty picture at this size; choose a smaller size or scale.');
  }

  await step('Adding legend and caption', 1);
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('The browser could not create a canvas of this size.');
  if (theme.fill !== 'transparent') (ctx.fillStyle = theme.fill), ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(graphCanvas, Math.round(layout.graph.x * ratio), Math.round(layout.graph.y * ratio));
  ctx.scale(ratio, ratio);
  drawAnnotation(ctx, annotation, layout, theme);

  await step('Encoding PNG', 2);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  options.signal?.throwIfAborted();
  if (!blob || blob.size === 0) throw new Error('The browser could not encode an image of this size.');
  onProgress('Done', 3, 3);
  return { blob, layout, ratio };
}
