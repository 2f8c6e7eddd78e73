import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { graphDataFormat } from '../../../src/lib/core/formats/graph-data';
import { importInput } from '../../../src/lib/core/import';
import { loadDataset } from '../../../src/lib/core/load';
import { bundledInputs, enc, file, smallGraphData } from './fixtures';

const options = { vocabulary: '' };

describe('graph-data format', () => {
  it('detects a graph-data folder, also wrapped in one more folder, and nothing else', () => {
    expect(graphDataFormat.detect(smallGraphData())).toBeGreaterThan(0);
    expect(graphDataFormat.detect(smallGraphData('my-data/'))).toBeGreaterThan(0);
    expect(graphDataFormat.detect([file('edges.csv', 'a,b\n')])).toBe(0);
  });

  it('loads the small fixture with its counts, wherever the folder sits', () => {
    for (const prefix of ['', 'my-data/', 'a/b/']) {
      const result = importInput(smallGraphData(prefix), options);
      expect(result.format).toBe('graph-data');
      expect(result.load.issues).toEqual([]);
      const d = result.load.dataset!;
      expect([d.types.length, d.actors.length, d.sources.length, d.relations.length]).toEqual([2, 3, 2, 4]);
      expect(d.relations.map((r) => r.id)).toEqual(['s1:2', 's1:4', 's2:2', 's2:4']);
    }
  });

  it('loads the same from a zip as from the folder', () => {
    const folder = importInput(smallGraphData('x/'), options);
    const zip = file('x.zip', zipSync(Object.fromEntries(smallGraphData('x/').map((f) => [f.path, f.bytes]))));
    const zipped = importInput([zip], options);
    expect(zipped.load.dataset).toEqual(folder.load.dataset);
  });

  it('checks quotes verbatim when texts/ is there, naming file, line and field', () => {
    const inputs = [...smallGraphData(), file('texts/s1.txt', 'Alpha "backs" Beta. Allied since 2020.'), file('texts/s2.txt', 'Later only.')];
    const result = importInput(inputs, options);
    expect(result.load.ok).toBe(false);
    expect(result.load.issues).toEqual([expect.objectContaining({ file: 'relations/s2.csv', line: 2, column: 'quote' })]);
    expect(result.texts?.s1).toContain('Allied');
  });

  it('refuses invalid UTF-8 with the file and line', () => {
    const latin1 = new Uint8Array([...enc('id,label,kind,affiliation,aliases\nalpha,Alpha,state,,\nbeta,B'), 0xe9, ...enc('ta,state,,\n')]);
    const inputs = smallGraphData().map((f) => (f.path === 'actors.csv' ? file('actors.csv', latin1) : f));
    const result = importInput(inputs, options);
    expect(result.load.issues[0]).toMatchObject({ file: 'actors.csv', line: 3, code: 'utf8/invalid' });
    expect(result.load.dataset).toBeNull();
  });

  it('keeps a source text called __proto__ as a plain key', () => {
    const { texts } = graphDataFormat.convert([...smallGraphData(), file('texts/__proto__.txt', 'x')], options);
    expect(Object.keys(texts!)).toEqual(['__proto__']);
  });

  it('passes the validator\'s issues through with file and line, and returns no dataset', () => {
    const inputs = smallGraphData().map((f) => (f.path === 'relations/s1.csv' ? file(f.path, 'subject,object,type,date,end_date,quote,note\nalpha,gamma,support,2021,,q,\n') : f));
    const result = importInput(inputs, options);
    expect(result.load.dataset).toBeNull();
    expect(result.load.issues).toEqual([expect.objectContaining({ file: 'relations/s1.csv', line: 2, column: 'object' })]);
  });

  it('says plainly when no format is recognised', () => {
    const result = importInput([file('picture.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))], options);
    expect(result.format).toBeNull();
    expect(result.load.issues[0].message).toMatch(/^no supported format recognised/);
  });

  it('refuses a zip with a path outside its folder, and names the entry', () => {
    const zip = file('evil.zip', zipSync({ 'actors.csv': enc('x'), '../../outside.csv': enc('x') }));
    const result = importInput([zip], options);
    expect(result.load.issues).toEqual([expect.objectContaining({ file: 'evil.zip', column: '../../outside.csv', code: 'zip/unsafe-path' })]);
  });

  it('loads the bundled dataset exactly as loadDataset does', () => {
    const inputs = bundledInputs();
    const direct = loadDataset(Object.fromEntries(inputs.map((f) => [f.path, new TextDecoder().decode(f.bytes)])));
    expect(importInput(inputs, options).load).toEqual(direct);
  });
});
