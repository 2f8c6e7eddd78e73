/**
 * Pure parts of the export: legend and caption composition, file names,
 * CSV escaping of exported relations, and the size check with its fallback.
 */
import { describe, expect, it } from 'vitest';
import { composeAnnotation, defaultExportFileName, type CaptionInput } from '../../src/lib/core/export-caption';
import { EXPORT_COLUMNS, relationsCsv, spreadsheetSafe } from '../../src/lib/core/export-data';
import { parseCsv, toCsv } from '../../src/lib/core/csv';
import { checkExportSize, type CanvasLimits } from '../../src/lib/core/export-size';
import { exportUnit, layoutExport, LAYOUT, wrapText, type LegendEntry, type TextMeasure } from '../../src/lib/core/export-layout';
import { KIND_STYLES } from '../../src/lib/core/kind-styles';
import { ACTOR_KINDS } from '../../src/lib/core/model';
import type { ActorKind, Relation, RelationType, Source } from '../../src/lib/core/model';

const type = (id: string, label: string, color: string, directed = true): RelationType => ({
  id, label, color, directed, temporal: 'event', cameo: '', description: '',
});
const TYPES = [
  type('alliance', 'Alliance', '#0072b2', false),
  type('membership', 'Membership', '#33bbee'),
  type('accusation', 'Accusation', '#e69f00'),
  type('mediation', 'Mediation', '#009e73'),
];
const source = (id: string, outlet: string): Source => ({ id, title: id, outlet, published: '2022-03-01', url: `https://example.org/${id}` });

function input(overrides: Partial<CaptionInput> = {}): CaptionInput {
  return {
    title: 'Relations, 2022-01-01 to 2022-12-31',
    from: '2022-01-01',
    to: '2022-12-31',
    types: TYPES,
    visibleByType: new Map([['alliance', 0], ['membership', 3], ['mediation', 2]]),
    visibleKinds: new Set<ActorKind>(['region', 'state', 'organisation']),
    sources: [source('s1', 'Reuters'), source('s2', 'Al Jazeera'), source('s3', 'Reuters'), source('s4', '')],
    visibleCount: 5,
    ...overrides,
  };
}

describe('composeAnnotation', () => {
  it('lists only the types with visible relations, in legend order, with colour and direction', () => {
    const annotation = composeAnnotation(input());
    expect(annotation.title).toBe('Relations, 2022-01-01 to 2022-12-31');
    expect(annotation.types).toEqual([
      { label: 'Membership', color: '#33bbee', directed: true },
      { label: 'Mediation', color: '#009e73', directed: true },
    ]);
  });

  it('lists the visible kinds in ACTOR_KINDS, whatever order they were given in', () => {
    const annotation = composeAnnotation(input());
    const expected = ACTOR_KINDS.filter((k) => ['region', 'state', 'organisation'].includes(k));
    expect(annotation.kinds.map((k) => k.label)).toEqual(expected.map((k) => KIND_STYLES[k].label));
    expect(annotation.kinds.map((k) => k.label)).toEqual(['State', 'Organisation', 'Region']);
    expect(annotation.kinds[0].style).toEqual(KIND_STYLES.state);
    expect(composeAnnotation(input({ visibleKinds: new Set() })).kinds).toEqual([]);
  });

  it('captions the window, the active types, the counts and the sorted distinct outlets', () => {
    const [window, counts, outlets] = composeAnnotation(input()).captionLines;
    expect(window).toContain('2022-01-01 to 2022-12-31');
    expect(window).toContain('Membership, Mediation');
    expect(window).not.toContain('Alliance');
    expect(window).not.toContain('Accusation');
    expect(counts).toBe('5 relations from 4 sources');
    expect(outlets).toBe('Sources: Al Jazeera; outlet not identified; Reuters');
  });

  it('counts statements and says when standing relations are carried forward, only when asked to', () => {
    expect(composeAnnotation(input()).captionLines).toHaveLength(3);
    const lines = composeAnnotation(input({ statementCount: 3, carryForward: true })).captionLines;
    expect(lines[1]).toBe('5 relations (3 statements) from 4 sources');
    expect(lines[3]).toBe('Standing relations carried forward to today, beyond what their sources attest');
  });

  it('says "All N relation types" when every type is visible', () => {
    const all = new Map(TYPES.map((t) => [t.id, 1]));
    const [window] = composeAnnotation(input({ visibleByType: all })).captionLines;
    expect(window).toBe('2022-01-01 to 2022-12-31 · All 4 relation types');
  });

  it('uses the singular for one relation and one source, and says when there are none', () => {
    const one = composeAnnotation(input({ visibleByType: new Map([['accusation', 1]]), sources: [source('s1', 'BBC')], visibleCount: 1 }));
    expect(one.types.map((t) => t.label)).toEqual(['Accusation']);
    expect(one.captionLines).toEqual(['2022-01-01 to 2022-12-31 · Accusation', '1 relation from 1 source', 'Sources: BBC']);
    const none = composeAnnotation(input({ visibleByType: new Map(), sources: [], visibleCount: 0 }));
    expect(none.types).toEqual([]);
    expect(none.captionLines[1]).toBe('0 relations from 0 sources');
    expect(none.captionLines[2]).toBe('Sources: none');
  });
});

