/**
 * Collects what a format found (types, actors, sources, relations) and writes it as
 * graph-data files, the one input the core loader validates. Formats never build a
 * Dataset themselves, so the app, the CLI and every format share one validation path.
 *
 * Optional columns are written only when some row uses them: `statement`, `modality`
 * and `attr_*` (relations), `coding` and `attr_*` (sources).
 */
import { toCsv } from '../csv';
import { ACTOR_KINDS, type DataIssue } from '../model';
import type { ConvertReport, ConvertResult, FormatId } from './types';
import type { NewType, RelationFields, SourceFields } from './builder-fields';
export { CODING, attrColumn, progressTicker, refused, type NewType, type RelationFields, type SourceFields } from './builder-fields';
import { hash16, kebabId, snakeId } from './text';
import type { Vocabulary, VocabularyType } from './vocabulary';

/** Mid-tone colours (Paul Tol's bright and muted schemes) for created types: none near black or white. */
const PALETTE = [
  '#4477aa', '#ee6677', '#228833', '#ccbb44', '#66ccee', '#aa3377', '#332288', '#117733',
  '#44aa99', '#999933', '#882255', '#cc6677', '#ee7733', '#0077bb', '#009988', '#cc3311',
];

/** Ids and cells stay within the loader's limits (100-character ids, 10,000-character cells). */
const MAX_ID_CHARS = 60;
const MAX_CELL_CHARS = 10_000;

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 cell, quoted only when it must be (as toCsv writes them). */
function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function clipId(id: string, separator: string): string {
  if (id.length <= MAX_ID_CHARS) return id;
  const cut = id.slice(0, MAX_ID_CHARS);
  const at = cut.lastIndexOf(separator);
  return at > MAX_ID_CHARS / 2 ? cut.slice(0, at) : cut.replace(new RegExp(`\\${separator}+$`), '');
}

export class GraphDataBuilder {
  readonly issues: DataIssue[] = [];
  readonly report: ConvertReport;
  private usedTypes = new Map<string, Record<string, string>>();
  private createdByLabel = new Map<string, string>();
  private typeByName = new Map<string, string>();
  private actors = new Map<string, { id: string; label: string; kind: string; aliases: string }>();
  private actorIds = new Set<string>();
  private sources = new Map<string, { id: string; fields: SourceFields }>();
  private sourceIds = new Set<string>();
  private relations = new Map<string, RelationFields[]>();
  private rowKeys = new Map<string, Set<string>>();
  private colorIndex = 0;
  relationCount = 0;

  constructor(
    readonly format: FormatId,
    readonly vocabulary: Vocabulary,
  ) {
    this.report = { format, skipped: {}, createdActors: [], createdTypes: [], notes: [] };
  }

  /** An input problem, module-prefixed like graphology's errors. */
  issue(file: string, line: number, column: string, message: string, code = 'bad-input'): void {
    this.issues.push({ file, line, column, code: `${this.format}/${code}`, message: `entente/${this.format}: ${message}` });
  }

  skip(reason: string, n = 1): void {
    this.report.skipped[reason] = (this.report.skipped[reason] ?? 0) + n;
  }

  note(text: string): void {
    if (!this.report.notes.includes(text)) this.report.notes.push(text);
  }

  /** The actor for an external key (a node id, a CAMEO actor code, a label); created on first sight. */
  actor(key: string, label: string, kind: string, aliases: string[] = []): string {
    const known = this.actors.get(key);
    if (known) return known.id;
    const base = clipId(kebabId(label) || kebabId(key) || 'actor', '-');
    let id = base;
    for (let n = 2; this.actorIds.has(id); n++) id = `${base}-${n}`;
    this.actorIds.add(id);
    const safeKind = (ACTOR_KINDS as readonly string[]).includes(kind) ? kind : 'group';
    const cleanAliases = aliases.map((a) => a.replace(/\|/g, '/').trim()).filter((a) => a && a !== label);
    this.actors.set(key, { id, label: label.trim() || key, kind: safeKind, aliases: [...new Set(cleanAliases)].join('|') });
    this.report.createdActors.push(id);
    return id;
  }

