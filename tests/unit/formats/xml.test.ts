import { describe, expect, it } from 'vitest';
import { parseXml } from '../../../src/lib/core/formats/xml';

const parse = (text: string, limits?: { maxBytes: number; maxDepth: number }) => parseXml('f.xml', text, 'gexf', limits);

describe('parseXml', () => {
  it('reads elements, attributes, text, predefined entities, character references, CDATA, with lines', () => {
    const { root, issue } = parse('<?xml version="1.0"?>\n<!-- c -->\n<a x="1 &amp; 2" y=\'&#x41;&#66;\'>\n  <b>t &lt;ok&gt;</b>\n  <viz:c/><d><![CDATA[<raw>]]></d>\n</a>\n');
    expect(issue).toBeNull();
    expect(root).toMatchObject({ name: 'a', attrs: { x: '1 & 2', y: 'AB' }, line: 3 });
    expect(root!.children.map((c) => [c.name, c.text, c.line])).toEqual([['b', 't <ok>', 4], ['c', '', 5], ['d', '<raw>', 5]]);
  });

  it('refuses DOCTYPE and ENTITY declarations and undeclared entities, naming the line', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE gexf [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<gexf>&x;</gexf>';
    expect(parse(xxe).issue).toEqual({ file: 'f.xml', line: 2, column: '', code: 'gexf/doctype-refused', message: expect.stringMatching(/^entente\/gexf: <!DOCTYPE> is refused/) });
    expect(parse('<a>\n<!ENTITY y "z">\n</a>').issue).toMatchObject({ line: 2, message: expect.stringMatching(/<!ENTITY> is refused/) });
    expect(parse('<a>\n&lol;</a>').issue).toMatchObject({ line: 1, message: expect.stringMatching(/entity &lol; is not expanded/) });
    expect(parse('<a b="&ext;"/>').issue?.message).toMatch(/entity &ext; is not expanded/);
  });

  it('limits nesting depth and size', () => {
    const deep = '<a>'.repeat(65) + '</a>'.repeat(65);
    expect(parse(deep).issue?.message).toMatch(/nested deeper than 64 levels/);
    expect(parse('<a>'.repeat(64) + '</a>'.repeat(64)).issue).toBeNull();
    expect(parse('<a>xxxxxxxxxx</a>', { maxBytes: 10, maxDepth: 64 }).issue?.message).toMatch(/over the 0 MB limit/);
  });

  it('reports malformed XML with its line, never throws', () => {
    expect(parse('<a>\n<b>\n</a>').issue).toMatchObject({ line: 3, message: expect.stringMatching(/<\/a> closes <b> opened on line 2/) });
    expect(parse('<a>\n<b>').issue?.message).toMatch(/<b> opened on line 2 is never closed/);
    expect(parse('<a x=1/>').issue?.message).toMatch(/malformed attribute/);
    expect(parse('<a x="1" x="2"/>').issue?.message).toMatch(/given twice/);
    expect(parse('<a/><b/>').issue?.message).toMatch(/second root/);
    expect(parse('<a>AT&T</a>').issue?.message).toMatch(/must be written &amp;/);
    expect(parse('<?xml version="1.0" encoding="ISO-8859-1"?><a/>').issue?.message).toMatch(/only UTF-8/);
    expect(parse('').issue?.message).toMatch(/no XML element/);
    for (const junk of ['<', '<a', '<a b="', '</', '<!--', '<![CDATA[', '<?x', '\u0000<a>']) expect(() => parse(junk)).not.toThrow();
  });
});