describe('defaultExportFileName', () => {
  it('names the file after the dataset and the window', () => {
    expect(defaultExportFileName('entente', '2022-01-01', '2022-12-31', 'png')).toBe('entente_2022-01-01_2022-12-31.png');
    expect(defaultExportFileName('entente', '1991-12-08', '2024-06-30', 'gexf')).toMatch(/^entente_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.gexf$/);
  });
});

describe('CSV export escaping', () => {
  const relation = (quote: string, note: string): Relation => ({
    id: 's1:2', source: 's1', line: 2, subject: 'georgia', object: 'russia', type: 'accusation', date: '2008-08-08', endDate: '', quote, note,
  });
  const tricky = [
    relation('He said "no, never", then left.', 'first line\nsecond line'),
    relation('a, b, c', 'quote "only"'),
    relation('plain', ''),
  ];
  const sources = new Map([['s1', source('s1', 'Outlet, with comma')]]);

  it('toCsv quotes only the cells that need it and doubles quote marks', () => {
    const text = toCsv(['a', 'b'], [{ a: 'say "hi", then go', b: 'plain' }, { a: 'x\ny', b: 3 }]);
    expect(text).toBe('a,b\r\n"say ""hi"", then go",plain\r\n"x\ny",3\r\n');
  });

  it('spreadsheetSafe defuses cells a spreadsheet would run as formulas, and nothing else', () => {
    expect(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'].map(spreadsheetSafe)).toEqual(
      ["'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx"],
    );
    expect(['a = b', 'Armenia', '', '2022-01-01', "'quoted"].map(spreadsheetSafe)).toEqual(['a = b', 'Armenia', '', '2022-01-01', "'quoted"]);
  });

  it('relationsCsv applies spreadsheetSafe to every cell it writes', () => {
    const hostile = { ...tricky[0], quote: '=cmd|" /C calc"!A0', note: '@note' };
    const [row] = parseCsv('export.csv', relationsCsv([hostile], sources), EXPORT_COLUMNS).rows.map((r) => r.values);
    expect(row.quote).toBe(`'=cmd|" /C calc"!A0`);
    expect(row.note).toBe("'@note");
  });

  it('relationsCsv writes the export header and round-trips through parseCsv', () => {
    const text = relationsCsv(tricky, sources);
    expect(text.split('\r\n')[0]).toBe('subject,object,type,date,end_date,quote,note,source,outlet,published');
    expect(EXPORT_COLUMNS.join(',')).toBe('subject,object,type,date,end_date,quote,note,source,outlet,published');
    expect(text).toContain('"He said ""no, never"", then left."');
    expect(text).toContain('"first line\nsecond line"');
    expect(text).toContain('"quote ""only"""');
    expect(text).toContain('"Outlet, with comma"');
    const { rows, issues } = parseCsv('export.csv', text, EXPORT_COLUMNS);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.values.quote, r.values.note, r.values.outlet])).toEqual(
      tricky.map((r) => [r.quote, r.note, 'Outlet, with comma']),
    );
    expect(rows[0].values).toMatchObject({ subject: 'georgia', object: 'russia', type: 'accusation', date: '2008-08-08', end_date: '', source: 's1', published: '2022-03-01' });
  });
});