  /** The id of an actor already seen, without creating one. */
  actorId(key: string): string | undefined {
    return this.actors.get(key)?.id;
  }

  /** The id of a source already seen, without creating one. */
  sourceId(key: string): string | undefined {
    return this.sources.get(key)?.id;
  }

  /** Marks a vocabulary type as used, so that it is written with the dataset. */
  useType(type: VocabularyType): string {
    if (!this.usedTypes.has(type.id)) this.usedTypes.set(type.id, type.row);
    return type.id;
  }

  isDirected(typeId: string): boolean {
    return this.usedTypes.get(typeId)?.directed === 'true';
  }

  /** A type by name: a vocabulary type whose id or label matches, else a created one. */
  typeNamed(name: string, defaults: Omit<NewType, 'label'>): string {
    const cached = this.typeByName.get(name);
    if (cached) return cached;
    const known = this.vocabulary.byName.get(name.trim().toLowerCase()) ?? this.vocabulary.byId.get(snakeId(name));
    const id = known ? this.useType(known) : this.createType({ ...defaults, label: name.trim() });
    this.typeByName.set(name, id);
    return id;
  }

  /** A type for a code the vocabulary does not map: its namesake in the vocabulary (PLOVER DEMAND -> demand) when there is one, else created. */
  typeForUnmapped(type: NewType): string {
    const known = this.vocabulary.byName.get(type.label.toLowerCase()) ?? this.vocabulary.byId.get(snakeId(type.label));
    return known ? this.useType(known) : this.createType(type);
  }

  createType(type: NewType): string {
    const existing = this.createdByLabel.get(type.label.toLowerCase());
    if (existing) return existing;
    const base = clipId(snakeId(type.label) || 'related_to', '_');
    let id = base;
    for (let n = 2; this.vocabulary.byId.has(id) || this.usedTypes.has(id); n++) id = `${base}_${n}`;
    const row: Record<string, string> = {};
    for (const column of this.vocabulary.columns) row[column] = '';
    Object.assign(row, {
      id,
      label: type.label,
      color: this.nextColor(),
      directed: String(type.directed),
      temporal: type.temporal,
      cameo: type.cameo ?? '',
      description: type.description ?? `Created by the ${this.format} import.`,
    });
    if ('plover' in row) row.plover = type.plover ?? '';
    this.usedTypes.set(id, row);
    this.createdByLabel.set(type.label.toLowerCase(), id);
    this.report.createdTypes.push(id);
    return id;
  }

  private nextColor(): string {
    for (let i = 0; i < PALETTE.length; i++) {
      const color = PALETTE[(this.colorIndex + i) % PALETTE.length];
      if (!this.vocabulary.colors.has(color)) {
        this.colorIndex += i + 1;
        return color;
      }
    }
    return PALETTE[this.colorIndex++ % PALETTE.length];
  }

  /** The source for an external key (a URL, a story id); ids look like the bundled ones: `<prefix>_<16 hex>`. */
  source(key: string, fields: SourceFields, prefix: string = this.format.replace(/-/g, '_')): string {
    const known = this.sources.get(key);
    if (known) return known.id;
    const base = `${prefix}_${hash16(key)}`;
    let id = base;
    for (let n = 2; this.sourceIds.has(id); n++) id = `${base}_${n}`;
    this.sourceIds.add(id);
    this.sources.set(key, { id, fields });
    return id;
  }

  sourceFields(key: string): SourceFields | undefined {
    return this.sources.get(key)?.fields;
  }

