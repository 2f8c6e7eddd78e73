/**
 * A quote as shown between quotation marks (a <q> element, or “…” written around it). A quote
 * selected from the start of a quoted speech keeps the text's own `"`, which beside the added mark
 * read as `“"…”`: the double quotation marks at its edges are left out of what is shown. The stored
 * quote stays verbatim; this is only its display.
 */
const EDGE_MARKS = /^[\s"“”„«»]+|[\s"“”„«»]+$/g;

export function quoteBody(quote: string): string {
  const body = quote.replace(EDGE_MARKS, '');
  return body === '' ? quote : body;
}
