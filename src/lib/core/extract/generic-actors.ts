/**
 * Actors news names by role rather than by name: "police in Nairobi", "Sudanese rebels",
 * "security forces", "protesters", "Bosnian Serbs". Coders (CAMEO, PLOVER, and this
 * dataset's own "Azerbaijani troops" → Azerbaijan) file them under a state, so each is
 * placed in one, from, in order:
 *   (a) a state named just before: a demonym, name or possessive ("Kenya's riot police");
 *   (b) a place just after: "in", "from" or "of" a state, capital or major city;
 *   (c) for the roles that are mostly domestic (police, rebels, protesters ...), the
 *       text's dateline, else the one state its sentence names.
 * Organs of a state (police, army, government) become that state, as the dataset codes
 * them; groups that are not the state (rebels, protesters, the opposition, an ethnic
 * community) become a new group actor affiliated with it ("Kenyan rebels"). A role that
 * cannot be placed is left out: a relation with an unplaced "rebels" could never be
 * checked against anything, and reviewing it costs more than it gives.
 */
import type { Mention } from './types';
import { rollUp, type Gazetteer, type GazetteerActor } from './gazetteer';
import { foldTerm, slugify } from './fold';
import { WORLD_STATES } from './world';
import { stateOfCity } from './world-cities';
import { sentenceOf } from './domestic';

const ORGAN = String.raw`security forces|government forces|armed forces|government troops|riot police|border police|police(?:men)?|troops|soldiers|army|military|authorities|officials|regime|junta|government|cabinet|lawmakers|legislators`;
const GROUP = String.raw`(?:rebel|guerrilla|militant|insurgent|separatist)(?:-held)? (?:positions|bases|camps|strongholds?|hideouts?|targets|territory|areas|villages)|rebel (?:forces|fighters|groups?|movement|militias?)|rebels|insurgents|guerrillas|militants|militiamen|militias?|separatists|protesters|protestors|demonstrators|rioters|opposition(?: parties| party| groups| supporters| activists| leaders| figures| politicians)?|strikers|activists|refugees|civilians|villagers|residents|students|workers|farmers|miners|truck drivers|taxi drivers|drivers|truckers|teachers|traders|journalists|settlers|political prisoners|prisoners|detainees|hostages|dissidents|bishops|clergy|clerics|monks|priests|trade unions|unions|union members|lawyers|pensioners|veterans`;
const ETHNIC = String.raw`kurds?|kurdish|serbs|croats|albanians|arabs|christians|muslims|moslems|shiites?|shias?|sunnis|tamils|tutsis?|hutus?|pashtuns|uighurs|uyghurs|berbers|druze|copts|hindus|sikhs|tatars|chechens`;
const HEAD = new RegExp(String.raw`\b(?:(${ORGAN})|(${GROUP}))\b`, 'g');
/** Roles placed by the dateline or the sentence's one state when nothing nearer says: mostly domestic. */
const DOMESTIC = /^(?:security forces|guerrilla |militant |insurgent |separatist |riot police|police(?:men)?|authorities|rebels|rebel |insurgents|guerrillas|militants|separatists|protesters|protestors|demonstrators|rioters|opposition|strikers|civilians|villagers|residents|students|government|cabinet|political prisoners|prisoners|detainees|dissidents|activists|journalists|bishops|clergy|monks)/;
const REGION = String.raw`(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)? )?`;
const PLACE_AFTER = new RegExp(String.raw`^ (?:in|from|of) (?:the )?${REGION}`);

const ETHNIC_AFTER = new RegExp(String.raw`^ (?:${ETHNIC})\b(?: (?:${GROUP})\b)?`);
const IN_PLACE_BEFORE = new RegExp(String.raw`\bin (?:the )?${REGION}$`);
/** After a state's name or demonym: its diplomatic mission ("the U.S. embassy", "Israel's consulate"). */
const MISSION_AFTER = /^\.?(?:'s)? (?:[a-z-]+ )?(?:embassy|embassies|consulate|consulates|legation|mission|high commission|diplomatic mission|chancery|ambassador's residence)\b/;
const DEMONYM_OF = new Map(WORLD_STATES.map((s) => [s.code, s.demonyms[0] ?? s.name]));

function stateId(gazetteer: Gazetteer, id: string): string | null {
  const actor = gazetteer.actors.get(id);
  return actor?.kind === 'state' ? actor.id : null;
}

