/** The messages between the app and its extraction worker: small, typed, answered by request id. */
import type { Actor, RelationType } from '../core/model';
import type { Extraction } from '../core/extract/types';
import type { NewActorProposal } from '../core/extract/new-actors';

export interface ExtractRequest {
  kind: 'extract';
  id: number;
  text: string;
  /** YYYY-MM-DD: relative dates resolve against it. */
  published: string;
  /** Only what the extractor reads of the dataset: its actors and relation types, not its rows. */
  actors: Actor[];
  types: RelationType[];
}

/** Sent when the user opens "Add source…": load the model and this dataset's names while they type, so the article pays for its own text alone. */
export interface WarmRequest {
  kind: 'warm';
  id: number;
  actors: Actor[];
  types: RelationType[];
}

export type ExtractMessage = ExtractRequest | WarmRequest;

export interface ExtractTimings {
  /** Loading and warming the wink model; 0 when it was already loaded by an earlier request. */
  modelMs: number;
  /** Building the gazetteer of a dataset not seen before and warming the extractor on it; 0 when cached. */
  setupMs: number;
  /** Tagging and new-actor proposal. */
  proposeMs: number;
  /** Relation extraction with the proposals as extra actors. */
  extractMs: number;
  words: number;
}

export type ExtractReply =
  | { kind: 'done'; id: number; extraction: Extraction; proposals: NewActorProposal[]; timings: ExtractTimings }
  | { kind: 'warmed'; id: number }
  | { kind: 'failed'; id: number; message: string };
