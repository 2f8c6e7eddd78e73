/**
 * The plain text of a source a user adds: pasted text, a .txt, a .md or an .html
 * file. The text kept is what quotes are checked against verbatim, so it is
 * normalised once here: paragraphs separated by one blank line, whitespace
 * inside a paragraph collapsed, no markup. For HTML only the article is kept:
 * no navigation, scripts, styles, forms or comments. Pure string rules, so the
 * app and the Node tests read a file the same way.
 */

export type SourceTextKind = 'text' | 'markdown' | 'html';

/** The kind a file name suggests; pasted text is `text` unless it looks like HTML. */
export function sourceTextKind(name: string, content: string): SourceTextKind {
  const lower = name.toLowerCase();
  if (/\.(html?|xhtml)$/.test(lower)) return 'html';
  if (/\.(md|markdown)$/.test(lower)) return 'markdown';
  if (!name && /^\s*(<!doctype html|<html[\s>])/i.test(content)) return 'html';
  return 'text';
}

/** The text to keep for `content` of the given kind. */
export function sourceText(content: string, kind: SourceTextKind): string {
  if (kind === 'html') return htmlToText(content);
  if (kind === 'markdown') return markdownToText(content);
  return plainText(content);
}

/** Paragraphs (blank-line separated) with their inner whitespace collapsed, joined by one blank line. */
export function joinParagraphs(blocks: readonly string[]): string {
  return blocks
    .map((block) => block.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Plain text: line ends normalised, each paragraph on one line. A single line
 * break inside a paragraph (hard-wrapped text) becomes a space, so a quote that
 * spans the wrap is still found verbatim.
 */
export function plainText(content: string): string {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return joinParagraphs(text.split(/\n[ \t\u00a0]*\n/));
}

const MD_BLOCK_START = /^(#{1,6}\s|[-*+]\s|\d+[.)]\s|>)/;

/** One markdown line without its block marker (heading, list, quote). */
function markdownLineText(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
}

/** Inline markdown: images dropped, links kept as their text, emphasis and code marks removed. */
function markdownInline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}

/**
 * Markdown: headings, list items and quoted lines each a paragraph of their own;
 * front matter, HTML comments, link reference definitions, rules and code fences' markers dropped.
 */
export function markdownToText(content: string): string {
  let text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  text = text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<!--[\s\S]*?-->/g, '');
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) blocks.push(markdownInline(current.join(' ')));
    current = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim() || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line) || /^\s*(```|~~~)/.test(line) || /^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) {
      flush();
      continue;
    }
    if (/^\s*(=+|-+)\s*$/.test(line) && current.length) {
      flush(); // a setext heading's underline
      continue;
    }
    if (MD_BLOCK_START.test(line.trimStart())) flush();
    current.push(markdownLineText(line));
    if (/^\s{0,3}#{1,6}\s/.test(line)) flush();
  }
  flush();
  return joinParagraphs(blocks);
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c',
  mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', laquo: '\u00ab', raquo: '\u00bb', shy: '', zwj: '', zwnj: '', copy: '\u00a9', eacute: '\u00e9',
};

/** Character references, numeric and the common named ones; an unknown one is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Elements whose content is never article text. */
const DROPPED = ['svg', 'iframe', 'object', 'nav', 'aside', 'form', 'button', 'select', 'menu', 'dialog'];
/** A page's header and footer are the site's; inside an `<article>` they hold its headline and byline. */
const PAGE_FRAME = ['header', 'footer'];
/** Elements that end a paragraph. */
const BLOCKS = 'p|div|section|article|main|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|table|tr|td|th|br|hr|figcaption|address';

/** The inner HTML of the first `<tag>` element, or null. Nested elements of the same tag are counted. */
function innerOf(html: string, tag: string): string | null {
  const open = new RegExp(`<${tag}\\b[^>]*>`, 'i').exec(html);
  if (!open) return null;
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  pattern.lastIndex = open.index + open[0].length;
  let depth = 1;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(open.index + open[0].length, m.index);
  }
  return html.slice(open.index + open[0].length);
}

/** Removes every `<tag>…</tag>` (nesting counted) and self-closed or unclosed `<tag>`. */
function dropElements(html: string, tag: string): string {
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*?(/?)>`, 'gi');
  let out = '';
  let depth = 0;
  let last = 0;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    const closing = m[1] === '/';
    const selfClosed = m[2] === '/';
    if (!closing && !selfClosed) {
      if (depth === 0) out += html.slice(last, m.index);
      depth++;
    } else if (closing && depth > 0) {
      depth--;
      if (depth === 0) last = m.index + m[0].length;
    } else if (depth === 0) {
      out += html.slice(last, m.index);
      last = m.index + m[0].length;
    }
  }
  return depth > 0 ? out : out + html.slice(last);
}

/**
 * HTML: the first `<article>` (else `<main>`, else `<body>`, else the whole) with
 * comments, scripts, styles, navigation, asides and forms removed (and the page's header and footer);
 * block elements become paragraphs, other tags are dropped, entities decoded.
 */
export function htmlToText(html: string): string {
  let doc = html.replace(/^\uFEFF/, '').replace(/<!--[\s\S]*?(-->|$)/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!doctype[^>]*>/gi, '');
  doc = dropElements(doc, 'head');
  for (const tag of ['script', 'style', 'noscript', 'template']) doc = dropElements(doc, tag);
  const article = innerOf(doc, 'article');
  let text = article ?? innerOf(doc, 'main') ?? innerOf(doc, 'body') ?? doc;
  for (const tag of article === null ? [...DROPPED, ...PAGE_FRAME] : DROPPED) text = dropElements(text, tag);
  const withBreaks = text.replace(new RegExp(`</?(?:${BLOCKS})\\b[^>]*>`, 'gi'), '\n\n').replace(/<[^>]*>/g, '');
  return joinParagraphs(decodeEntities(withBreaks).split(/\n\s*\n/));
}