describe('checkExportSize', () => {
  const limits: CanvasLimits = { maxDimension: 16_384, maxArea: 268_435_456 };
  const fits = ({ width, height }: { width: number; height: number }, scale: number) =>
    width * scale <= limits.maxDimension && height * scale <= limits.maxDimension && width * scale * height * scale <= limits.maxArea;

  it('accepts sizes within both limits', () => {
    expect(checkExportSize(1920, 1080, 1, limits)).toEqual({ ok: true });
    expect(checkExportSize(3840, 2160, 4, limits)).toEqual({ ok: true });
    expect(checkExportSize(16_384, 16_384, 1, limits)).toEqual({ ok: true });
  });

  it('rejects non-integer or tiny sizes', () => {
    expect(checkExportSize(15, 500, 1, limits).ok).toBe(false);
    expect(checkExportSize(800.5, 500, 1, limits).ok).toBe(false);
  });

  it.each([
    [20_000, 20_000, 4],
    [20_000, 1_000, 1],
    [8_000, 4_500, 4],
    [16_000, 16_000, 2],
  ])('rejects %i × %i at %i× and offers a largest size that fits and keeps the proportions', (width, height, scale) => {
    const check = checkExportSize(width, height, scale, limits);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toContain('largest size');
    expect(check.message).toContain(`${check.largest.width} × ${check.largest.height}`);
    expect(fits(check.largest, scale)).toBe(true);
    expect(checkExportSize(check.largest.width, check.largest.height, scale, limits)).toEqual({ ok: true });
    expect(Math.abs(check.largest.width / check.largest.height - width / height) / (width / height)).toBeLessThan(0.01 + 1 / check.largest.height);
    // The largest, not merely some size: one pixel more on both sides no longer fits.
    expect(fits({ width: check.largest.width + 1, height: check.largest.height + 1 }, scale)).toBe(false);
  });

  it('never offers a size below the 16 px minimum (a very wide custom banner)', () => {
    // 40000 × 100 at 4×: keeping the proportions within 16384 px gives 10 px of height, which the check itself refuses.
    const check = checkExportSize(40_000, 100, 4, limits);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Math.min(check.largest.width, check.largest.height)).toBeGreaterThanOrEqual(16);
    expect(checkExportSize(check.largest.width, check.largest.height, 4, limits)).toEqual({ ok: true });
  });
});

describe('composeAnnotation: the caption follows the filter', () => {
  const ids = TYPES.map((t) => t.id);
  it('says "All N relation types" when the filter shows every type, even if some have nothing in the window', () => {
    const [window] = composeAnnotation(input({ shownTypeIds: ids })).captionLines;
    expect(window).toBe('2022-01-01 to 2022-12-31 · All 4 relation types');
  });

  it('names what is left out when most types are shown, and what is in when few are', () => {
    expect(composeAnnotation(input({ shownTypeIds: ['alliance', 'membership', 'mediation'] })).captionLines[0]).toBe(
      '2022-01-01 to 2022-12-31 · All relation types except Accusation',
    );
    expect(composeAnnotation(input({ shownTypeIds: ['mediation', 'membership'] })).captionLines[0]).toBe('2022-01-01 to 2022-12-31 · Membership, Mediation');
    expect(composeAnnotation(input({ shownTypeIds: [] })).captionLines[0]).toBe('2022-01-01 to 2022-12-31 · No relation types');
  });
});

/** A stand-in for canvas text measurement: every character 0.55 em wide. */
const measure: TextMeasure = (text, { size }) => text.length * size * 0.55;
const seventeenTypes: LegendEntry[] = [
  { kind: 'heading', label: 'Actors' },
  ...['State', 'Person', 'Organisation', 'Region', 'Group'].map((label) => ({ kind: 'actor' as const, label })),
  { kind: 'heading', label: 'Relations' },
  ...Array.from({ length: 17 }, (_, i) => ({ kind: 'type' as const, label: i === 3 ? 'Mediation or ceasefire call' : `Type ${i}` })),
];
const CAPTION = [
  '1990-01-01 to 2023-01-05 · All relation types except Alliance, Membership, Observer status, Leadership, Office, Territorial status',
  '166 relations from 5 sources',
  'Sources: MassisPost; RT; Teller Report; The Armenian Mirror-Spectator (from Azatutyun, RFE/RL Armenian Service); Unknown',
];
const layout = (width: number, height: number, legend: LegendEntry[] | null = seventeenTypes) =>
  layoutExport({ width, height, title: 'Relations, 1990-01-01 to 2023-01-05', captionLines: CAPTION, legend, caption: true }, measure);