function stateByCode(gazetteer: Gazetteer, code: string): string | null {
  for (const actor of gazetteer.actors.values()) if (actor.kind === 'state' && actor.code === code) return actor.id;
  return null;
}

/** A city of 1–3 capitalised words starting at `at`: its state and where the name ends. */
function cityAt(text: string, folded: string, gazetteer: Gazetteer, at: number): { state: string; end: number } | null {
  const words = /^\p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*| (?:de|es|al|el|on|ez) \p{Lu}[\p{L}-]*){0,2}/u.exec(text.slice(at, at + 40));
  if (!words) return null;
  const parts = words[0].split(' ');
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n).join(' ');
    const code = stateOfCity(foldTerm(folded.slice(at, at + name.length)));
    const state = code ? stateByCode(gazetteer, code) : null;
    if (state) return { state, end: at + name.length };
  }
  return null;
}

/** The state a text's dateline ("NAIROBI, May 3 -", "Lagos (Reuters) -") places it in. */
function datelineState(text: string, folded: string, mentions: Mention[], gazetteer: Gazetteer): string | null {
  const line = /^\s*(\p{Lu}[\p{L}.' -]{1,30}?)(?:,| \(| -| —)/u.exec(text);
  if (!line) return null;
  const at = line.index + line[0].indexOf(line[1]);
  const mention = mentions.find((m) => m.start === at && m.via !== 'demonym');
  return (mention && stateId(gazetteer, mention.actorId)) ?? cityAt(text, folded, gazetteer, at)?.state ?? null;
}

/** The group actor for `state` and `role` ("Kenyan rebels", "ethnic Albanians in Serbia"), added to the gazetteer on first use: it depends on nothing else. */
export function groupActor(gazetteer: Gazetteer, state: string, role: string, form: 'demonym' | 'in' = 'demonym'): string {
  const owner = gazetteer.actors.get(state)!;
  const label = form === 'in' ? `${role} in ${owner.label}` : `${DEMONYM_OF.get(owner.code) ?? owner.label} ${role}`;
  const id = slugify(label);
  const existing = gazetteer.actors.get(id);
  if (existing && (existing.kind === 'group' || existing.kind === 'organisation')) return id;
  const actor: GazetteerActor = { id: existing ? `${id}-group` : id, label, kind: 'group', affiliation: state, isNew: true, code: '' };
  if (!gazetteer.actors.has(actor.id)) gazetteer.actors.set(actor.id, actor);
  return actor.id;
}

/** The group a role names: "rebel positions", "guerrilla camps" are where the rebels are, and an attack on them is on the rebels. */
function roleName(role: string): string {
  const place = /^(rebel|guerrilla|militant|insurgent|separatist)(?:-held)? (?:positions|bases|camps|strongholds?|hideouts?|targets|territory|areas|villages)$/.exec(role);
  if (place) return `${place[1]}s`;
  return role.replace(/^protestors$/, 'protesters');
}

function lastBefore(mentions: Mention[], dropped: Set<Mention>, at: number): Mention | undefined {
  for (let k = mentions.length - 1; k >= 0; k--) if (!dropped.has(mentions[k]) && mentions[k].end <= at) return mentions[k];
  return undefined;
}

/** The mentions with role-named actors added (and the demonym or place they absorb removed), in text order. */
export function addGenericMentions(text: string, folded: string, mentions: Mention[], gazetteer: Gazetteer): Mention[] {
  const dropped = new Set<Mention>();
  const added: Mention[] = [];
  const overlaps = (start: number, end: number) =>
    mentions.some((m) => !dropped.has(m) && m.start < end && m.end > start) || added.some((m) => m.start < end && m.end > start);
  let dateline: string | null | undefined;
  // "Bosnian Serbs", "Iraqi Kurds", "Turkish Kurd refugees": a community of the first state
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const state = m.via === 'demonym' ? stateId(gazetteer, m.actorId) : null;
    if (!state) continue;
    // "ethnic Albanians ... in southeastern Serbia": a minority of the state it lives in, when the sentence says which
    if (/\bethnic $/.test(folded.slice(Math.max(0, m.start - 7), m.start))) {
      const [, to] = sentenceOf(text, m.start);
      const home = mentions.find((h) => h.start > m.end && h.end <= to && h.via !== 'demonym' && stateId(gazetteer, h.actorId) && h.actorId !== state && IN_PLACE_BEFORE.test(folded.slice(Math.max(0, h.start - 30), h.start)));
      if (home) {
        const start = m.start - 'ethnic '.length;
        dropped.add(m);
        added.push({ start, end: m.end, text: text.slice(start, m.end), actorId: groupActor(gazetteer, home.actorId, `ethnic ${m.text}`, 'in'), via: 'alias' });
      }
      continue;
    }
    const next = mentions[i + 1];
    const rest = folded.slice(m.end, m.end + 40);
    const word = ETHNIC_AFTER.exec(rest);
    const people = next && next.via === 'demonym' && next.start === m.end + 1 && folded[m.end] === ' ' && /s$/.test(next.text) ? next : null;
    if (!word && !people) continue;
    const end = people ? people.end : m.end + word![0].length;
    const role = text.slice(m.end + 1, end).trim();
    dropped.add(m);
    if (people) dropped.add(people), i++;
    added.push({ start: m.start, end, text: text.slice(m.start, end), actorId: groupActor(gazetteer, state, role), via: 'alias' });
  }
  HEAD.lastIndex = 0;
  for (let match = HEAD.exec(folded); match; match = HEAD.exec(folded)) {
    const [hs, he] = [match.index, match.index + match[0].length];
    if (overlaps(hs, he)) continue;
    const organ = match[1] !== undefined;
    let start = hs;
    let end = he;
    let state: string | null = null;
    const before = lastBefore(mentions, dropped, hs);
    const gap = before ? folded.slice(before.end, hs) : '';
    const adjacent = before && /^(?:'s?)?(?: [a-z-]+)? $/.test(gap) && !/ (?:and|or|the|to|of|by|for|in|on|at|with|from)\b/.test(gap);
    if (adjacent && stateId(gazetteer, before.actorId)) {
      // the dataset already reads "Kenyan police" / "Kenya's army" as the state: only groups change
      if (organ) continue;
      state = stateId(gazetteer, before.actorId);
      start = before.start;
      dropped.add(before);
    } else if (adjacent && before.via === 'demonym') continue; // "Kurdish rebels" of no state: leave as written
    if (!state) {
      const place = PLACE_AFTER.exec(folded.slice(he, he + 40));
      if (place) {
        const at = he + place[0].length;
        const named = mentions.find((m) => !dropped.has(m) && m.start === at && m.via !== 'demonym' && stateId(gazetteer, m.actorId));
        const city = named ? null : cityAt(text, folded, gazetteer, at);
        // "officials in Tehran": the capital already stands for the state; a group takes it into its span
        if (named && organ) continue;
        if (named) (state = named.actorId), (end = named.end), dropped.add(named);
        else if (city) (state = city.state), (end = city.end);
        // "residents of Nagorno-Karabakh": a region of no state named after the role is where the group lives, not
        // some state the sentence names ("guerrilla camps in Syunik" are still Armenia's, the state Syunik is in)
        // (organs stay as they were: "its troops in Syunik" are no one's but the sentence's subject's)
        const region = named || city || organ ? null : mentions.find((m) => !dropped.has(m) && m.start === at && gazetteer.actors.get(m.actorId)?.kind === 'region');
        const regionState = region ? stateId(gazetteer, gazetteer.actors.get(region.actorId)?.affiliation ?? '') : null;
        if (region && regionState) state = regionState;
        else if (region) {
          dropped.add(region);
          added.push({ start, end: region.end, text: text.slice(start, region.end), actorId: groupActor(gazetteer, region.actorId, roleName(match[2] ?? ''), 'in'), via: 'alias' });
          continue;
        }
      }
    }
    if (!state && DOMESTIC.test(match[0])) {
      if (dateline === undefined) dateline = datelineState(text, folded, mentions, gazetteer);
      state = dateline;
      if (!state) {
        const [from, to] = sentenceOf(text, hs);
        // "protested outside the U.S. embassy in Manila": the state whose mission it is is the target, not where the protesters are
        const inSentence = mentions.filter((m) => m.start >= from && m.end <= to && !MISSION_AFTER.test(folded.slice(m.end, m.end + 30)));
        const states = new Set(inSentence.map((m) => stateId(gazetteer, rollUp(gazetteer, m.actorId))).filter(Boolean));
        if (states.size === 1) state = [...states][0];
      }
    }
    if (!state) continue;
    const actorId = organ ? state : groupActor(gazetteer, state, roleName(match[2] ?? ''));
    added.push({ start, end, text: text.slice(start, end), actorId, via: 'alias' });
  }
  if (!added.length) return mentions;
  return [...mentions.filter((m) => !dropped.has(m)), ...added].sort((a, b) => a.start - b.start);
}
