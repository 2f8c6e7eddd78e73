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
}

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
}

export interface Dataset {
  types: RelationType[];
  actors: Actor[];
  sources: Source[];
  relations: Relation[];
}

/** One problem found in the input, pointing at the exact place a person must fix. */
export interface DataIssue {
  file: string;
  /** 1-based line in `file`; 0 when the problem concerns the file as a whole. */
  line: number;
  field: string;
  message: string;
}

export function formatIssue(issue: DataIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}` : issue.file;
  return issue.field ? `${where}: ${issue.field}: ${issue.message}` : `${where}: ${issue.message}`;
}
