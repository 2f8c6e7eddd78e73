/** Actor look-up by name or alias, forgiving of typos and partial words. */
import MiniSearch from 'minisearch';
import type { Actor } from './model';

export interface ActorMatch {
  id: string;
  label: string;
  kind: string;
  /** The alias that matched, when it was not the label. */
  via: string | null;
}

export function createActorSearch(actors: readonly Actor[]): (query: string, limit?: number) => ActorMatch[] {
  const search = new MiniSearch<{ id: string; label: string; aliases: string }>({
    fields: ['label', 'aliases'],
    storeFields: ['label'],
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { label: 2 } },
  });
  search.addAll(actors.map((a) => ({ id: a.id, label: a.label, aliases: a.aliases.join(' ') })));
  const byId = new Map(actors.map((a) => [a.id, a]));
  return (query, limit = 8) => {
    const q = query.trim();
    if (!q) return [];
    return search
      .search(q)
      .slice(0, limit)
      .map((hit) => {
        const actor = byId.get(String(hit.id))!;
        const lower = q.toLowerCase();
        const via = actor.label.toLowerCase().includes(lower) ? null : (actor.aliases.find((a) => a.toLowerCase().includes(lower)) ?? null);
        return { id: actor.id, label: actor.label, kind: actor.kind, via };
      });
  };
}
