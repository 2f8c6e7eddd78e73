/**
 * Actor look-up by name, alias or acronym. Ranks what was typed before what
 * merely resembles it: an exact name first, then names that start with the
 * query, then names with a word that starts with it, then typo-tolerant
 * (fuzzy) matches. Within a rank, actors with relations come before those
 * without, busier ones first.
 */
import MiniSearch from 'minisearch';
import { lazyArraySource } from './lazy-array';
import type { Actor, Relation } from './model';
import type { RelationColumns } from './relation-columns';

export interface ActorMatch {
  id: string;
  label: string;
  kind: string;
  /** The alias or acronym that matched, when it was not the label. */
  via: string | null;
  /** Relations the actor takes part in, in the whole dataset. */
  relationCount: number;
}

/** How a name matched, best first. */
export const MATCH_RANKS = ['exact', 'prefix', 'word', 'fuzzy'] as const;
export type MatchRank = (typeof MATCH_RANKS)[number];

const STOP_WORDS = new Set(['of', 'the', 'and', 'for', 'de']);

/** Lower case, no accents, no dots or punctuation, single spaces: "U.S." and "us", "Türkiye" and "turkiye" meet. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The initials of a multi-word name, keeping words already in capitals whole:
 * "United Nations" → "UN", "UN Security Council" → "UNSC". Null for one word.
 */
export function acronymOf(name: string): string | null {
  const words = name.split(/[\s-]+/).filter((w) => w && !STOP_WORDS.has(w.toLowerCase()));
  if (words.length < 2) return null;
  return words.map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : w[0].toUpperCase())).join('');
}

interface Name {
  text: string;
  normalized: string;
  isLabel: boolean;
}

function namesOf(actor: Actor): Name[] {
  const names: Name[] = [actor.label, ...actor.aliases].map((text, i) => ({ text, normalized: normalizeName(text), isLabel: i === 0 }));
  // Persons are not called by their initials; states and organisations often are.
  if (actor.kind !== 'person') {
    for (const text of [actor.label, ...actor.aliases]) {
      const acronym = acronymOf(text);
      if (acronym && !names.some((n) => n.normalized === normalizeName(acronym))) names.push({ text: acronym, normalized: normalizeName(acronym), isLabel: false });
    }
  }
  return names.filter((n) => n.normalized);
}

function rankOf(name: string, query: string): MatchRank | null {
  if (name === query) return 'exact';
  if (name.startsWith(query)) return 'prefix';
  if (name.includes(` ${query}`)) return 'word';
  return null;
}

/**
 * Relations per actor id. Rows loaded from files are counted in their columns, so
 * that a million rows are counted without making a row object each.
 */
export function countRelationsPerActor(relations: readonly Relation[] | RelationColumns): Map<string, number> {
  const columns = isColumns(relations) ? relations : lazyArraySource<RelationColumns>(relations);
  const counts = new Map<string, number>();
  if (columns && (isColumns(relations) || columns.count === relations.length)) {
    const perActor = new Int32Array(columns.actorIds.length);
    for (let i = 0; i < columns.count; i++) {
      const s = columns.subject[i];
      const o = columns.object[i];
      perActor[s]++;
      if (o !== s) perActor[o]++;
    }
    perActor.forEach((n, a) => {
      if (n > 0) counts.set(columns.actorIds[a], n);
    });
    return counts;
  }
  for (const r of relations as readonly Relation[]) {
    counts.set(r.subject, (counts.get(r.subject) ?? 0) + 1);
    if (r.object !== r.subject) counts.set(r.object, (counts.get(r.object) ?? 0) + 1);
  }
  return counts;
}

function isColumns(relations: readonly Relation[] | RelationColumns): relations is RelationColumns {
  return !Array.isArray(relations) && 'actorIds' in relations;
}

export type ActorSearch = (query: string, limit?: number) => ActorMatch[];

export function createActorSearch(actors: readonly Actor[], relations: readonly Relation[] | RelationColumns = []): ActorSearch {
  const counts = countRelationsPerActor(relations);
  const entries = actors.map((actor, order) => ({ actor, order, names: namesOf(actor), relationCount: counts.get(actor.id) ?? 0 }));
  const byId = new Map(entries.map((e) => [e.actor.id, e]));
  // Only for typos: the exact, prefix and word ranks are decided on the names themselves.
  const fuzzy = new MiniSearch<{ id: string; names: string }>({
    fields: ['names'],
    searchOptions: { prefix: true, fuzzy: 0.25, combineWith: 'AND' },
    processTerm: (term) => normalizeName(term) || null,
  });
  fuzzy.addAll(entries.map((e) => ({ id: e.actor.id, names: e.names.map((n) => n.text).join(' ') })));

  return (query, limit = 8) => {
    const q = normalizeName(query);
    if (!q) return [];
    const found = new Map<string, { rank: number; via: string | null; labelMatched: boolean }>();
    for (const entry of entries) {
      let best: { rank: number; via: string | null; labelMatched: boolean } | null = null;
      for (const name of entry.names) {
        const rank = rankOf(name.normalized, q);
        if (rank === null) continue;
        const r = MATCH_RANKS.indexOf(rank);
        // A label beats an alias of the same rank, so "via" is shown only when the label did not match.
        if (!best || r < best.rank || (r === best.rank && name.isLabel && !best.labelMatched)) {
          best = { rank: r, via: name.isLabel ? null : name.text, labelMatched: name.isLabel };
        }
      }
      if (best) found.set(entry.actor.id, best);
    }
    for (const hit of fuzzy.search(q)) {
      const id = String(hit.id);
      if (found.has(id)) continue;
      const names = byId.get(id)!.names;
      const name = names.find((n) => hit.terms.some((term) => ` ${n.normalized} `.includes(` ${term} `))) ?? names[0];
      found.set(id, { rank: MATCH_RANKS.indexOf('fuzzy'), via: name.isLabel ? null : name.text, labelMatched: name.isLabel });
    }
    return [...found]
      .map(([id, match]) => ({ entry: byId.get(id)!, ...match }))
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          Number(b.entry.relationCount > 0) - Number(a.entry.relationCount > 0) ||
          Number(b.labelMatched) - Number(a.labelMatched) ||
          b.entry.relationCount - a.entry.relationCount ||
          a.entry.order - b.entry.order,
      )
      .slice(0, limit)
      .map(({ entry, via }) => ({ id: entry.actor.id, label: entry.actor.label, kind: entry.actor.kind, via, relationCount: entry.relationCount }));
  };
}
