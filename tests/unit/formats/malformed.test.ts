/** Whatever the bytes, a format answers with files that load or with issues: it never throws, and never half-converts. */
import { describe, expect, it } from 'vitest';
import { generateGdelt } from '../../../bench/gdelt-generate';
import { INPUT_FORMATS } from '../../../src/lib/core/formats/index';
import type { InputFile } from '../../../src/lib/core/formats/types';
import { loadDataset } from '../../../src/lib/core/load';
import { file, fixture, vocabulary } from './helpers';

const inputs: InputFile[] = [
  fixture('acled-sample.csv'),
  fixture('edges.tsv'),
  fixture('dynamic-1.3.gexf'),
  fixture('static-1.2.gexf'),
  fixture('small.graphml'),
  fixture('polecat-sample.tsv'),
  fixture('plover-sample.jsonl'),
  file('sample.export.CSV', generateGdelt(20, 3)),
];

// graph-data passes its files to the loader unchanged, so its issues carry the loader's own codes (load/, files/);
// its malformed inputs are tested in tests/unit/import/graph-data.test.ts. Parquet is binary, with no lines
// to name; its damaged files are tested in tests/unit/aggregate/exact.test.ts.
const CONVERTING_FORMATS = INPUT_FORMATS.filter((f) => f.id !== 'graph-data' && f.id !== 'parquet');

function rng(seed: number) {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

const JUNK = ['\u0000', '"', '\t', '\n', '\r\n', '<', '>', '&', '&amp;', '<!DOCTYPE x>', '\uFEFF', ',', ';', '[', '{', '</edge>', '\u{1F600}'];

function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const at = Math.floor(random() * text.length);
  const kind = Math.floor(random() * 4);
  if (kind === 0) return new TextEncoder().encode(text.slice(0, at)); // cut
  if (kind === 1) return new TextEncoder().encode(text.slice(0, at) + JUNK[Math.floor(random() * JUNK.length)] + text.slice(at)); // inject
  if (kind === 2) return new TextEncoder().encode(text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20))); // delete
  const out = bytes.slice();
  out[Math.min(at, out.length - 1)] = 0xff; // invalid UTF-8
  return out;
}

describe('malformed input', () => {
  it('never throws on mutated inputs, and what converts without issues also loads', { timeout: 120_000 }, () => {
    const random = rng(42);
    for (const input of inputs) {
      for (const format of CONVERTING_FORMATS) {
        for (let i = 0; i < 6; i++) {
          const bytes = mutate(input.bytes, random);
          const result = format.convert([{ path: input.path, bytes }], { vocabulary, typeAttribute: undefined });
          if (result.issues.length) {
            expect(result.files).toEqual({});
            for (const issue of result.issues) {
              expect(issue.file).toBe(input.path);
              expect(issue.code).toMatch(new RegExp(`^(${format.id}|utf8|text|limits)/`));
              expect(issue.message.startsWith(`entente/${format.id}: `)).toBe(true);
            }
          } else {
            // A format that reports no issue writes graph-data the loader accepts.
            const load = loadDataset(result.files, { texts: result.texts });
            expect(load.issues, `${format.id} on mutated ${input.path}`).toEqual([]);
          }
        }
      }
    }
  });

  it('invalid UTF-8, empty files and a BOM get a clear answer in every format', () => {
    for (const format of CONVERTING_FORMATS) {
      const bad = format.convert([{ path: 'x.bin', bytes: new Uint8Array([0x41, 0x0a, 0xc3, 0x28]) }], { vocabulary });
      expect(bad.issues[0]).toMatchObject({ file: 'x.bin', line: 2, code: 'utf8/invalid', message: expect.stringMatching(new RegExp(`^entente/${format.id}: invalid UTF-8`)) });
      const empty = format.convert([{ path: 'empty', bytes: new Uint8Array() }], { vocabulary });
      expect(empty.issues.length).toBeGreaterThan(0);
    }
    const bom = INPUT_FORMATS.find((f) => f.id === 'edge-list')!.convert([file('b.csv', '\uFEFFsource,target\na,b\n')], { vocabulary });
    expect(bom.issues).toEqual([]);
  });

  it('an empty vocabulary still converts: every type is created', () => {
    for (const input of inputs) {
      const format = INPUT_FORMATS.map((f) => [f, f.detect([input])] as const).sort((a, b) => b[1] - a[1])[0][0];
      const result = format.convert([input], { vocabulary: '' });
      expect(result.issues).toEqual([]);
      expect(loadDataset(result.files, { texts: result.texts }).issues).toEqual([]);
    }
  });
});
