/** Camera moves of the explorer: framing an actor with its neighbours, and framing what the filter shows. */
import type Sigma from 'sigma';
import { getCameraStateToFitViewportToNodes } from '@sigma/utils';
import type { RelationIndex } from '../core/relation-index';
import type { EntenteGraph } from './build-graph';
import { edgeSizeOf, type DisplayArrays } from './display';

/** Camera ratios of a focus: the closest framing of a neighbourhood, a lone actor's close-up, and an actor whose neighbours are everywhere. */
const FOCUS_MIN_RATIO = 0.2;
const FOCUS_CLOSE_UP_RATIO = 0.45;
const FOCUS_WIDE_RATIO = 0.75;
/** A neighbourhood may need a little more than the overview; beyond this it is most of the graph, and framing it would not move the camera. */
const FOCUS_MAX_FRAMING_RATIO = 1.2;
/** Room around the actors a Fit frames, for labels beside the outermost ones. */
const FIT_MARGIN = 1.1;
/** A Fit that would zoom in less than this is the full view. */
const FULL_VIEW_RATIO = 0.92;
/** Room around a framed neighbourhood, for the labels beside its outermost nodes. */
const FOCUS_MARGIN = 1.3;

function visibleNeighbours(graph: EntenteGraph, display: DisplayArrays | null, actorId: string): string[] {
  const neighbours = new Set<string>();
  graph.forEachEdge(actorId, (_edge, attributes, source, target) => {
    if (attributes.index >= 0 && (display ? edgeSizeOf(display, attributes.index) : 0) > 0) neighbours.add(source === actorId ? target : source);
  });
  return [...neighbours];
}

/**
 * Frames an actor with the neighbours it has in the current filter, as the
 * highlight shows them, leaving room for their labels. When they cover
 * most of the graph, or there are none, the camera centres on the actor
 * and zooms in, so a search always visibly lands on it.
 */
export function focusOn(sigma: Sigma, graph: EntenteGraph, display: DisplayArrays | null, actorId: string): void {
  const position = sigma.getNodeDisplayData(actorId);
  if (!position) return;
  const neighbours = visibleNeighbours(graph, display, actorId);
  const fit = neighbours.length ? getCameraStateToFitViewportToNodes(sigma, [actorId, ...neighbours]) : null;
  const ratio = fit ? fit.ratio * FOCUS_MARGIN : Infinity;
  const target =
    ratio <= FOCUS_MAX_FRAMING_RATIO
      ? { x: fit!.x, y: fit!.y, ratio: Math.max(FOCUS_MIN_RATIO, ratio) }
      : { x: position.x, y: position.y, ratio: fit ? FOCUS_WIDE_RATIO : FOCUS_CLOSE_UP_RATIO };
  sigma.getCamera().animate(target, { duration: 500 });
}

/**
 * Frames the actors drawn now (the filter's picture, not the whole graph), leaving room for labels.
 * When they span about the whole graph anyway, this is the plain full view.
 */
export function fitShown(sigma: Sigma, index: RelationIndex, display: DisplayArrays | null): void {
  const camera = sigma.getCamera();
  const shown = display ? index.actorIds.filter((_, i) => display.nodeShown[i]) : [];
  const fit = shown.length ? getCameraStateToFitViewportToNodes(sigma, shown) : null;
  const ratio = fit ? fit.ratio * FIT_MARGIN : 1;
  if (!fit || ratio >= FULL_VIEW_RATIO) camera.animatedReset({ duration: 300 });
  else camera.animate({ x: fit.x, y: fit.y, ratio, angle: 0 }, { duration: 300 });
}

export function zoomBy(sigma: Sigma, factor: number): void {
  const camera = sigma.getCamera();
  if (factor > 1) camera.animatedZoom({ duration: 200, factor });
  else camera.animatedUnzoom({ duration: 200, factor: 1 / factor });
}
