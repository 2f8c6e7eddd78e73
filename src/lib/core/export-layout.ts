/**
 * Where an exported picture puts its title, graph, legend and caption, and how
 * large it draws them. Pure: text widths come from a measure function, so the
 * rule is tested in Node with a stand-in for the canvas.
 *
 * The rule. A picture of W × H pixels (before the 1×/2×/4× scale) is composed
 * in units of k = clamp(min(W, H) / 1080, 1, 4) pixels: as on a 1080-pixel-high
 * screen, then enlarged k times. So text, nodes, edges, arrowheads, legend and
 * caption keep the same share of the picture at 1920 × 1080 and 3840 × 2160, and
 * never shrink below their on-screen size in smaller pictures. Within that:
 * - the title (22 px) and caption (13.5 px) wrap onto more lines instead of
 *   being squeezed into the width;
 * - the legend sits right of the graph, rows of 22 px, shrinking to 18 px,
 *   then flowing into more columns, each as wide as its longest label;
 * - the graph gets the rest, beside the legend and between title and caption,
 *   so no label can run under the legend.
 */

export type TextMeasure = (text: string, font: { size: number; weight: number }) => number;

export interface LegendEntry {
  kind: 'heading' | 'actor' | 'type';
  label: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEntry extends LegendEntry {
  x: number;
  /** Middle of the row. */
  y: number;
}

export interface ExportLayout {
  /** Pixels per layout unit; every other number here is in layout units. */
  unit: number;
  width: number;
  height: number;
  title: { lines: string[]; top: number; lineHeight: number; fontSize: number; height: number };
  graph: Box;
  /** `swatch` scales the shapes and line swatches with the row height. */
  legend: (Box & { entries: PlacedEntry[]; row: number; fontSize: number; swatch: number }) | null;
  caption: { lines: Array<{ text: string; strong: boolean }>; top: number; lineHeight: number; fontSize: number; height: number } | null;
}

export const LAYOUT = {
  reference: 1080,
  maxUnit: 4,
  pad: 20,
  titleFont: 22,
  titleLine: 28,
  captionFont: 13.5,
  captionLine: 20,
  row: 22,
  minRow: 18,
  /** Room in a legend row for the shape or swatch before the label. */
  swatch: 36,
  minColumn: 150,
  maxColumn: 300,
  /** Space between the last actor kind and the relations heading, in rows. */
  gap: 0.4,
} as const;

/** Layout units per pixel of a W × H picture (before the pixel-density scale). */
export function exportUnit(width: number, height: number): number {
  return Math.min(LAYOUT.maxUnit, Math.max(1, Math.min(width, height) / LAYOUT.reference));
}

/** Greedy word wrap; a single word longer than the width keeps a line of its own. */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export interface LayoutInput {
  width: number;
  height: number;
  title: string;
  captionLines: readonly string[];
  /** Legend entries in order: headings, actor kinds, relation types; none when the legend is off. */
  legend: readonly LegendEntry[] | null;
  caption: boolean;
}

/** Which column each entry goes in and its offset there, in rows; a heading is never left at the foot of a column. */
function splitColumns(entries: readonly LegendEntry[], columns: number) {
  const slot = (i: number, atTop: boolean) => (entries[i].kind === 'heading' && !atTop ? 1 + LAYOUT.gap : 1);
  const total = entries.reduce((sum, _e, i) => sum + slot(i, i === 0), 0);
  const target = total / columns;
  const columnOf: number[] = [];
  const offset: number[] = [];
  const rows: number[] = [0];
  let c = 0;
  entries.forEach((entry, i) => {
    let s = slot(i, rows[c] === 0);
    const keepWithNext = entry.kind === 'heading' && i + 1 < entries.length ? 1 : 0;
    if (rows[c] > 0 && c < columns - 1 && rows[c] + s + keepWithNext > target + 0.5) {
      rows[++c] = 0;
      s = 1;
    }
    columnOf.push(c);
    offset.push(rows[c] + s - 1);
    rows[c] += s;
  });
  return { columnOf, offset, rows };
}

function placeLegend(entries: readonly LegendEntry[], top: number, bottom: number, right: number, measure: TextMeasure) {
  const { pad, row: fullRow, minRow } = LAYOUT;
  const available = Math.max(minRow, bottom - top - 2 * pad);
  let split = splitColumns(entries, 1);
  for (let columns = 2; Math.max(...split.rows) * minRow > available && columns <= entries.length; columns++) split = splitColumns(entries, columns);
  const { columnOf, offset, rows } = split;
  const row = Math.max(minRow, Math.min(fullRow, available / Math.max(...rows)));
  const fontSize = Math.min(14, row * 0.64);
  const headingSize = fontSize * 0.86;
  const textWidth = (e: LegendEntry) =>
    e.kind === 'heading' ? measure(e.label.toUpperCase(), { size: headingSize, weight: 700 }) : LAYOUT.swatch + measure(e.label, { size: fontSize, weight: 400 });
  const widths = rows.map((_r, c) => {
    const longest = Math.max(0, ...entries.filter((_e, i) => columnOf[i] === c).map(textWidth));
    return Math.min(LAYOUT.maxColumn, Math.max(LAYOUT.minColumn, longest + pad));
  });
  const width = pad + widths.reduce((a, b) => a + b, 0);
  const left = right - width;
  const entriesPlaced = entries.map((entry, i) => ({
    ...entry,
    x: left + pad + widths.slice(0, columnOf[i]).reduce((a, b) => a + b, 0),
    y: top + pad + (offset[i] + 0.5) * row,
  }));
  return { x: left, y: top, width, height: bottom - top, entries: entriesPlaced, row, fontSize, swatch: row / fullRow };
}

export function layoutExport(input: LayoutInput, measure: TextMeasure): ExportLayout {
  const unit = exportUnit(input.width, input.height);
  const width = input.width / unit;
  const height = input.height / unit;
  const { pad } = LAYOUT;
  const textWidth = width - 2 * pad;

  const titleText = input.title.trim();
  const titleLines = titleText ? wrapText(titleText, textWidth, (t) => measure(t, { size: LAYOUT.titleFont, weight: 700 })) : [];
  const titleHeight = titleLines.length ? titleLines.length * LAYOUT.titleLine + 18 : 0;

  let caption: ExportLayout['caption'] = null;
  if (input.caption) {
    const lines = input.captionLines.flatMap((line, i) =>
      wrapText(line, textWidth, (t) => measure(t, { size: LAYOUT.captionFont, weight: i === 0 ? 600 : 400 })).map((text) => ({ text, strong: i === 0 })),
    );
    const captionHeight = lines.length * LAYOUT.captionLine + pad;
    caption = { lines, top: height - captionHeight, lineHeight: LAYOUT.captionLine, fontSize: LAYOUT.captionFont, height: captionHeight };
  }
  const graphTop = titleHeight;
  const graphBottom = caption ? caption.top : height;
  const legend = input.legend && input.legend.length ? placeLegend(input.legend, graphTop, graphBottom, width, measure) : null;
  const graphWidth = Math.max(0, legend ? legend.x : width);
  return {
    unit,
    width,
    height,
    title: { lines: titleLines, top: 0, lineHeight: LAYOUT.titleLine, fontSize: LAYOUT.titleFont, height: titleHeight },
    graph: { x: 0, y: graphTop, width: graphWidth, height: Math.max(0, graphBottom - graphTop) },
    legend,
    caption,
  };
}
