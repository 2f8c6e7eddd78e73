/**
 * Maps a selection in the workbench's article pane back to offsets in the article's text. The pane
 * writes each run of text in an element that carries the run's offset (data-at), and each paragraph
 * its span (data-start, data-end); the component reads those off the DOM and hands them here as
 * plain values, so the arithmetic is testable without a DOM.
 */

/** Where a selection's boundary lies, as read off the article's elements. */
export type BoundaryPlace =
  /** Inside a run's text node, `offset` characters into it. */
  | { kind: 'text'; runStart: number; offset: number }
  /** On a run's element itself: `offset` 0 is before its text, anything else after it. */
  | { kind: 'run'; runStart: number; runLength: number; offset: number }
  /** On a paragraph outside any run: `offset` 0 is its start, anything else its end. */
  | { kind: 'paragraph'; start: number; end: number; offset: number }
  /** Outside the article. */
  | { kind: 'outside' };

/** The text offset of a selection boundary, or null when it is outside the article. */
export function boundaryOffset(place: BoundaryPlace): number | null {
  switch (place.kind) {
    case 'text':
      return place.runStart + place.offset;
    case 'run':
      return place.runStart + (place.offset > 0 ? place.runLength : 0);
    case 'paragraph':
      return place.offset > 0 ? place.end : place.start;
    case 'outside':
      return null;
  }
}

/**
 * The span from `start` to `end` in `text` without whitespace at its edges (a drag often takes a
 * space or a line break with it), or null when either end is outside, the span is empty or reversed,
 * or it holds only whitespace.
 */
export function trimmedSpan(text: string, start: number | null, end: number | null): { start: number; end: number } | null {
  if (start === null || end === null || end <= start) return null;
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.length - raw.trimEnd().length;
  return end - trail <= start + lead ? null : { start: start + lead, end: end - trail };
}
