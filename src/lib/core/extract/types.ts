/**
 * What the source workbench's assistant proposes, shared by the extractor
 * (core/extract/*), the review screen and `npm run extract`. Offsets are
 * UTF-16 positions in the source's plain text, so the review can highlight
 * and scroll to them and a quote is always `text.slice(quoteStart, quoteEnd)`.
 */

/** A span of the text that names an actor: a known one (`actorId`) or a proposed new one. */
export interface Mention {
  start: number;
  end: number;
  /** The text as written ("Azerbaijani", "the Kremlin"). */
  text: string;
  /** Id of a dataset actor, or of a proposed new actor (see NewActor.id). */
  actorId: string;
  /** How it matched: `label`, `alias`, `demonym`, `capital`, `nlp` (a new actor found by the NLP library). */
  via: 'label' | 'alias' | 'demonym' | 'capital' | 'nlp';
}

/** An actor the dataset does not hold yet, proposed from the text. */
export interface NewActor {
  /** A slug, unique in the dataset (`sergei_lavrov`). */
  id: string;
  label: string;
  kind: 'state' | 'person' | 'organisation' | 'region' | 'group';
  /** Suggested affiliation (an existing or new actor id), or null. */
  affiliation: string | null;
}

/** Why a candidate is not a plain assertion; the review shows these and the default decision depends on them. */
export type CandidateFlag = 'reported' | 'negated' | 'conditional' | 'new-actor' | 'date-guessed';

export interface Candidate {
  /** Stable within one extraction: the same text and options give the same ids. */
  id: string;
  subject: string;
  object: string;
  /** A relation-type id of the dataset. */
  type: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** Same form, or empty. */
  endDate: string;
  /** Verbatim text.slice(quoteStart, quoteEnd): at most 200 characters, never across a paragraph. */
  quote: string;
  quoteStart: number;
  quoteEnd: number;
  /** 0..1. */
  confidence: number;
  /** The words that triggered it ("accused", "called for a ceasefire"). */
  cue: string;
  /** Candidates fanned out from one list share this id; it becomes the rows' `statement`. Empty when alone. */
  statement: string;
  /** `asserted`, `reported`, `denied` or `conditional`: the relations CSV's modality column. */
  modality: 'asserted' | 'conditional' | 'denied' | 'reported';
  flags: CandidateFlag[];
}

export interface ExtractOptions {
  /** Publication date of the source, YYYY-MM-DD: relative dates resolve against it. */
  published: string;
}

export interface Extraction {
  mentions: Mention[];
  newActors: NewActor[];
  candidates: Candidate[];
}
