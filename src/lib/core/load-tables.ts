/**
 * The three small tables of a graph-data folder, relation types, actors and
 * sources, read and checked row by row (the relations files have their own
 * reader, relation-reader.ts). Kept apart from load.ts, which plans the files
 * and puts the dataset together, so each table's rules read in one place.
 */
import { relativeLuminance } from './contrast';
import { attributesOf, type CsvColumns, type CsvRow } from './csv';
import { ACTOR_KINDS, DEFAULT_CODING, TEMPORAL_KINDS, type Actor, type ActorKind, type RelationType, type Source, type Temporal } from './model';
import { Checker, checkCellLengths, isDamaged, isUnknown, readTable, rejectBrokenRows, type IdTable, type LoadRun } from './load-checks';
import { type FileContent } from './text-decode';


export const TYPE_COLUMNS = ['id', 'label', 'color', 'directed', 'temporal', 'cameo', 'description'] as const;
export const ACTOR_COLUMNS = ['id', 'label', 'kind', 'affiliation', 'aliases'] as const;
export const SOURCE_COLUMNS = ['id', 'title', 'outlet', 'published', 'url'] as const;

/** Optional columns: after the required ones, in any order; absent means the default. */
export const TYPE_OPTIONAL_COLUMNS = ['plover'] as const;
export const SOURCE_OPTIONAL_COLUMNS = ['coding'] as const;

const TYPE_SPEC: CsvColumns = { required: TYPE_COLUMNS, optional: TYPE_OPTIONAL_COLUMNS };
const ACTOR_SPEC: CsvColumns = { required: ACTOR_COLUMNS };
const SOURCE_SPEC: CsvColumns = { required: SOURCE_COLUMNS, optional: SOURCE_OPTIONAL_COLUMNS, attributes: true };

/**
 * PLOVER event types: the 16 of the 2021 manual (used by POLECAT) and the older
 * ones still found in PLOVER-coded data (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT).
 */
export const PLOVER_EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
  'DEMAND', 'DISAPPROVE', 'INVESTIGATE', 'FIGHT',
] as const;

/** `EVENT` or `EVENT/mode`, the mode in lower case as the PLOVER tables write it (`CONSULT/visit`, `ASSAULT/heavy-weapons`). */
const PLOVER_CODE = /^([A-Z]+)(?:\/([a-z][a-z0-9_-]*))?$/;
const CODER_NAME = /^[a-z][a-z0-9_-]*$/;
const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TYPE_ID = /^[a-z][a-z0-9_]*$/;
/** A source id is also a file name (`relations/<id>.csv`), so: letters, digits, `_` and `-`. */
export const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** Relative luminance outside this range is near-black or near-white: invisible on a dark or a light background. */
export const MIN_COLOR_LUMINANCE = 0.01;
export const MAX_COLOR_LUMINANCE = 0.8;

/** graph-data files as text, by path relative to the graph-data folder, e.g. `relations/000_x.csv`. */

export function readTypes(file: string, content: FileContent, run: LoadRun, known: IdTable): RelationType[] {
  const { table, damaged } = readTable(file, content, TYPE_SPEC, run);
  const types: RelationType[] = [];
  if (!table) {
    known.complete = false;
    return types;
  }
  rejectBrokenRows(table, known);
  const check = new Checker(file, run);
  const firstLine = new Map<string, number>();
  for (const row of table.rows) {
    check.start(row);
    const { color, directed, temporal, cameo, description, plover = '' } = row.values;
    if (isDamaged(row, damaged)) {
      known.rejected.add(row.values.id);
      continue;
    }
    checkCellLengths(check, row, table.header);
    const id = check.id('id', TYPE_ID, 'must be lower-case snake_case, like request_aid');
    check.unique('id', id, firstLine);
    const label = check.required('label');
    if (!HEX_COLOR.test(color)) check.fail('color', 'load/bad-color', `"${color}" is not a #rrggbb colour`);
    else {
      const luminance = relativeLuminance(color);
      if (luminance < MIN_COLOR_LUMINANCE) check.fail('color', 'load/invisible-color', `${color} is black or near-black, which vanishes on a dark background; pick a colour from the palette`);
      else if (luminance > MAX_COLOR_LUMINANCE) check.fail('color', 'load/invisible-color', `${color} is white or near-white, which vanishes on a light background; pick a colour from the palette`);
    }
    if (directed !== 'true' && directed !== 'false') check.fail('directed', 'load/bad-value', `"${directed}" must be true or false`);
    if (!TEMPORAL_KINDS.includes(temporal as Temporal)) check.fail('temporal', 'load/bad-value', `"${temporal}" must be state or event`);
    if (cameo && !/^\d{2,4}$/.test(cameo)) check.fail('cameo', 'load/bad-cameo', `"${cameo}" is not a CAMEO code (2 to 4 digits)`);
    if (plover) {
      const match = PLOVER_CODE.exec(plover);
      if (!match) check.fail('plover', 'load/bad-plover', `"${plover}" is not a PLOVER code; write an event type in capitals, optionally with a mode: ACCUSE or CONSULT/visit`);
      else if (!(PLOVER_EVENT_TYPES as readonly string[]).includes(match[1])) {
        check.fail('plover', 'load/bad-plover', `"${match[1]}" is not a PLOVER event type; one of ${PLOVER_EVENT_TYPES.join(', ')}`);
      }
    }
    check.settle(id, known);
    if (check.valid) {
      types.push({ id, label, color: color.toLowerCase(), directed: directed === 'true', temporal: temporal as Temporal, cameo, description, plover });
    }
  }
  return types;
}

