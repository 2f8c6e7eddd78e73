/**
 * Random mutations of the bundled dataset (seeded, so every run is the same):
 * delete, duplicate or swap a cell; cut a file; inject a quote, CR, LF, NUL,
 * BOM or invalid UTF-8. The loader never throws, and either loads or reports
 * issues whose line lies within the file they name.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset, type FileContent } from '../../../src/lib/core/load';
import { readGraphDataFolder } from '../../../scripts/read-graph-data';

const bundled = readGraphDataFolder(fileURLToPath(new URL('../../../graph-data', import.meta.url)));
const dataPaths = Object.keys(bundled).filter((path) => path.endsWith('.csv'));

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const bytesOf = (content: FileContent) => (typeof content === 'string' ? encoder.encode(content) : content);

type Mutation = (bytes: Uint8Array, random: () => number) => Uint8Array;

const at = (length: number, random: () => number) => Math.floor(random() * (length + 1));
const inject = (insert: number[]): Mutation => (bytes, random) => {
  const i = at(bytes.length, random);
  return Uint8Array.from([...bytes.subarray(0, i), ...insert, ...bytes.subarray(i)]);
};

/** Cell-level edits on one line, splitting at commas (quoted commas included: that is part of the fun). */
const editCells = (edit: (cells: string[], random: () => number) => void): Mutation => (bytes, random) => {
  const lines = decoder.decode(bytes).split('\n');
  const index = Math.floor(random() * lines.length);
  const cells = lines[index].split(',');
  edit(cells, random);
  lines[index] = cells.join(',');
  return encoder.encode(lines.join('\n'));
};

const MUTATIONS: Record<string, Mutation> = {
  'delete a cell': editCells((cells, random) => cells.splice(Math.floor(random() * cells.length), 1)),
  'duplicate a cell': editCells((cells, random) => {
    const i = Math.floor(random() * cells.length);
    cells.splice(i, 0, cells[i]);
  }),
  'swap two cells': editCells((cells, random) => {
    const i = Math.floor(random() * cells.length);
    const j = Math.floor(random() * cells.length);
    [cells[i], cells[j]] = [cells[j], cells[i]];
  }),
  'empty a cell': editCells((cells, random) => (cells[Math.floor(random() * cells.length)] = '')),
  'duplicate a line': (bytes, random) => {
    const lines = decoder.decode(bytes).split('\n');
    const i = Math.floor(random() * lines.length);
    lines.splice(i, 0, lines[i]);
    return encoder.encode(lines.join('\n'));
  },
  'cut the file': (bytes, random) => bytes.subarray(0, at(bytes.length, random)),
  'inject a quote': inject([0x22]),
  'inject CR': inject([0x0d]),
  'inject LF': inject([0x0a]),
  'inject CRLF': inject([0x0d, 0x0a]),
  'inject NUL': inject([0x00]),
  'inject a BOM': inject([0xef, 0xbb, 0xbf]),
  'inject a Latin-1 byte': inject([0xe9]),
  'inject a lone continuation byte': inject([0x80]),
  'inject a truncated sequence': inject([0xe2, 0x80]),
  'inject 0xFF': inject([0xff]),
};

/** Lines as the loader counts them: `\n`, `\r\n` and a bare `\r` each end one. */
function lineCount(bytes: Uint8Array): number {
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) lines++;
  return lines;
}

const MODULES = /^(csv|load|utf8|text|files|limits)\/[a-z0-9-]+$/;

describe('random mutations of the bundled dataset', () => {
  it('the bundled dataset loads', () => {
    expect(loadDataset(bundled).issues).toEqual([]);
  });

  const RUNS = 300;
  it(`${RUNS} seeded runs: never throws; loads, or reports issues that lie within their file`, { timeout: 120_000 }, () => {
    const random = prng(20261201);
    const names = Object.keys(MUTATIONS);
    const seen = new Map<string, { runs: number; refused: number }>();
    for (let run = 0; run < RUNS; run++) {
      const files: Record<string, FileContent> = { ...bundled };
      const applied: string[] = [];
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const path = dataPaths[Math.floor(random() * dataPaths.length)];
        const name = names[Math.floor(random() * names.length)];
        files[path] = MUTATIONS[name](bytesOf(files[path]), random);
        applied.push(`${name} in ${path}`);
      }
      let result;
      try {
        result = loadDataset(files);
      } catch (error) {
        throw new Error(`run ${run} (${applied.join('; ')}) threw: ${(error as Error).stack}`);
      }
      const stats = seen.get(applied[0].split(' in ')[0]) ?? { runs: 0, refused: 0 };
      stats.runs++;
      if (result.ok) {
        expect(result.dataset.relations.length).toBeGreaterThan(0);
      } else {
        stats.refused++;
        expect(result.dataset).toBeNull();
        expect(result.issues.length).toBeGreaterThan(0);
        const lines = new Map<string, number>();
        for (const issue of result.issues) {
          const inFile = Object.hasOwn(files, issue.file);
          if (inFile && !lines.has(issue.file)) lines.set(issue.file, lineCount(bytesOf(files[issue.file])));
          const fine = inFile && issue.line >= 0 && issue.line <= lines.get(issue.file)! && MODULES.test(issue.code) && issue.message.length > 0;
          if (!fine) expect.fail(`run ${run} (${applied.join('; ')}): ${JSON.stringify(issue)} is not within ${issue.file} (${lines.get(issue.file)} lines)`);
        }
      }
      seen.set(applied[0].split(' in ')[0], stats);
    }
    // Every kind of mutation ran, and most of them were caught.
    expect([...seen.keys()].sort()).toEqual(names.sort());
    const refused = [...seen.values()].reduce((sum, s) => sum + s.refused, 0);
    expect(refused).toBeGreaterThan(RUNS * 0.6);
  });
});
