/** The Entente data model: what `graph-data/` holds once parsed and validated. */

export const ACTOR_KINDS = ['state', 'person', 'organisation', 'region', 'group'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const TEMPORAL_KINDS = ['state', 'event'] as const;
export type Temporal = (typeof TEMPORAL_KINDS)[number];

export interface RelationType {
  id: string;
  label: string;
  color: string;
  directed: boolean;
  temporal: Temporal;
  cameo: string;
  description: string;
  /**
   * PLOVER event type, optionally with a mode (`ACCUSE`, `CONSULT/visit`); empty when
   * none fits. Optional column; absent in datasets written before it existed.
   */
  plover?: string;
}

export interface Actor {
  id: string;
  label: string;
  kind: ActorKind;
  /** Id of the actor this one belongs to (a minister to a state), or null. */
  affiliation: string | null;
  aliases: string[];
}

export interface Source {
  id: string;
  title: string;
  outlet: string;
  /** Partial date as written: YYYY, YYYY-MM or YYYY-MM-DD. */
  published: string;
  url: string;
  /**
   * How the source was coded: `hand` (the default: every row carries a verbatim quote)
   * or the name of a machine coder (`gdelt`, `polecat`), whose rows may have no quote.
   */
  coding?: string;
  /** Values of the optional `attr_<name>` columns, keyed by `<name>`; only non-empty ones. */
  attributes?: Record<string, string>;
}

export const MODALITIES = ['asserted', 'conditional', 'denied', 'reported'] as const;
export type Modality = (typeof MODALITIES)[number];
export const DEFAULT_MODALITY: Modality = 'asserted';
export const DEFAULT_CODING = 'hand';

export interface Relation {
  /** `<source id>:<line>`, unique across the dataset. */
  id: string;
  source: string;
  /** 1-based line of the row in its relations file, for pointing people back at it. */
  line: number;
  subject: string;
  object: string;
  type: string;
  date: string;
  endDate: string;
  quote: string;
  note: string;
  /**
   * Rows that come from one statement share this id (optional `statement` column);
   * empty when the row is a statement of its own. The loader always sets it.
   */
  statement?: string;
  /** `asserted` unless the row says otherwise (optional `modality` column). The loader always sets it. */
  modality?: Modality;
  /** Values of the optional `attr_<name>` columns, keyed by `<name>`; only non-empty ones. The loader always sets it. */
  attributes?: Record<string, string>;
}

export interface Dataset {
  types: RelationType[];
  actors: Actor[];
  sources: Source[];
  relations: Relation[];
}

/**
 * One problem found in the input, pointing at the exact place a person must fix.
 * The same record feeds the app's error page, `check-data` and the import preview.
 */
export interface DataIssue {
  /** Path inside the dataset, e.g. `relations/000_x.csv`. */
  file: string;
  /** 1-based line in `file`; 0 when the problem concerns the file as a whole. */
  line: number;
  /** Column name (`quote`, `header`...), or empty when the problem is not about one column. */
  column: string;
  /** Stable machine-readable code prefixed by the module that found it, e.g. `load/unknown-actor`. */
  code: string;
  message: string;
}

export function formatIssue(issue: DataIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}` : issue.file;
  const text = issue.column ? `${where}: ${issue.column}: ${issue.message}` : `${where}: ${issue.message}`;
  return `${text} [${issue.code}]`;
}
