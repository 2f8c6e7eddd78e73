/**
 * The bundled graph-data as a reader meets it: a palette that stays legible on
 * white and for colour-blind readers, a PLOVER column that agrees with the
 * official CAMEO → PLOVER table, standing relations that end where their
 * sources end, and a pre-change graph-data folder that still loads unchanged.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../../src/lib/core/load';
import { summarizeDataset } from '../../src/lib/core/summary';
import { buildRelationIndex } from '../../src/lib/core/relation-index';
import { filterRelations, typeMaskOf } from '../../src/lib/core/filter';
import { parsePartialDate, todayDayNumber } from '../../src/lib/core/dates';
import { contrastRatio } from '../../src/lib/core/contrast';
import { colourDistance, type Vision } from '../../src/lib/core/colour-vision';
import { readGraphDataFolder } from '../../scripts/read-graph-data';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const loaded = loadDataset(readGraphDataFolder(here('../../graph-data')));
if (!loaded.ok) throw new Error(`graph-data does not load: ${loaded.issues.length} issues`);
const dataset = loaded.dataset;

/** Smallest CIE76 ΔE*ab any two relation types may have, for each kind of vision tested. */
const MIN_DISTANCE = 10;
const VISIONS: Vision[] = ['normal', 'deuteranopia', 'protanopia'];

describe('the relation-type palette', () => {
  it('gives every type at least 3:1 contrast on white, so thin edges stay visible', () => {
    const weak = dataset.types.filter((t) => contrastRatio(t.color, '#ffffff') < 3).map((t) => `${t.id} ${t.color} ${contrastRatio(t.color, '#ffffff').toFixed(2)}:1`);
    expect(weak).toEqual([]);
  });

  it.each(VISIONS)('keeps every two types at least ΔE %s apart', (vision) => {
    const close: string[] = [];
    for (const [i, a] of dataset.types.entries()) {
      for (const b of dataset.types.slice(i + 1)) {
        const d = colourDistance(a.color, b.color, vision);
        if (d < MIN_DISTANCE) close.push(`${a.id}/${b.id} ${d.toFixed(1)}`);
      }
    }
    expect(close).toEqual([]);
  });

  it('the simulation is the documented one: Machado 2009 turns red and green into near neighbours for deuteranopes', () => {
    expect(colourDistance('#d55e00', '#117733')).toBeGreaterThan(60);
    expect(colourDistance('#ff0000', '#00aa00', 'deuteranopia')).toBeLessThan(colourDistance('#ff0000', '#00aa00') / 3);
    expect(colourDistance('#0072b2', '#0072b2', 'deuteranopia')).toBe(0);
  });
});

const PLOVER_TABLE = here('../../../shared/fixtures/plover/CAMEO2PLOVER-2021.txt');

