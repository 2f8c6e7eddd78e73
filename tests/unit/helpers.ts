import type { Actor, Dataset, Modality, Relation, RelationType, Source } from '../../src/lib/core/model';

/** Day number of an ISO date, computed independently of src/lib/core/dates. */
export const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;


export function type(id: string, temporal: 'state' | 'event', directed: boolean): RelationType {
  return { id, label: id, color: '#000000', directed, temporal, cameo: '', description: '' };
}

export function actor(id: string): Actor {
  return { id, label: id, kind: 'state', affiliation: null, aliases: [] };
}

let line = 1;
/** A relation row of source `s` (or `extra.source`); `when` is `date` or `date..endDate`. */
export function rel(
  subject: string,
  object: string,
  typeId: string,
  when: string,
  extra: { source?: string; statement?: string; modality?: Modality } = {},
): Relation {
  const [date, endDate = ''] = when.split('..');
  line++;
  const source = extra.source ?? 's';
  return { id: `${source}:${line}`, source, line, subject, object, type: typeId, date, endDate, quote: 'q', note: '', statement: extra.statement ?? '', modality: extra.modality ?? 'asserted' };
}

export function source(id: string, published: string, outlet = 'Wire'): Source {
  return { id, title: `Title ${id}`, outlet, published, url: '' };
}

/** A dataset; its relations' sources are `sources`, or else none (standing rows then end with their own date). */
export function dataset(types: RelationType[], actorIds: string[], relations: Relation[], sources: Source[] = []): Dataset {
  return { types, actors: actorIds.map(actor), sources, relations };
}
