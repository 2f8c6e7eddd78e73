/**
 * The one sigma settings object the explorer starts from, with the rendering
 * programs for each kind of actor (square, disc, rings) and each kind of edge
 * (directed ones with arrowheads of a readable minimum size; every edge
 * program uploads and draws only its visible instances).
 */
import type { Settings } from 'sigma/settings';
import { NodeCircleProgram } from 'sigma/rendering';
import { NodeSquareProgram } from '@sigma/node-square';
import { createNodeBorderProgram } from '@sigma/node-border';
import type { EdgeAttributes, NodeAttributes } from './build-graph';
import { RING_FILL_COLOR } from './styles';
import { EdgeArrowMinHeadProgram, EdgeCurvedArrowMinHeadProgram, EdgeCurveMinHeadProgram, EdgeLineVisibleProgram } from './edge-programs';

/** @sigma/node-square brings its own label and hover drawers, which would bypass the label placer (labels then ran over others and off the canvas, or showed twice). */
class SquareProgram extends NodeSquareProgram<NodeAttributes, EdgeAttributes> {
  // sigma falls back to defaultDrawNodeLabel and defaultDrawNodeHover (the placer's) when a program has none.
  override drawLabel = undefined as unknown as NodeSquareProgram['drawLabel'];
  override drawHover = undefined as unknown as NodeSquareProgram['drawHover'];
}

export const SIGMA_SETTINGS: Partial<Settings<NodeAttributes, EdgeAttributes>> = {
  allowInvalidContainer: true,
  // Edges are hit by geometry in renderer.ts, within a few pixels of their line; sigma's picking would take only the line.
  enableEdgeEvents: false,
  renderEdgeLabels: false,
  labelFont: 'system-ui, "DejaVu Sans", sans-serif',
  labelSize: 13,
  labelWeight: '500',
  labelColor: { color: '#1f2933' },
  labelDensity: 0.9,
  labelGridCellSize: 120,
  labelRenderedSizeThreshold: 5,
  zIndex: true,
  minEdgeThickness: 1,
  stagePadding: 40,
  defaultEdgeType: 'line',
  nodeProgramClasses: {
    circle: NodeCircleProgram,
    square: SquareProgram,
    target: createNodeBorderProgram({
      borders: [
        { size: { value: 0.22 }, color: { attribute: 'color' } },
        { size: { value: 0.18 }, color: { value: RING_FILL_COLOR } },
        { size: { fill: true }, color: { attribute: 'color' } },
      ],
    }),
    ring: createNodeBorderProgram({
      borders: [
        { size: { value: 0.35 }, color: { attribute: 'color' } },
        { size: { fill: true }, color: { value: RING_FILL_COLOR } },
      ],
    }),
    double: createNodeBorderProgram({
      borders: [
        { size: { value: 0.2 }, color: { attribute: 'color' } },
        { size: { value: 0.2 }, color: { value: RING_FILL_COLOR } },
        { size: { value: 0.2 }, color: { attribute: 'color' } },
        { size: { fill: true }, color: { value: RING_FILL_COLOR } },
      ],
    }),
  },
  edgeProgramClasses: {
    line: EdgeLineVisibleProgram,
    arrow: EdgeArrowMinHeadProgram,
    curved: EdgeCurveMinHeadProgram,
    curvedArrow: EdgeCurvedArrowMinHeadProgram,
  },
};

