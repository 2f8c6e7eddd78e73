import { describe, expect, it } from 'vitest';
import { importInput } from '../../../src/lib/core/import';
import * as loadModule from '../../../src/lib/core/load';
import { loadDataset } from '../../../src/lib/core/load';
import { graphDataZipEntries, writeGraphData } from '../../../src/lib/core/write-graph-data';
import { zipFiles } from '../../../src/lib/core/zip';
import { bundledInputs, file, smallGraphData } from './fixtures';

describe('writeGraphData', () => {
  it('round-trips the bundled dataset identically', () => {
    const original = importInput(bundledInputs(), { vocabulary: '' }).load.dataset!;
    const again = loadDataset(writeGraphData(original));
    expect(again.issues).toEqual([]);
    expect(again.dataset).toEqual(original);
  });

  it('keeps line numbers across blank lines and quotes with line breaks, commas and quote marks', () => {
    const original = importInput(smallGraphData(), { vocabulary: '' }).load.dataset!;
    const files = writeGraphData(original);
    expect(files['relations/s1.csv'].split('\r\n')[2]).toBe('');
    expect(loadDataset(files).dataset).toEqual(original);
  });

  it('writes a header-only file for a source without relations, so the source keeps its file', () => {
    const original = importInput(smallGraphData(), { vocabulary: '' }).load.dataset!;
    const files = writeGraphData({ ...original, relations: original.relations.filter((r) => r.source !== 's2') });
    expect(files['relations/s2.csv']).toBe('subject,object,type,date,end_date,quote,note\r\n');
  });

  it('round-trips through a zip with texts', () => {
    const original = importInput(smallGraphData(), { vocabulary: '' }).load.dataset!;
    const texts = { s1: 'Alpha "backs" Beta. Allied since 2020', s2: 'Quote over\ntwo lines. Later.' };
    const zip = zipFiles(graphDataZipEntries(original, texts));
    const again = importInput([file('dataset.zip', zip)], { vocabulary: '' });
    expect(again.load.issues).toEqual([]);
    expect(again.load.dataset).toEqual(original);
    expect(again.texts).toEqual(texts);
  });
});

// The optional columns arrive with the untrusted-input loader; before it, the loader refuses them.
const HAS_OPTIONAL_COLUMNS = 'RELATION_OPTIONAL_COLUMNS' in loadModule;

describe.skipIf(!HAS_OPTIONAL_COLUMNS)('writeGraphData with optional columns', () => {
  it('writes coding, statement, modality and attr_ columns where used, and reads them back identically', () => {
    const sources = 'id,title,outlet,published,url,coding,attr_NumMentions\ns1,T,,2021,https://example.org/1,gdelt,12\ns2,U,,2022,,,\n';
    const s1 = 'subject,object,type,date,end_date,quote,note,statement,modality,attr_GoldsteinScale\nalpha,beta,support,2021,,,,e1,reported,3.4\nbeta,alpha,support,2021,,,,e1,,\n';
    const files = { ...Object.fromEntries(smallGraphData().map((f) => [f.path, new TextDecoder().decode(f.bytes)])), 'sources.csv': sources, 'relations/s1.csv': s1 };
    const original = loadDataset(files);
    expect(original.issues).toEqual([]);
    const written = writeGraphData(original.dataset!);
    expect(written['sources.csv'].split('\r\n')[0]).toBe('id,title,outlet,published,url,coding,attr_NumMentions');
    expect(written['relations/s1.csv'].split('\r\n')[0]).toBe('subject,object,type,date,end_date,quote,note,statement,modality,attr_GoldsteinScale');
    expect(written['relations/s2.csv'].split('\r\n')[0]).toBe('subject,object,type,date,end_date,quote,note');
    expect(loadDataset(written).dataset).toEqual(original.dataset);
  });
});
