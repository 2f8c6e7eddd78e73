import { describe, expect, it } from 'vitest';
import { mappingNeeded, runImport, runLoad } from '../../../src/lib/core/import-job';
import { sampleTable } from '../../../src/lib/core/import-sample';
import { file, smallGraphData } from './fixtures';

describe('import job (what the worker runs)', () => {
  it('converts graph-data straight away: no mapping step, summary and files for saving', () => {
    const inputs = smallGraphData('d/');
    expect(mappingNeeded(inputs, {})).toBeNull();
    const progress: number[] = [];
    const outcome = runImport(inputs, {}, (p) => progress.push(p.bytes));
    expect(outcome.ok).toBe(true);
    expect(outcome.summary).toMatchObject({ actorCount: 3, relationCount: 4, sourceCount: 2, typeCount: 2 });
    expect(Object.keys(outcome.files).sort()).toEqual(['actors.csv', 'relation-types.csv', 'relations/s1.csv', 'relations/s2.csv', 'sources.csv']);
    expect(outcome.storedChars).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(outcome.inputBytes);
  });

  it('re-validates saved files the same way (runLoad), and refuses them when they went bad', () => {
    const first = runImport(smallGraphData(), {}, () => {});
    const again = runLoad(first.files, first.texts);
    expect(again.dataset).toEqual(first.dataset);
    const broken = runLoad({ ...first.files, 'actors.csv': 'id,label\n' }, undefined);
    expect(broken.ok).toBe(false);
    expect(broken.issues[0]).toMatchObject({ file: 'actors.csv', line: 1 });
  });

  it('keeps no files of a refused import', () => {
    const outcome = runImport([file('x.txt', 'nothing')], {}, () => {});
    expect(outcome.ok).toBe(false);
    expect(outcome.files).toEqual({});
    expect(outcome.dataset).toBeNull();
  });
});

describe('sampleTable', () => {
  it('reads the header, the delimiter and the first rows with the line they start on', () => {
    const sample = sampleTable(file('e.tsv', 'a\tb\tc\n1\t2\t3\n\n"x\ny"\t5\t6\n7\t8\t9\n'), 2);
    expect(sample.delimiter).toBe('\t');
    expect(sample.header).toEqual(['a', 'b', 'c']);
    expect(sample.rows).toEqual([['1', '2', '3'], ['x\ny', '5', '6']]);
    expect(sample.lines).toEqual([2, 4]);
  });
  it('guesses commas for a .csv', () => {
    expect(sampleTable(file('e.csv', 'from,to\nA,B\n')).delimiter).toBe(',');
  });
});
