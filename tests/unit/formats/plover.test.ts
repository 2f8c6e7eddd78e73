import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ploverJsonFormat } from '../../../src/lib/core/formats/plover-json';
import { polecatFormat } from '../../../src/lib/core/formats/polecat';
import { readVocabulary, typeForPlover } from '../../../src/lib/core/formats/vocabulary';
import { file, fixture, relations, rows, shared, vocabulary } from './helpers';

describe('PLOVER to types', () => {
  const vocab = readVocabulary(vocabulary);
  it('maps EVENT:mode first, then the bare event', () => {
    expect(typeForPlover(vocab, 'CONSULT', 'visit')?.id).toBe('visit');
    expect(typeForPlover(vocab, 'consult', 'VISIT')?.id).toBe('visit');
    expect(typeForPlover(vocab, 'CONSULT', 'host')?.id).toBe('consultation');
    expect(typeForPlover(vocab, 'CONSULT', 'phone')?.id).toBe('consultation');
    expect(typeForPlover(vocab, 'CONSULT')?.id).toBe('consultation');
    expect(typeForPlover(vocab, 'AID', 'humanitarian')?.id).toBe('aid');
    expect(typeForPlover(vocab, 'PROTEST')).toBeNull();
  });
});

describe('PLOVER to the bundled types (graph-data/relation-types.csv)', () => {
  const bundled = readVocabulary(readFileSync(resolve(__dirname, '../../../graph-data/relation-types.csv'), 'utf8'));
  it('maps each bare event to its general type, not to a narrower one listed earlier', () => {
    // the first bare entry wins, so the rows put commitment before aid_offer, support before agreement, meeting before mediation
    expect(typeForPlover(bundled, 'AGREE')?.id).toBe('commitment');
    expect(typeForPlover(bundled, 'SUPPORT')?.id).toBe('support');
    expect(typeForPlover(bundled, 'CONSULT')?.id).toBe('meeting');
    expect(typeForPlover(bundled, 'CONSULT', 'visit')?.id).toBe('visit');
    // peacekeeping is AID in its peacekeeping context only; plain AID is aid delivered
    expect(typeForPlover(bundled, 'AID')?.id).toBe('aid');
    expect(typeForPlover(bundled, 'AID', 'peacekeeping')?.id).toBe('peacekeeping');
  });
});

describe('plover-json format', () => {
  it('turns records into rows: pairs of compound actors sharing a statement, quotes checked against the sentences', () => {
    const result = ploverJsonFormat.convert([fixture('plover-sample.jsonl')], { vocabulary });
    expect(result.issues).toEqual([]);
    const rels = relations(result.files);
    expect(rels.map((r) => [r.subject, r.object, r.type, r.statement])).toEqual([
      ['armenian-prime-minister-nikol-pashinyan', 'russia', 'visit', 'T-1'],
      ['armenia', 'azerbaijan', 'agreement', 'T-2'],
      ['france', 'armenia', 'demand', 'T-4'],
      ['france', 'azerbaijan', 'demand', 'T-4'],
      ['united-states', 'armenia', 'demand', 'T-4'],
      ['united-states', 'azerbaijan', 'demand', 'T-4'],
    ]);
    expect(result.report.skipped).toEqual({ 'records with fewer than two actors': 1 });
    expect(result.report.createdTypes).toEqual(['demand']);
    expect(rows(result.files['relation-types.csv']).find((t) => t.id === 'demand')).toMatchObject({ plover: 'DEMAND', directed: 'true' });
    expect(rows(result.files['actors.csv']).find((a) => a.id === 'armenian-prime-minister-nikol-pashinyan')).toMatchObject({ kind: 'person', aliases: 'ARMGOV' });
    // Every quote is verbatim in its source text, at most 200 characters, and the long one keeps the event words.
    for (const r of rels) {
      expect(result.texts![r.source]).toContain(r.quote);
      expect(r.quote.length).toBeLessThanOrEqual(200);
    }
    expect(rels[1].quote).toMatch(/agreed to a ceasefire/);
    expect(rows(result.files['sources.csv']).map((s) => [s.title, s.coding])).toEqual([['Test Wire', 'hand'], ['Other Wire', 'hand']]);
    expect(rels[0]).toMatchObject({ attr_mode: 'visit', attr_context: 'diplomatic', note: 'visited' });
  });

  it('reports bad records with file, line and field and never throws', () => {
    const text = '{"id":"a","date":"2022-01-01","event":"HUG","source":[{"actorText":"A"}],"target":[{"actorText":"B"}]}\n{"id":"b","date":"soon","event":"AID"}\n{oops\n[1]\n{"id":"c","date":"2022","event":"AID","source":"A","target":[]}\n';
    const result = ploverJsonFormat.convert([file('bad.jsonl', text)], { vocabulary });
    expect(result.issues.map((i) => [i.line, i.column])).toEqual([[3, ''], [1, 'event'], [2, 'date'], [4, ''], [5, 'source']]);
    expect(result.issues.every((i) => i.file === 'bad.jsonl' && i.message.startsWith('entente/plover-json: '))).toBe(true);
    expect(ploverJsonFormat.convert([file('x.json', '[{"id": 1,')], { vocabulary }).issues[0].message).toMatch(/not valid JSON/);
  });

  it('brings the PLOVER gold-standard sentences through', (context) => {
    const input = shared('plover/plover-gsr-dev.json');
    if (!input) return context.skip('../shared/fixtures/plover/plover-gsr-dev.json is absent');
    expect(ploverJsonFormat.detect([input])).toBeGreaterThan(0.5);
    const result = ploverJsonFormat.convert([input], { vocabulary });
    expect(result.issues).toEqual([]);
    // 180 records: 1 documentation record, 6 with a single actor, 173 coded events.
    expect(result.report.skipped).toEqual({ 'documentation records': 1, 'records with fewer than two actors': 6 });
    const rels = relations(result.files);
    expect(new Set(rels.map((r) => r.statement)).size).toBe(173);
    expect(rels.length).toBeGreaterThan(173);
    for (const r of rels) expect(result.texts![r.source]).toContain(r.quote);
  });
});