describe.skipIf(!existsSync(PLOVER_TABLE))('the plover column', () => {
  // `0232: REQUEST, assist, military # ...`: code, event type, mode, context.
  const table = new Map<string, { event: string; mode: string }>();
  if (existsSync(PLOVER_TABLE)) {
    for (const line of readFileSync(PLOVER_TABLE, 'utf8').split('\n')) {
      const match = /^(\d{2,4}):\s*([A-Z]+)\s*,\s*([^,#]*)/.exec(line);
      if (match && !table.has(match[1])) table.set(match[1], { event: match[2], mode: match[3].trim() });
    }
  }

  it('is filled for every event type whose CAMEO code the official table maps', () => {
    const missing = dataset.types.filter((t) => t.cameo && table.has(t.cameo.padEnd(3, '0')) && !t.plover).map((t) => t.id);
    expect(missing).toEqual([]);
  });

  it('names the event type the official table gives for the CAMEO code, or for its family where the code is an appeal (02x) the table leaves out', () => {
    // CAMEO appeals (02x) have no PLOVER row; their demand form (10x) does: 0232 → 1032, 0256 → 1056.
    const demandFormOf = (cameo: string) => (cameo.startsWith('02') ? `10${cameo.slice(2)}` : cameo.length === 2 ? `${cameo}0` : cameo);
    const disagreeing = dataset.types
      .filter((t) => t.cameo && t.plover)
      .filter((t) => {
        const row = table.get(t.cameo) ?? table.get(demandFormOf(t.cameo));
        return !row || row.event !== t.plover!.split('/')[0];
      })
      .map((t) => `${t.id} ${t.cameo} ${t.plover}`);
    expect(table.size).toBeGreaterThan(200);
    expect(disagreeing).toEqual([]);
  });

  it('says why the few types without a PLOVER code have none', () => {
    const unmapped = dataset.types.filter((t) => t.temporal === 'event' && !t.plover);
    expect(unmapped.map((t) => t.id)).toEqual(['denial']);
    expect(unmapped[0].description).toMatch(/PLOVER has no category/);
  });
});

describe('standing relations in the bundled data', () => {
  const index = buildRelationIndex(dataset, todayDayNumber());
  const published = new Map(dataset.sources.map((s) => [s.id, parsePartialDate(s.published)!.end]));

  it('end no later than their source, unless the row gives an end date', () => {
    const beyond = dataset.relations.filter((r, i) => {
      const own = parsePartialDate(r.endDate || r.date)!.end;
      return index.ends[i] > Math.max(own, published.get(r.source)!);
    });
    expect(beyond.map((r) => r.id)).toEqual([]);
  });

  it('show no office or leadership of 2021–2022 ministers and office holders in 2025 unless carried forward', () => {
    const from = parsePartialDate('2025-01-01')!.start;
    const to = parsePartialDate('2025-12-31')!.end;
    const typeMask = typeMaskOf(index, ['office', 'leadership', 'peacekeeping', 'membership']);
    expect(filterRelations(index, { from, to, typeMask }).visibleCount).toBe(0);
    const carried = filterRelations(index, { from, to, typeMask, carryForward: true });
    const names = dataset.relations.filter((_, i) => carried.visible[i]).map((r) => r.subject);
    expect(names).toEqual(expect.arrayContaining(['ara-ayvazian', 'vagharshak-harutiunyan', 'sergei-shoigu', 'russian-peacekeepers']));
    // Zas's term has an end date, so it stays ended even when the rest is carried forward.
    expect(names).not.toContain('stanislav-zas');
  });

  it('every actor takes part in at least one relation', () => {
    const used = new Set(dataset.relations.flatMap((r) => [r.subject, r.object]));
    expect(dataset.actors.filter((a) => !used.has(a.id)).map((a) => a.id)).toEqual([]);
  });
});

describe('a graph-data folder from before the optional columns (commit 3a11e37)', () => {
  const old = loadDataset(readGraphDataFolder(here('./fixtures/graph-data-3a11e37')));

  it('loads unchanged, with the same counts as then', () => {
    expect(old.issues).toEqual([]);
    const summary = summarizeDataset(old.dataset!);
    expect([summary.actorCount, summary.relationCount, summary.sourceCount, summary.typeCount]).toEqual([43, 166, 5, 17]);
    expect(Object.fromEntries(summary.relationsPerType)).toEqual({
      alliance: 6, membership: 24, observer: 2, leadership: 19, office: 7, territory: 9, peacekeeping: 2, conflict: 11, blockade: 1,
      accusation: 18, demand: 4, rejection: 15, revocation: 1, request_aid: 8, mediation: 22, support: 10, meeting: 7,
    });
    expect(summary.relationsPerSource.map(([, n]) => n)).toEqual([33, 32, 20, 38, 43]);
    // Without statement ids every row is its own statement; without modalities every row is asserted.
    expect(summary.statementCount).toBe(166);
    expect(Object.fromEntries(summary.relationsPerModality)).toEqual({ asserted: 166, conditional: 0, denied: 0, reported: 0 });
    expect(old.dataset!.types.every((t) => !t.plover)).toBe(true);
  });

  it('filters like any dataset: every row visible over its whole extent', () => {
    const index = buildRelationIndex(old.dataset!, todayDayNumber());
    const all = filterRelations(index, { from: index.extent.start, to: index.extent.end, typeMask: typeMaskOf(index, index.typeIds) });
    expect([all.visibleCount, all.visibleStatementCount]).toEqual([166, 166]);
  });

  it('still refuses an unknown, undeclared column, so typos are caught', () => {
    const files = { ...readGraphDataFolder(here('./fixtures/graph-data-3a11e37')) };
    const file = 'relations/000_2d90fbca27b7d5df.csv';
    const content = files[file];
    files[file] = (typeof content === 'string' ? content : new TextDecoder().decode(content)).replace('subject,object,type,date,end_date,quote,note', 'subject,object,type,date,end_date,quote,note,modalty');
    const result = loadDataset(files);
    expect(result.ok).toBe(false);
    expect(result.issues.some((i) => i.file === file && /modalty/.test(i.message))).toBe(true);
  });
});