describe('export layout', () => {
  it('the unit is min(W, H) / 1080, never below 1 nor above 4', () => {
    expect(exportUnit(800, 500)).toBe(1);
    expect(exportUnit(1920, 1080)).toBe(1);
    expect(exportUnit(3840, 2160)).toBe(2);
    expect(exportUnit(1080, 1920)).toBe(1);
    expect(exportUnit(2400, 1620)).toBe(1.5);
    expect(exportUnit(20000, 20000)).toBe(4);
  });

  it('3840 × 2160 is the 1920 × 1080 composition at twice the size', () => {
    const small = layout(1920, 1080);
    const large = layout(3840, 2160);
    expect(large.unit).toBe(2);
    expect({ ...large, unit: 1 }).toEqual(small);
  });

  it('wraps text at word boundaries within the width, keeping every word', () => {
    const lines = wrapText('one two three four five', 10, (t) => t.length);
    expect(lines).toEqual(['one two', 'three four', 'five']);
    expect(wrapText('unbreakable-word', 5, (t) => t.length)).toEqual(['unbreakable-word']);
  });

  it('at 800 × 500 no caption or title line is wider than the picture; the first caption line wraps, keeping its words', () => {
    const { caption, title, width } = layout(800, 500);
    for (const line of caption!.lines) expect(measure(line.text, { size: LAYOUT.captionFont, weight: 400 })).toBeLessThanOrEqual(width - 2 * LAYOUT.pad);
    for (const line of title.lines) expect(measure(line, { size: LAYOUT.titleFont, weight: 700 })).toBeLessThanOrEqual(width - 2 * LAYOUT.pad);
    const first = caption!.lines.filter((l) => l.strong);
    expect(first.length).toBeGreaterThan(1);
    expect(first.map((l) => l.text).join(' ')).toBe(CAPTION[0]);
    expect(caption!.top + caption!.height).toBeCloseTo(500);
  });

  it('keeps the graph beside the legend and between title and caption, with nothing overlapping', () => {
    for (const [w, h] of [[800, 500], [1920, 1080], [1200, 800], [1000, 1600]]) {
      const { graph, legend, caption, title, width } = layout(w, h);
      expect(graph.x + graph.width).toBeLessThanOrEqual(legend!.x);
      expect(legend!.x + legend!.width).toBeCloseTo(width);
      expect(graph.y).toBe(title.height);
      expect(graph.y + graph.height).toBeLessThanOrEqual(caption!.top);
      expect(legend!.y + legend!.height).toBeLessThanOrEqual(caption!.top);
      expect(graph.width).toBeGreaterThan(200);
    }
  });

  it('legend rows stay at least 18 units high: a short picture gets more columns, each as wide as its labels', () => {
    const tall = layout(1920, 1080).legend!;
    const short = layout(800, 500).legend!;
    expect(tall.row).toBe(LAYOUT.row);
    const columns = (l: typeof tall) => new Set(l.entries.map((e) => e.x)).size;
    expect(columns(tall)).toBe(1);
    expect(columns(short)).toBeGreaterThan(1);
    expect(short.row).toBeGreaterThanOrEqual(LAYOUT.minRow);
    expect(short.fontSize).toBeGreaterThanOrEqual(11.5);
    for (const l of [tall, short]) {
      // Every entry inside the legend box, every label inside its column.
      for (const e of l.entries) {
        expect(e.y - l.row / 2).toBeGreaterThanOrEqual(l.y);
        expect(e.y + l.row / 2).toBeLessThanOrEqual(l.y + l.height);
        expect(e.x).toBeGreaterThanOrEqual(l.x);
        const text = (e.kind === 'heading' ? 0 : LAYOUT.swatch) + measure(e.label, { size: l.fontSize, weight: 400 });
        const next = Math.min(l.x + l.width, ...l.entries.map((o) => o.x).filter((x) => x > e.x));
        expect(e.x + text).toBeLessThanOrEqual(next);
      }
      // No two entries share a row in a column.
      const spots = l.entries.map((e) => `${e.x}:${Math.round(e.y)}`);
      expect(new Set(spots).size).toBe(spots.length);
    }
    // A heading never ends a column.
    const byColumn = new Map<number, LegendEntry[]>();
    for (const e of short.entries) byColumn.set(e.x, [...(byColumn.get(e.x) ?? []), e]);
    for (const column of byColumn.values()) expect(column.at(-1)!.kind).not.toBe('heading');
  });

  it('without a legend the graph takes the full width', () => {
    const { graph, legend, width } = layout(800, 500, null);
    expect(legend).toBeNull();
    expect(graph.width).toBe(width);
  });
});
