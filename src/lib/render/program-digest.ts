/**
 * A digest of what sigma's programs hold (every program's array, and for the edge programs that draw
 * only visible instances their slot tables) and of the ids sigma gave edges: for the check that the
 * sliced process (sliced-process.ts) leaves sigma as its own process would.
 */
interface DigestedProgram {
  array?: Float32Array;
  capacity?: number;
  shownInstances?: number;
  STRIDE?: number;
  slotOf?: Int32Array;
  positionAt?: Int32Array;
  programs?: DigestedProgram[];
}

interface DigestedSigma {
  nodePrograms: Record<string, DigestedProgram>;
  edgePrograms: Record<string, DigestedProgram>;
  edgeIndices: Record<string, number>;
  edgeProgramIndex: Record<string, number>;
  process(): unknown;
}

/** FNV-1a over 32-bit words. */
function mix(hash: number, word: number): number {
  return Math.imul(hash ^ word, 16777619) >>> 0;
}

function digestWords(hash: number, words: Int32Array | Uint32Array): number {
  for (let i = 0; i < words.length; i++) hash = mix(hash, words[i]);
  return hash;
}

function digestProgram(hash: number, program: DigestedProgram): number {
  if (Array.isArray(program.programs)) {
    for (const part of program.programs) hash = digestProgram(hash, part);
    return hash;
  }
  hash = mix(hash, program.capacity ?? -1);
  if (program.array) {
    const used = program.shownInstances !== undefined && program.STRIDE ? program.shownInstances * program.STRIDE : program.array.length;
    hash = digestWords(hash, new Uint32Array(program.array.buffer, program.array.byteOffset, used));
  }
  if (program.shownInstances !== undefined) {
    hash = mix(hash, program.shownInstances);
    if (program.slotOf) hash = digestWords(hash, program.slotOf);
    if (program.positionAt) hash = digestWords(hash, program.positionAt.subarray(0, program.shownInstances));
  }
  return hash;
}

/** The digest of `sigma`'s programs and edge ids, as they are now. */
export function programDigest(sigma: unknown): string {
  const s = sigma as DigestedSigma;
  let hash = 2166136261;
  for (const type of Object.keys(s.nodePrograms).sort()) hash = digestProgram(hash, s.nodePrograms[type]);
  for (const type of Object.keys(s.edgePrograms).sort()) hash = digestProgram(hash, s.edgePrograms[type]);
  const edges = Object.keys(s.edgeIndices).sort();
  for (const edge of edges) {
    hash = mix(hash, s.edgeIndices[edge]);
    hash = mix(hash, s.edgeProgramIndex[edge] ?? -1);
  }
  return `${edges.length} edges, ${hash.toString(16)}`;
}

/** The digest after sigma's own full process of the graph as it stands (which leaves sigma processed). */
export function programDigestBySigma(sigma: unknown): string {
  (sigma as DigestedSigma).process();
  return programDigest(sigma);
}

/** Set by a test before the page loads: the sliced process then records its digest and sigma's (checkSlicedProcess). */
interface CheckedWindow {
  __ententeCheckSlicedProcess?: boolean;
  __ententeSlicedProcessDigests?: { sliced: string; sigma: string };
}

/** With the test's flag set, records what the sliced process left and what sigma's own process gives at the same moment. */
export function checkSlicedProcess(sigma: unknown): void {
  const page = globalThis as CheckedWindow;
  if (!page.__ententeCheckSlicedProcess) return;
  page.__ententeSlicedProcessDigests = { sliced: programDigest(sigma), sigma: programDigestBySigma(sigma) };
}
