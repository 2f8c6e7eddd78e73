/** graphology-layout-forceatlas2 ships no types for its single-iteration function. */
declare module 'graphology-layout-forceatlas2/iterate.js' {
  export default function iterate(settings: Record<string, unknown>, nodes: Float32Array, edges: Float32Array): unknown;
}
