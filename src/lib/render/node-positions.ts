/** Node positions as saved with a dataset: x and y per actor, in RelationIndex.actorIds order. */
import type { EntenteGraph } from './build-graph';

export function readPositions(graph: EntenteGraph, actorCount: number): Float32Array {
  const out = new Float32Array(actorCount * 2);
  graph.forEachNode((_, a) => {
    out[2 * a.index] = a.x;
    out[2 * a.index + 1] = a.y;
  });
  return out;
}

/** Moves every node to saved positions; ignored when they are for another number of actors. */
export function writePositions(graph: EntenteGraph, positions: Float32Array, actorCount: number): void {
  if (positions.length !== actorCount * 2) return;
  graph.updateEachNodeAttributes(
    (_, a) => {
      a.x = positions[2 * a.index];
      a.y = positions[2 * a.index + 1];
      return a;
    },
    { attributes: ['x', 'y'] },
  );
}
