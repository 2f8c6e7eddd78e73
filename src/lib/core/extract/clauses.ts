/**
 * Clause-level readings that decide whether a cue asserts a relation between
 * the actors near it:
 * - attribution: in "..., the UN refugee agency reported." the agency is the
 *   reporter, not a party to the event;
 * - embedding: in "refused to lift the curfew" or "called on X to withdraw" the
 *   inner verb is what was refused or asked, not something that happened;
 * - announced coercion: "said it would tighten the blockade" is a threat.
 */
import type { CueMatch } from './cues';
import type { Sentence } from './sentences';

const SPEECH = '(?:said|says|reported|reports|told|announced|added|stated|claimed|confirmed|quoted|wrote|according to)';
/** ", the ministry said on Monday." at the end of a sentence. */
const TRAILING_ATTRIBUTION = new RegExp(`,["'”’]? (?:[^,;]{0,90}? )?${SPEECH}\\b[^,;]{0,60}$`);
/** ", the defence secretary warned.": a speaker at the end who says more than reports, so stays a party, but may be the sayer. */
const TRAILING_SPEAKER = /,["'”’]? (?:[^,;]{0,90}? )?(?:warned|warns|insisted|insists|declared|declares|charged|charges|stressed|stresses|argued|argues|vowed|vows)\b[^,;]{0,60}$/;

/** Where a trailing speaker's words start, if the sentence ends with one. */
export function trailingSpeakerStart(folded: string, sentence: Sentence): number | null {
  const body = folded.slice(sentence.start, sentence.end).replace(/[\s.!?"'”’)\]}]+$/, '');
  const m = TRAILING_SPEAKER.exec(body);
  return m ? sentence.start + m.index : null;
}
const LEADING_ATTRIBUTION = /^\W*according to [^,;]{0,90},/;

/** Spans of the sentence that only say who reports it. */
export function attributionSpans(folded: string, sentence: Sentence): [number, number][] {
  const body = folded.slice(sentence.start, sentence.end).replace(/[\s.!?"'”’)\]}]+$/, '');
  const spans: [number, number][] = [];
  const trailing = TRAILING_ATTRIBUTION.exec(body);
  if (trailing) spans.push([sentence.start + trailing.index, sentence.start + body.length]);
  const leading = LEADING_ATTRIBUTION.exec(body);
  if (leading) spans.push([sentence.start, sentence.start + leading[0].length]);
  return spans;
}

/** Verbs whose complement ("to ...", "that X must ...") is not itself an event. */
const GOVERNING_VERB =
  '(?:agree[sd]?|agreeing|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|offer(?:s|ed|ing)?|promis(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|threat(?:en|ens|ened|ening)|vow(?:s|ed)?|plan(?:s|ned)?|intend(?:s|ed)?|want(?:s|ed)?|seek(?:s|ing)?|sought|urg(?:e|es|ed|ing)|ask(?:s|ed)?|call(?:s|ed)? (?:on|upon)|demand(?:s|ed|ing)?|press(?:es|ed)?|push(?:es|ed|ing)?|ready|willing|prepared|failed|hop(?:e|es|ed)|decid(?:e|es|ed)|tr(?:y|ies|ied)|attempt(?:s|ed)?|allow(?:s|ed)?|stop(?:s|ped)?|halt(?:s|ed)?|resume[sd]?)';
const NO_COORDINATION = '(?:(?! (?:and|but|or|while|after|before)\\b)[^,;.]){0,60}?';
const GOVERNED = new RegExp(`(?:\\b(?:decision|plans?|proposals?|bid|offers?|attempts?|threats?|idea|prospect|possibility) (?:of|to)(?: [a-z-]+)?|\\b${GOVERNING_VERB}\\b${NO_COORDINATION}\\bto|\\b(?:must|should|has to|have to|need to|needs to))(?: [a-z-]+){0,2} $`);
/** "demanded that the United States match ...", "its demand that Israel ease ...". */
const GOVERNED_THAT = /\b(?:demand|insist|urg|request|propos|suggest|recommend|call)[a-z]*\b[^,;.]{0,30}?\bthat\b(?: [^,;. ]+){0,9} $/;
/** "called on Arabs to unite and mobilize": the second of two coordinated infinitives is as governed as the first. */
const GOVERNED_COORDINATED = new RegExp(`\\b${GOVERNING_VERB}\\b${NO_COORDINATION}\\bto [a-z-]+(?: [a-z-]+)? (?:and|or) $`);
/** "must agree to changes before they demobilize", "until the rebels disarm": a deed still to come, set as a condition or a limit. */
const PENDING = /\b(?:before|until|unless|so that|in order to)(?: [^\s,;.]+){0,4} $/;

/** "demanded the immediate withdrawal of", "called for sanctions against": a deed named as what is asked for. */
const ASKED_FOR_NOUN = /\b(?:demand(?:s|ed|ing)?|call(?:s|ed|ing)? for|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)? for|press(?:es|ed|ing)? for|push(?:es|ed|ing)? for|seek(?:s|ing)?|sought|insist(?:s|ed|ing)? on|appeal(?:s|ed|ing)? for|request(?:s|ed|ing)?)(?: (?:an?|the|its|their|his|her|new|further|more|tougher|immediate|complete|full|unconditional|swift|prompt|early|total|rapid|speedy|international|[a-z]+'s))* $/;

/** The cue is the complement of a governing verb just before it in the same clause. */
export function isEmbedded(folded: string, sentence: Sentence, cue: CueMatch): boolean {
  const before = folded.slice(Math.max(sentence.start, cue.start - 90), cue.start);
  if (/^(?:ask|request|call|appeal|turn|seek|sought|urg|demand|said|says|declared|insisted|stated|reiterated|stressed|concluded)/.test(cue.text) || cue.type === 'ceasefire_call') return false;
  if (PENDING.test(before) && !/^[a-z]+(?:ed|ought|ew|ook|ung|ent)\b/.test(cue.text)) return true;
  return GOVERNED.test(before) || GOVERNED_THAT.test(before) || GOVERNED_COORDINATED.test(before) || ASKED_FOR_NOUN.test(before);
}

/** Coercive cues that, announced for the future, threaten rather than act (CAMEO 13: threaten to cut aid, to ban, to attack). */
const COERCIVE = new Set(['blockade', 'revocation', 'attack', 'coercion', 'conflict', 'mobilisation']);
const FUTURE =
  /\b(?:would|will|'ll|shall|could|might|may(?! have\b)|(?:is|are|was|were) (?:set|poised|about) to|plans? to|planned to|planning to|intends? to|intended to|(?:is|are|was|were) going to|vow(?:s|ed|ing)? to|(?:pledg|promis)(?:e|es|ed|ing) to|swore to|sworn to|ready to|prepared to|(?:is|are|was|were) (?:considering|mulling|weighing|contemplating))(?: [a-z-]+){0,3} $/;
/** Before a coercive cue: only a threat can make it conditional ("if Y does not withdraw"); after it, an "unless" or "if" clause. */
const ULTIMATUM = /^[^;]{0,80}?\b(?:unless|if (?:[^\s.;]+ ){0,4}?(?:not|fails?|refuses?|continues?|does|do|did))\b/;

export function announcedThreat(folded: string, sentence: Sentence, cue: CueMatch, knownTypes: Set<string>): boolean {
  if (!knownTypes.has('threat')) return false;
  const before = folded.slice(Math.max(sentence.start, cue.start - 40), cue.start);
  if ((COERCIVE.has(cue.type) || /^(?:boycott|veto)/.test(cue.text)) && FUTURE.test(before)) return true;
  // "they will take to the streets unless ...": a protest announced on a condition threatens one (CAMEO 133)
  return cue.type === 'protest' && /\b(?:will|would)\b/.test(before) && ULTIMATUM.test(folded.slice(cue.end, sentence.end));
}

/** Cooperative or yielding deeds that, announced as intended, are a commitment (CAMEO 03) and not yet the deed. */
const COOPERATIVE = new Set(['concession', 'retreat', 'aid', 'cooperation', 'meeting', 'visit', 'support', 'agreement', 'mediation']);
const INTENT = /\b(?:agree[sd]?|agreeing|decid(?:e|es|ed|ing)|plans?|planned|planning|intends?|intended|promis(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|vow(?:s|ed)?|ready|willing|prepared|offer(?:s|ed)?|hop(?:e|es|ed)|undert(?:ake|akes|ook)|commit(?:s|ted)? (?:itself |themselves )?|will|would|'ll|shall)(?: (?:also|now|soon|then|immediately|to|be|be able to|seek to|try to))*(?: [a-z-]+)? $/;

export function intendedCommitment(folded: string, sentence: Sentence, cue: CueMatch, knownTypes: Set<string>): boolean {
  if (!knownTypes.has('commitment') || !COOPERATIVE.has(cue.type)) return false;
  return INTENT.test(folded.slice(Math.max(sentence.start, cue.start - 40), cue.start));
}