describe('polecat format', () => {
  it('merges an event across stories, one source per story, rows sharing the event as statement', () => {
    const result = polecatFormat.convert([fixture('polecat-sample.tsv')], { vocabulary });
    expect(result.issues).toEqual([]);
    expect(result.report.skipped).toEqual({
      'rows repeating an event in another story (kept as a source)': 1,
      'rows repeating an event and story': 1,
      'rows without two actors': 1,
    });
    const sources = rows(result.files['sources.csv']);
    expect(sources.map((s) => [s.title, s.outlet, s.published, s.coding, s.url])).toEqual([
      ['Pashinyan visits Moscow', 'Reuters', '2022-09-15', 'polecat', ''],
      ['Putin hosts Pashinyan', 'TASS', '2022-09-14', 'polecat', ''],
      ['Shelling near Jermuk', 'Armenpress', '2022-09-13', 'polecat', ''],
      ['Ceasefire backed', 'AFP', '2022-09-16', 'polecat', ''],
    ]);
    const rels = relations(result.files);
    const byStatement = (id: string) => rels.filter((r) => r.statement === id).map((r) => [r.subject, r.object, r.type, r.quote]);
    expect(byStatement('polecat-E1001')).toEqual([
      ['nikol-pashinyan', 'vladimir-putin', 'visit', ''],
      ['nikol-pashinyan', 'vladimir-putin', 'visit', ''],
    ]);
    expect(byStatement('polecat-E1002')).toEqual([
      ['azerbaijan', 'armenia', 'conflict', ''],
      ['azerbaijan', 'artsakh', 'conflict', ''],
    ]);
    // AGREE maps to the undirected agreement type: pairs in alphabetical order.
    expect(byStatement('polecat-E1003')).toEqual([
      ['armenia', 'france', 'agreement', ''],
      ['armenia', 'united-states', 'agreement', ''],
    ]);
    expect(byStatement('polecat-E1005')).toEqual([['armenia', 'azerbaijan', 'threat', '']].map(([s, o, t, q]) => [o, s, t, q]));
    expect(rels.find((r) => r.statement === 'polecat-E1002')).toMatchObject({ attr_mode: 'heavy-weapons', attr_contexts: 'military; territory', attr_intensity: '-8', attr_quad_code: '4' });
    expect(rows(result.files['actors.csv']).find((a) => a.id === 'artsakh')).toMatchObject({ kind: 'group', aliases: 'ARM' });
    expect(result.report.notes[0]).toMatch(/^4 events in 7 rows; 1 events reported by several stories/);
  });

  it('detects POLECAT by its header and refuses missing columns, bad types and ragged rows', () => {
    expect(polecatFormat.detect([fixture('polecat-sample.tsv')])).toBeGreaterThan(0.8);
    expect(polecatFormat.detect([file('e.tsv', 'from\tto\n')])).toBe(0);
    expect(polecatFormat.convert([file('p.tsv', 'Event ID\tEvent Date\nx\ty\n')], { vocabulary }).issues).toEqual([
      { file: 'p.tsv', line: 1, column: 'header', code: 'polecat/missing-column', message: 'entente/polecat: missing columns Event Type, Actor Name, Recipient Name' },
    ]);
    const header = 'Event ID\tEvent Date\tEvent Type\tActor Name\tRecipient Name\n';
    const result = polecatFormat.convert([file('p.tsv', header + 'a\t2022-01-01\tHUG\tX\tY\nb\t2022-01-01\tAID\tX\nc\t01/02/2022\tAID\tX\tY\n')], { vocabulary });
    expect(result.issues.map((i) => [i.line, i.column])).toEqual([[2, 'Event Type'], [3, ''], [4, 'Event Date']]);
  });
});

describe('kinds of PLOVER mentions', () => {
  it('reads persons from titles, organisations from IGO/NGO codes and sectors, groups from rebel and civilian sectors', async () => {
    const { mentionKind } = await import('../../../src/lib/core/formats/plover');
    expect(mentionKind('Russian President Boris Yeltsin', 'GOV', 'RUS')).toBe('person');
    expect(mentionKind('United Nations', '', 'IGO')).toBe('organisation');
    expect(mentionKind('Jordan', '', 'JOR')).toBe('state');
    expect(mentionKind('Liberation Tigers of Tamil Eelam', 'REB', 'LKA')).toBe('group');
    expect(mentionKind('French warships', 'MIL', 'FRA')).toBe('organisation');
  });
});
