/**
 * A small XML reader for GEXF and GraphML that is safe with untrusted files: it refuses
 * DOCTYPE and ENTITY declarations outright (so no external entity, DTD fetch or entity
 * expansion can happen), expands only the five predefined entities and character
 * references, and limits size and nesting. It builds a light tree of elements with the
 * line each starts on, so that every error can name its line. It runs the same in Node
 * and in the browser (no DOMParser, no dependency).
 */
import { MAX_XML_BYTES, MAX_XML_DEPTH } from '../limits';
import type { DataIssue } from '../model';

export interface XmlElement {
  /** Local name, without namespace prefix: `viz:color` -> `color`. */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside the element, trimmed. */
  text: string;
  line: number;
}

export interface XmlLimits {
  maxBytes: number;
  maxDepth: number;
}

/** The loader's file limit (64 MB, about a million elements: past that a browser tab runs short of memory building the graph). */
export const XML_LIMITS: XmlLimits = { maxBytes: MAX_XML_BYTES, maxDepth: MAX_XML_DEPTH };

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /[A-Za-z_:][\w.:-]*/y;
const ATTRIBUTE = /\s*([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

class XmlError extends Error {
  constructor(
    readonly at: number,
    message: string,
    readonly code = 'malformed-xml',
  ) {
    super(message);
  }
}

function decodeEntities(text: string, at: number): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;\s&]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new XmlError(at, `"&" must be written &amp; (near "${whole.slice(0, 12)}")`);
    if (name in PREDEFINED) return PREDEFINED[name];
    const code = /^#x([0-9a-f]+)$/i.exec(name) ? parseInt(name.slice(2), 16) : /^#(\d+)$/.exec(name) ? Number(name.slice(1)) : NaN;
    if (Number.isNaN(code)) throw new XmlError(at, `entity &${name}; is not expanded: only &lt; &gt; &amp; &quot; &apos; and character references are read`, 'entity-refused');
    if (code > 0x10ffff || code === 0 || (code >= 0xd800 && code <= 0xdfff)) throw new XmlError(at, `character reference &${name}; is not a valid character`);
    return String.fromCodePoint(code);
  });
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Parses `text` (the file `file`) into its root element, or reports the first problem with its line. */
export function parseXml(file: string, text: string, module: string, limits: XmlLimits = XML_LIMITS): { root: XmlElement | null; issue: DataIssue | null } {
  let lineNo = 1;
  let linePos = 0;
  const lineOf = (i: number): number => {
    if (i < linePos) return lineNo; // never moves backwards in practice
    for (let j = text.indexOf('\n', linePos); j !== -1 && j < i; j = text.indexOf('\n', j + 1)) lineNo++;
    linePos = i;
    return lineNo;
  };
  const fail = (at: number, message: string, code: string) => ({ root: null, issue: { file, line: lineOf(at), column: '', code: `${module}/${code}`, message: `entente/${module}: ${message}` } });

  if (text.length > limits.maxBytes) {
    return { root: null, issue: { file, line: 0, column: '', code: `${module}/too-large`, message: `entente/${module}: ${Math.round(text.length / 1048576)} MB of XML is over the ${Math.round(limits.maxBytes / 1048576)} MB limit for one file: a larger graph would not fit a browser tab's memory` } };
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  try {
    while (pos < text.length) {
      const lt = text.indexOf('<', pos);
      const chunk = text.slice(pos, lt === -1 ? text.length : lt);
      if (chunk.trim()) {
        if (!stack.length) throw new XmlError(pos, 'text outside the root element');
        const top = stack[stack.length - 1];
        top.text += decodeEntities(chunk, pos);
      }
      if (lt === -1) break;
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) throw new XmlError(lt, 'comment is never closed');
        pos = end + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end === -1) throw new XmlError(lt, 'CDATA section is never closed');
        if (!stack.length) throw new XmlError(lt, 'CDATA outside the root element');
        stack[stack.length - 1].text += text.slice(lt + 9, end);
        pos = end + 3;
      } else if (text.startsWith('<?', lt)) {
        const end = text.indexOf('?>', lt + 2);
        if (end === -1) throw new XmlError(lt, 'processing instruction is never closed');
        const encoding = /^<\?xml\b[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(text.slice(lt, end + 2));
        if (encoding && !/^utf-?8$/i.test(encoding[1])) throw new XmlError(lt, `the file declares encoding ${encoding[1]}; only UTF-8 is read: save it as UTF-8`);
        pos = end + 2;
      } else if (text.startsWith('<!', lt)) {
        const what = /^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST)?/i.exec(text.slice(lt, lt + 12))?.[1]?.toUpperCase() ?? 'declaration';
        throw new XmlError(lt, `<!${what}> is refused: DTDs and entity declarations can read other files or expand without bound, and GEXF and GraphML need none`, 'doctype-refused');
      } else if (text[lt + 1] === '/') {
        NAME.lastIndex = lt + 2;
        const match = NAME.exec(text);
        const end = text.indexOf('>', lt);
        if (!match || end === -1 || text.slice(NAME.lastIndex, end).trim()) throw new XmlError(lt, 'malformed closing tag');
        const open = stack.pop();
        if (!open) throw new XmlError(lt, `closing tag </${match[0]}> without an opening tag`);
        if (localName(match[0]) !== open.name) throw new XmlError(lt, `</${match[0]}> closes <${open.name}> opened on line ${open.line}`);
        open.text = open.text.trim();
        pos = end + 1;
      } else {
        NAME.lastIndex = lt + 1;
        const match = NAME.exec(text);
        if (!match) throw new XmlError(lt, '"<" must be written &lt; or start a tag');
        const element: XmlElement = { name: localName(match[0]), attrs: {}, children: [], text: '', line: lineOf(lt) };
        let at = NAME.lastIndex;
        let selfClosing = false;
        for (;;) {
          while (at < text.length && /\s/.test(text[at])) at++;
          if (text[at] === '>') break;
          if (text[at] === '/' && text[at + 1] === '>') {
            selfClosing = true;
            at++;
            break;
          }
          ATTRIBUTE.lastIndex = at;
          const attr = ATTRIBUTE.exec(text);
          if (!attr) throw new XmlError(at, `malformed attribute in <${match[0]}>`);
          const name = attr[1];
          if (name in element.attrs) throw new XmlError(at, `attribute ${name} given twice in <${match[0]}>`);
          element.attrs[name] = decodeEntities(attr[2] ?? attr[3], at);
          at = ATTRIBUTE.lastIndex;
        }
        if (at >= text.length) throw new XmlError(lt, `<${match[0]}> is never closed`);
        if (stack.length) stack[stack.length - 1].children.push(element);
        else if (root) throw new XmlError(lt, 'a second root element');
        else root = element;
        if (!selfClosing) {
          if (stack.length >= limits.maxDepth) throw new XmlError(lt, `elements nested deeper than ${limits.maxDepth} levels`, 'too-deep');
          stack.push(element);
        }
        pos = at + 1;
      }
    }
    if (stack.length) throw new XmlError(text.length, `<${stack[stack.length - 1].name}> opened on line ${stack[stack.length - 1].line} is never closed`);
    if (!root) throw new XmlError(0, 'no XML element in the file');
  } catch (error) {
    if (error instanceof XmlError) return fail(error.at, error.message, error.code);
    throw error;
  }
  return { root, issue: null };
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}
