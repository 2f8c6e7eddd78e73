/** What POLECAT and PLOVER JSON share: PLOVER event types through the vocabulary, compound actors as pairs. */
import type { GraphDataBuilder } from './builder';
import { titleCase } from './text';
import { typeForPlover } from './vocabulary';

/**
 * PLOVER event types: the 16 of the 2021 manual (used by POLECAT) and the older ones still
 * found in PLOVER-coded data (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT); anything else in a
 * file is reported rather than guessed.
 */
export const PLOVER_EVENTS = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN',
  'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT', 'DISAPPROVE', 'DEMAND', 'INVESTIGATE', 'FIGHT',
];

/** Events whose actors act together rather than on each other (undirected when created). */
const MUTUAL = new Set(['AGREE', 'CONSULT', 'COOPERATE', 'FIGHT']);

/** The Entente type for a PLOVER event and mode; a created type named after the event when the vocabulary has none. */
export function ploverType(out: GraphDataBuilder, event: string, mode: string): string {
  const known = typeForPlover(out.vocabulary, event, mode);
  if (known) return out.useType(known);
  const e = event.toUpperCase();
  return out.typeForUnmapped({
    label: titleCase(e),
    directed: !MUTUAL.has(e),
    temporal: 'event',
    plover: e,
    description: `PLOVER ${e}; no type of the vocabulary has this PLOVER event.`,
  });
}

const GROUP_SECTORS = /^(REB|OPP|INS|CVL|REF|CRM|RAD|SEP|UAF|MOD|PRO|LAB|IND)/i;
const PERSON_TITLE = /\b(president|prime minister|minister|premier|king|queen|prince|chancellor|leader|secretary|general|gen\.|lt\.|col\.|ambassador|speaker|senator|mayor|governor|pope|sheikh)\b/i;

/** CAMEO codes of international and non-governmental organisations and companies, not states. */
const ORGANISATION_CODES = /^(IGO|NGO|IMG|MNC|NGM|INT)/;

/** A kind for an actor mention: a person when titled, a group or organisation by sector or code, else a state. */
export function mentionKind(text: string, sector: string, code = ''): string {
  if (PERSON_TITLE.test(text) && /\b[A-Z][a-z]+ [A-Z][a-z]+/.test(text.replace(PERSON_TITLE, ''))) return 'person';
  if (ORGANISATION_CODES.test(code.toUpperCase())) return 'organisation';
  if (!sector) return 'state';
  return GROUP_SECTORS.test(sector) ? 'group' : 'organisation';
}

/**
 * Compound actors as pairs: every source with every target; without targets, the sources
 * with each other (PLOVER's SRC/TAR: "X and Y agreed"). Same-actor pairs are dropped.
 */
export function actorPairs(sources: string[], targets: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (targets.length) {
    for (const s of sources) for (const t of targets) if (s !== t) pairs.push([s, t]);
  } else {
    for (let i = 0; i < sources.length; i++) for (let j = i + 1; j < sources.length; j++) if (sources[i] !== sources[j]) pairs.push([sources[i], sources[j]]);
  }
  const seen = new Set<string>();
  return pairs.filter(([a, b]) => !seen.has(`${a}\u0000${b}`) && seen.add(`${a}\u0000${b}`));
}

/** A statement id graph-data accepts: letters, digits and `-_.:`. */
export function statementId(id: string): string {
  return id.replace(/[^A-Za-z0-9_.:-]+/g, '-');
}