  /**
   * Adds a relation row; undirected types list their pair alphabetically, as graph-data
   * requires. A row identical to one already in its source is merged and counted, since
   * graph-data codes a relation once.
   */
  relation(sourceId: string, relation: RelationFields): void {
    if (!this.isDirected(relation.type) && relation.object < relation.subject) {
      relation = { ...relation, subject: relation.object, object: relation.subject };
    }
    if (relation.note && relation.note.length > MAX_CELL_CHARS) relation = { ...relation, note: relation.note.slice(0, MAX_CELL_CHARS - 1) + '…' };
    let rows = this.relations.get(sourceId);
    if (!rows) this.relations.set(sourceId, (rows = []));
    let keys = this.rowKeys.get(sourceId);
    if (!keys) this.rowKeys.set(sourceId, (keys = new Set()));
    let key = `${relation.subject}\u0000${relation.object}\u0000${relation.type}\u0000${relation.date}\u0000${relation.endDate}\u0000${relation.quote}\u0000${relation.note}\u0000${relation.statement}\u0000${relation.modality}`;
    if (relation.attrs) for (const name in relation.attrs) key += `\u0000${name}=${relation.attrs[name]}`;
    if (keys.has(key)) {
      this.skip('identical rows merged');
      return;
    }
    keys.add(key);
    rows.push(relation);
    this.relationCount++;
  }

  /** The graph-data files, or none when the input had any issue: nothing is half-converted. */
  result(texts?: Record<string, string>): ConvertResult {
    if (this.issues.length) return { files: {}, report: this.report, issues: this.issues };
    const files: Record<string, string> = {};
    const typeRows = [...this.usedTypes.values()];
    files['relation-types.csv'] = toCsv(this.vocabulary.columns, typeRows);
    files['actors.csv'] = toCsv(['id', 'label', 'kind', 'affiliation', 'aliases'], [...this.actors.values()].map((a) => ({ ...a, affiliation: '' })));

    const sourceAttrs = new Set<string>();
    for (const { fields } of this.sources.values()) for (const key of Object.keys(fields.attrs ?? {})) sourceAttrs.add(key);
    const sourceColumns = ['id', 'title', 'outlet', 'published', 'url', 'coding', ...sourceAttrs];
    const sourceRows = [...this.sources.values()]
      .filter(({ id }) => this.relations.has(id))
      .map(({ id, fields }) => ({ id, title: fields.title, outlet: fields.outlet, published: fields.published, url: fields.url, coding: fields.coding, ...fields.attrs }));
    files['sources.csv'] = toCsv(sourceColumns, sourceRows);

    let statement = false;
    let modality = false;
    const relationAttrs = new Set<string>();
    for (const rows of this.relations.values()) {
      for (const r of rows) {
        if (r.statement) statement = true;
        if (r.modality) modality = true;
        if (r.attrs) for (const key of Object.keys(r.attrs)) relationAttrs.add(key);
      }
    }
    const relationColumns = ['subject', 'object', 'type', 'date', 'end_date', 'quote', 'note'];
    if (statement) relationColumns.push('statement');
    if (modality) relationColumns.push('modality');
    relationColumns.push(...relationAttrs);
    // Written directly rather than through toCsv: a GDELT import has tens of thousands of files.
    const header = relationColumns.map(csvCell).join(',') + '\r\n';
    const attrColumns = [...relationAttrs];
    for (const [sourceId, rows] of this.relations) {
      let text = header;
      for (const r of rows) {
        text += `${csvCell(r.subject)},${csvCell(r.object)},${csvCell(r.type)},${r.date},${r.endDate ?? ''},${csvCell(r.quote ?? '')},${csvCell(r.note ?? '')}`;
        if (statement) text += ',' + csvCell(r.statement ?? '');
        if (modality) text += ',' + csvCell(r.modality ?? '');
        for (const column of attrColumns) text += ',' + csvCell(r.attrs?.[column] ?? '');
        text += '\r\n';
      }
      files[`relations/${sourceId}.csv`] = text;
    }
    const usedTexts = texts ? Object.fromEntries(Object.entries(texts).filter(([id]) => this.relations.has(id))) : undefined;
    return { files, texts: usedTexts, report: this.report, issues: this.issues };
  }
}
