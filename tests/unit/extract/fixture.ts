import type { Actor, ActorKind, Dataset } from '../../../src/lib/core/model';
import { type } from '../helpers';

function actor(id: string, label: string, kind: ActorKind, affiliation: string | null, aliases: string[] = []): Actor {
  return { id, label, kind, affiliation, aliases };
}

const DIRECTED = ['accusation', 'membership', 'leadership', 'office', 'ceasefire_call', 'attack', 'request_aid', 'demand', 'rejection', 'support', 'aid_offer', 'blockade', 'revocation', 'threat', 'mediation', 'visit', 'territory', 'denial', 'protest', 'coercion', 'retreat', 'commitment', 'aid'];
const UNDIRECTED = ['meeting', 'conflict', 'agreement', 'cooperation'];
const STATE = ['membership', 'leadership', 'office', 'territory'];

/** A small dataset written for these tests: not the bundled one, so the rules are tested on their own. */
export function miniDataset(): Dataset {
  return {
    types: [...DIRECTED.map((id) => type(id, STATE.includes(id) ? 'state' : 'event', true)), ...UNDIRECTED.map((id) => type(id, 'event', false))],
    actors: [
      actor('armenia', 'Armenia', 'state', null, ['Yerevan']),
      actor('azerbaijan', 'Azerbaijan', 'state', null, ['Baku']),
      actor('russia', 'Russia', 'state', null, ['Kremlin']),
      actor('csto', 'CSTO', 'organisation', null, ['Collective Security Treaty Organization']),
      actor('nikol-pashinyan', 'Nikol Pashinyan', 'person', 'armenia', ['Pashinyan']),
      actor('antonio-guterres', 'Antonio Guterres', 'person', null, ['Guterres']),
      actor('syunik', 'Syunik', 'region', 'armenia'),
      actor('national-assembly', 'National Assembly of Armenia', 'organisation', 'armenia', ['parliament']),
    ],
    sources: [],
    relations: [],
  };
}
