import type { Actor, Dataset, Relation, RelationType } from '../../src/lib/core/model';

/** Day number of an ISO date, computed independently of src/lib/core/dates. */
export const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;


export function type(id: string, temporal: 'state' | 'event', directed: boolean): RelationType {
  return { id, label: id, color: '#000000', directed, temporal, cameo: '', description: '' };
}

export function actor(id: string): Actor {
  return { id, label: id, kind: 'state', affiliation: null, aliases: [] };
}

let line = 1;
/** A relation row; `when` is `date` or `date..endDate`. */
export function rel(subject: string, object: string, typeId: string, when: string): Relation {
  const [date, endDate = ''] = when.split('..');
  line++;
  return { id: `s:${line}`, source: 's', line, subject, object, type: typeId, date, endDate, quote: 'q', note: '' };
}

export function dataset(types: RelationType[], actorIds: string[], relations: Relation[]): Dataset {
  return { types, actors: actorIds.map(actor), sources: [], relations };
}
