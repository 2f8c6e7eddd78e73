/** Limits for hostile containers (zip, GEXF, GraphML), checked before anything is unpacked or parsed. */
import { describe, expect, it } from 'vitest';
import { xmlSafetyIssues, zipEntryIssues } from '../../../src/lib/core/limit-checks';
import { MAX_XML_DEPTH, MAX_ZIP_ENTRIES } from '../../../src/lib/core/limits';

const MB = 1024 * 1024;
const codes = (issues: { file: string; line: number; code: string }[]) => issues.map((i) => `${i.file}:${i.line}:${i.code}`);

describe('zipEntryIssues', () => {
  it('passes an ordinary graph-data zip', () => {
    expect(zipEntryIssues('data.zip', [{ name: 'actors.csv', size: 900, originalSize: 4_000 }, { name: 'relations/a.csv', size: 2 * MB, originalSize: 9 * MB }])).toEqual([]);
  });
  it('refuses a zip bomb by ratio and by total, and too many entries', () => {
    expect(codes(zipEntryIssues('bomb.zip', [{ name: 'a.csv', size: 100_000, originalSize: 4000 * MB }]))).toEqual(['bomb.zip:a.csv:0:limits/zip-ratio', 'bomb.zip:0:limits/zip-size']);
    const many = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `relations/${i}.csv`, size: 10, originalSize: 20 }));
    expect(codes(zipEntryIssues('many.zip', many))).toEqual(['many.zip:0:limits/zip-entries']);
  });
  it('does not hold small, very compressible entries to the ratio', () => {
    expect(zipEntryIssues('ok.zip', [{ name: 'texts/a.txt', size: 100, originalSize: 500_000 }])).toEqual([]);
  });
  it('refuses paths outside the archive', () => {
    expect(codes(zipEntryIssues('slip.zip', [{ name: '../../etc/passwd', size: 1, originalSize: 1 }, { name: '/abs.csv', size: 1, originalSize: 1 }, { name: 'a\\..\\..\\b.csv', size: 1, originalSize: 1 }]))).toEqual([
      'slip.zip:../../etc/passwd:0:files/unsafe-path',
      'slip.zip:/abs.csv:0:files/unsafe-path',
      'slip.zip:a\\..\\..\\b.csv:0:files/unsafe-path',
    ]);
  });
});

describe('xmlSafetyIssues', () => {
  const gexf = '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph defaultedgetype="directed">\n<nodes><node id="a" label="A &amp; B"/><node id="b" label="x > y"/></nodes>\n<!-- a <comment> -->\n<edges><edge id="e" source="a" target="b"/></edges>\n</graph>\n</gexf>\n';
  it('passes an ordinary GEXF file', () => {
    expect(xmlSafetyIssues('g.gexf', gexf)).toEqual([]);
  });
  it('refuses a DOCTYPE or ENTITY declaration at its line (billion laughs, external entities)', () => {
    const laughs = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;">\n]>\n<gexf>&lol2;</gexf>';
    expect(codes(xmlSafetyIssues('bomb.gexf', laughs))).toEqual(['bomb.gexf:2:limits/xml-doctype', 'bomb.gexf:3:limits/xml-doctype', 'bomb.gexf:4:limits/xml-doctype']);
    expect(codes(xmlSafetyIssues('ext.graphml', '<?xml version="1.0"?>\n<!doctype x SYSTEM "file:///etc/passwd">\n<graphml/>'))).toEqual(['ext.graphml:2:limits/xml-doctype']);
  });
  it('refuses nesting deeper than the limit, once, at the line it happens', () => {
    const deep = Array.from({ length: MAX_XML_DEPTH + 5 }, (_, i) => `<d${i}>`).join('\n') + 'x';
    expect(codes(xmlSafetyIssues('deep.graphml', deep))).toEqual([`deep.graphml:${MAX_XML_DEPTH + 1}:limits/xml-depth`]);
    const flat = `<g>${'<n a="1"/>'.repeat(100_000)}</g>`;
    expect(xmlSafetyIssues('flat.graphml', flat)).toEqual([]);
  });
});
