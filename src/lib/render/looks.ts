/**
 * How a node and an edge are drawn for the current display arrays: sigma's
 * reducers, and the same looks written in place into sigma's display data
 * for a repaint of only what changed (repaint.ts). Per-edge facts are read
 * from typed columns made once, never from RelationIndex.edges, which makes
 * an object per edge read.
 */
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import type { RelationIndex } from '../core/relation-index';
import type { EdgeAttributes, NodeAttributes } from './build-graph';
import { parallelFlags } from './build-graph';
import { edgeEmphasisOf, type DisplayArrays } from './display';
import { KIND_STYLES } from '../core/kind-styles';
import { DIMMED_EDGE_COLOR, DIMMED_EDGE_COLOR_DARK, DIMMED_NODE_COLOR, DIMMED_NODE_COLOR_DARK, relationColorOnDark } from './styles';
import { compareEdgeColor } from './compare-style';

export type Palette = 'light' | 'dark';

/** A curve program draws nothing at curvature 0, so a lone edge of a parallel pair gets a barely bent one. */
const MIN_CURVATURE = 1e-4;
const EDGE_PROGRAMS = ['line', 'arrow', 'curved', 'curvedArrow'] as const;

type EdgeData = EdgeDisplayData & { curvature?: number };

export interface Looks {
  reduceNode(attributes: NodeAttributes, display: DisplayArrays | null, palette?: Palette): Partial<NodeDisplayData>;
  reduceEdge(attributes: EdgeAttributes, display: DisplayArrays | null, palette?: Palette): Partial<EdgeDisplayData>;
  /** Writes a node's look into sigma's display data of it, as reduceNode gives it with no selection. */
  writeNode(data: NodeDisplayData, n: number, display: DisplayArrays): void;
  /** Writes an edge's look into sigma's display data of it, as reduceEdge gives it with no selection, on screen. */
  writeEdge(data: EdgeDisplayData, e: number, display: DisplayArrays): void;
  /** Whether edge `e`'s program instance holds the sizes of its ends (a directed edge stops short of its target for the head). */
  sizedByEnds(e: number): boolean;
}

export function createLooks(index: RelationIndex): Looks {
  const { types } = index.dataset;
  const parallel = parallelFlags(index);
  // Per edge: its program (index into EDGE_PROGRAMS), fixed for the graph's life so a partial refresh finds its slot.
  const program = new Uint8Array(index.edgeTypeOf.length);
  for (let e = 0; e < program.length; e++) program[e] = (parallel[e] ? 2 : 0) + (types[index.edgeTypeOf[e]].directed ? 1 : 0);
  const colorOf = (e: number, palette: Palette) => {
    const color = types[index.edgeTypeOf[e]].color;
    return palette === 'dark' ? relationColorOnDark(color) : color;
  };

  function edgeColor(e: number, display: DisplayArrays, palette: Palette): string {
    if (display.dimOthers && edgeEmphasisOf(display, e) === 0) return palette === 'dark' ? DIMMED_EDGE_COLOR_DARK : DIMMED_EDGE_COLOR;
    return compareEdgeColor(display.edgeState, e, palette) ?? colorOf(e, palette);
  }

  /** The curvature of held edge `e`, at held slot `slot`. */
  const curvatureOf = (e: number, slot: number, display: DisplayArrays) => (parallel[e] ? display.edgeCurvature[slot] || MIN_CURVATURE : 0);

  return {
    reduceNode(attributes, display, palette = 'light') {
      const style = KIND_STYLES[attributes.kind as keyof typeof KIND_STYLES];
      const color = palette === 'dark' ? style.darkColor : style.color;
      const base = { ...attributes, color, type: style.program };
      if (!display) return base;
      const i = attributes.index;
      if (!display.nodeShown[i]) return { ...base, hidden: true };
      const result: Partial<NodeDisplayData> = { ...base, size: display.nodeSize[i] };
      if (display.nodeEmphasis[i] === 2) return { ...result, highlighted: true, forceLabel: true, zIndex: 2 };
      if (display.nodeEmphasis[i] === 1) return { ...result, forceLabel: true, zIndex: 1 };
      if (display.dimOthers) return { ...result, color: palette === 'dark' ? DIMMED_NODE_COLOR_DARK : DIMMED_NODE_COLOR, label: '', zIndex: 0 };
      return result;
    },

    reduceEdge(attributes, display, palette = 'light') {
      if (attributes.affiliation || !display) return { hidden: true };
      const e = attributes.index;
      const type = EDGE_PROGRAMS[program[e]];
      const slot = display.edgeSlot[e];
      // A hidden edge keeps its program: a partial refresh clears the edge's slot in the program it was given.
      // No slot: the display is of other held edges (the drawn-edge limit is changing), and a refresh follows.
      if (slot < 0 || display.edgeSize[slot] === 0) return { hidden: true, type } as Partial<EdgeDisplayData>;
      const emphasis = display.edgeEmphasis[slot];
      return {
        color: edgeColor(e, display, palette),
        size: display.edgeSize[slot] * (emphasis === 2 ? 1.6 : 1),
        type,
        curvature: curvatureOf(e, slot, display),
        zIndex: emphasis,
      } as Partial<EdgeDisplayData>;
    },

    writeNode(data, n, display) {
      data.hidden = !display.nodeShown[n];
      if (!data.hidden) data.size = display.nodeSize[n];
    },

    writeEdge(data: EdgeData, e, display) {
      const slot = display.edgeSlot[e];
      data.hidden = slot < 0 || display.edgeSize[slot] === 0;
      if (data.hidden) return;
      data.color = edgeColor(e, display, 'light');
      data.size = display.edgeSize[slot];
      data.curvature = curvatureOf(e, slot, display);
      data.zIndex = 0;
    },

    sizedByEnds: (e) => (program[e] & 1) === 1,
  };
}