export function readActors(file: string, content: FileContent, run: LoadRun, known: IdTable): Actor[] {
  const { table, damaged } = readTable(file, content, ACTOR_SPEC, run);
  const actors: Actor[] = [];
  if (!table) {
    known.complete = false;
    return actors;
  }
  rejectBrokenRows(table, known);
  const check = new Checker(file, run);
  const firstLine = new Map<string, number>();
  const rows: Array<[Actor, CsvRow]> = [];
  for (const row of table.rows) {
    check.start(row);
    if (isDamaged(row, damaged)) {
      known.rejected.add(row.values.id);
      continue;
    }
    const { kind, affiliation, aliases } = row.values;
    checkCellLengths(check, row, table.header);
    const id = check.id('id', KEBAB_ID, 'must be a kebab-case English name, like nikol-pashinyan');
    check.unique('id', id, firstLine);
    const label = check.required('label');
    if (!ACTOR_KINDS.includes(kind as ActorKind)) check.fail('kind', 'load/bad-value', `"${kind}" must be one of ${ACTOR_KINDS.join(', ')}`);
    if (affiliation && affiliation === id) check.fail('affiliation', 'load/self-affiliation', 'an actor cannot be affiliated with itself');
    check.settle(id, known);
    if (!check.valid) continue;
    const actor: Actor = {
      id,
      label,
      kind: kind as ActorKind,
      affiliation: affiliation || null,
      aliases: aliases ? aliases.split('|').map((alias) => alias.trim()).filter(Boolean) : [],
    };
    actors.push(actor);
    rows.push([actor, row]);
  }
  const valid = new Set<Actor>(actors);
  for (const [actor, row] of rows) {
    if (actor.affiliation && isUnknown(known, actor.affiliation)) {
      check.start(row);
      check.fail('affiliation', 'load/unknown-actor', `unknown actor id "${actor.affiliation}"`);
      valid.delete(actor);
    }
  }
  for (const cycle of affiliationCycles(rows)) {
    const lines = cycle.map(([, row]) => row.line);
    const first = cycle.reduce((a, b) => (b[1].line < a[1].line ? b : a));
    check.start(first[1]);
    const path = [...cycle.map(([actor]) => actor.id), cycle[0][0].id].join(' → ');
    check.fail('affiliation', 'load/affiliation-cycle', `affiliation cycle ${path} (lines ${lines.join(', ')}); an actor cannot belong to itself through others`);
  }
  return actors.filter((actor) => valid.has(actor));
}

/** Every cycle in the affiliation graph, each once, starting at the actor found first. Iterative, so a long chain cannot overflow the stack. */
function affiliationCycles(rows: Array<[Actor, CsvRow]>): Array<Array<[Actor, CsvRow]>> {
  const byId = new Map(rows.map((entry) => [entry[0].id, entry]));
  const state = new Map<string, 'open' | 'done'>();
  const cycles: Array<Array<[Actor, CsvRow]>> = [];
  for (const [actor] of rows) {
    if (state.has(actor.id)) continue;
    const path: string[] = [];
    let id: string | null = actor.id;
    while (id !== null && !state.has(id) && byId.has(id)) {
      state.set(id, 'open');
      path.push(id);
      id = byId.get(id)![0].affiliation;
    }
    if (id !== null && state.get(id) === 'open') {
      const from = path.indexOf(id);
      cycles.push(path.slice(from).map((member) => byId.get(member)!));
    }
    for (const member of path) state.set(member, 'done');
  }
  return cycles;
}

export function readSources(file: string, content: FileContent, run: LoadRun, known: IdTable): { sources: Source[]; lines: Map<string, number> } {
  const { table, damaged } = readTable(file, content, SOURCE_SPEC, run);
  const sources: Source[] = [];
  const firstLine = new Map<string, number>();
  if (!table) {
    known.complete = false;
    return { sources, lines: firstLine };
  }
  rejectBrokenRows(table, known);
  const check = new Checker(file, run);
  for (const row of table.rows) {
    check.start(row);
    if (isDamaged(row, damaged)) {
      known.rejected.add(row.values.id);
      continue;
    }
    checkCellLengths(check, row, table.header);
    const id = check.id('id', SOURCE_ID, 'must be made of letters, digits, _ and - (it names the file relations/<id>.csv)');
    check.unique('id', id, firstLine);
    const title = check.required('title');
    if (check.required('published')) check.date('published');
    const { outlet, published, url, coding = '' } = row.values;
    if (url && (!/^https?:\/\/\S+$/i.test(url) || !URL.canParse(url))) check.fail('url', 'load/bad-url', `"${url}" must be an http(s) address`);
    if (coding && !CODER_NAME.test(coding)) check.fail('coding', 'load/bad-coding', `"${coding}" must be hand or the lower-case name of a machine coder, like gdelt or polecat`);
    check.settle(id, known);
    if (check.valid) {
      sources.push({ id, title, outlet, published, url, coding: coding || DEFAULT_CODING, attributes: attributesOf(table.header, row.values) });
    }
  }
  return { sources, lines: firstLine };
}

