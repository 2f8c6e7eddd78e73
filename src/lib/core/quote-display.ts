/**
 * A quote as shown between quotation marks (a <q> element, or “…” written around it). A quote
 * selected from the start of a quoted speech keeps the text's own `"`, which beside the added mark
 * read as `“"…”`. So a mark at an edge is left out of what is shown when it has no partner inside
 * the quote, or when one pair wraps the whole quote; a pair that closes inside ("a “provocation”")
 * is the text's own and stays. The stored quote stays verbatim; this is only its display.
 */
const PAIRS: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»' };
const CLOSERS = new Set(['"', '”', '“', '»']);

function opensAt(text: string): string | undefined {
  return PAIRS[text[0]] === undefined ? undefined : text[0];
}

function countOf(text: string, mark: string): number {
  let count = 0;
  for (const character of text) if (character === mark) count++;
  return count;
}

function withoutUnpairedStart(text: string): string {
  const open = opensAt(text);
  if (open === undefined) return text;
  const close = PAIRS[open];
  const rest = text.slice(1);
  const paired = open === close ? countOf(rest, close) % 2 === 1 : rest.includes(close);
  if (!paired) return rest.trimStart();
  // One pair around the whole quote, with no other mark of its kind inside.
  const inner = rest.slice(0, -1);
  if (rest.endsWith(close) && !inner.includes(open) && !inner.includes(close)) return inner.trim();
  return text;
}

function withoutUnpairedEnd(text: string): string {
  const close = text[text.length - 1];
  if (!CLOSERS.has(close)) return text;
  const rest = text.slice(0, -1);
  const opens = Object.keys(PAIRS).filter((open) => PAIRS[open] === close);
  const paired = opens.some((open) => (open === close ? countOf(rest, close) % 2 === 1 : rest.includes(open)));
  return paired ? text : rest.trimEnd();
}

export function quoteBody(quote: string): string {
  const body = withoutUnpairedEnd(withoutUnpairedStart(quote.trim()));
  return body === '' ? quote : body;
}
