/**
 * Relation cues: the words that signal a relation, and how each maps to a
 * relation type of the dataset and says which side acts. Patterns are written
 * against folded text (lower case, no diacritics) and are about English news
 * prose in general, not about any one article.
 *
 * `frame` says where subject and object are:
 * - `directed`: subject before the cue, object after ("X accused Y"); in the
 *   passive ("Y was accused by X") the two swap.
 * - `symmetric`: the parties on both sides, or a list before the cue ("X and Y met").
 * - `membership`: "X is a member of Y along with A, B": every listed state is a member.
 * - `reverse`: the object before, the subject after ("with the support of X",
 *   "a deal sponsored by X", "the region is part of X").
 * - `roster`: the organisation before, its members listed after ("Y, which includes
 *   A, B and C", "Y members are A and B").
 * - `prefix`: a demonym or name glued to the cue ("Russian-brokered", "Azerbaijani
 *   incursions"): the subject is right before, the object after.
 * - `patient`: a predicate said of the object by a speaker before it ("X said Y was
 *   responsible for ...", "X warned that Y would pay a heavy price"): the actor before
 *   the cue is the object, the one who says so the subject.
 */

export type CueFrame = 'directed' | 'symmetric' | 'membership' | 'roster' | 'reverse' | 'patient';

export interface CueRule {
  type: string;
  re: RegExp;
  frame: CueFrame;
  /** How much the cue alone says (0..1). */
  weight: number;
}

export interface CueMatch {
  start: number;
  end: number;
  text: string;
  rule: CueRule;
  type: string;
  passive: boolean;
  /** Passive with no "by" agent ("was killed in ..."): the actor before it is what the cue happened to, and no doer is named. */
  agentless: boolean;
}

import { LEXICON_RULES } from './cue-lexicon';
import { cuePattern } from './inflect';

const w = cuePattern;

/** A deed announced for later ("will", "plans to", "agreed to"): aid after it is offered, not delivered. */
/** The same refused ("will not provide"): the modal stays before the cue, where the modality reads the negation. */
const FUTURE_AID_DENIED = "(?<=\\b(?:will|would|shall|could|can) (?:not|never) |\\b(?:won't|wouldn't|cannot|can't) )";
const FUTURE_AID = "(?:will|would|shall|'ll|(?:is|are|was|were) (?:to|set to|going to|due to|expected to|ready to|prepared to)|plans? to|planned to|intends? to|intended to|agreed to|agrees to|offered to|offers to|promised to|pledged to|vowed to)(?: (?:also|soon|now|immediately|further|continue to|help))?";

/** Phrases tuned by hand, before the broad lexicons (cue-lexicon.ts), so that on the same words their type wins. */
const TUNED_RULES: CueRule[] = [
  // accusation and criticism
  { type: 'accusation', frame: 'directed', weight: 0.8, re: w("accus(?:e|es|ed|ing|ation|ations)|blam(?:e|es|ed|ing)|criticis(?:e|es|ed|ing|m)|criticiz(?:e|es|ed|ing)|critical of|condemn(?:s|ed|ing|ation)?|denounc(?:e|es|ed|ing)|slamm?(?:s|ed)?|lambast(?:s|ed|ing)?|rebuk(?:e|es|ed)|castigat(?:e|es|ed)|chastis(?:e|es|ed)|censur(?:e|es|ed)|fault(?:s|ed)|pointed to|complain(?:s|ed)? about|complain(?:s|ed|ing)? (?:to|with) (?:[^\\s.;]+ ){1,3}?(?:about|over|of)|charged that|protest(?:s|ed|ing)? to|(?:held|holds|hold|holding) (?:[^\\s.;]+ ){1,3}?responsible|disapprov(?:e|es|ed)|deplor(?:e|es|ed)|indict(?:s|ed|ment of)?|lodg(?:e|es|ed) (?:an? )?(?:official |formal |strong )?protest (?:with|against)|charg(?:e|es|ed|ing) (?:[^\\s.;]+ ){0,2}?with|sued|su(?:e|es|ing)") },
  // "X said Y was responsible for the attack": what is said of Y accuses Y; "... Y would pay a heavy price" threatens Y
  { type: 'accusation', frame: 'patient', weight: 0.7, re: w("(?:was|were|is|are|had been|has been) (?:directly |solely |fully |ultimately )?(?:responsible|to blame) for|to blame\\b|(?:was|were|is|are|had been) (?:behind|guilty of)|(?:had|has|have) (?:repeatedly |deliberately |flagrantly |grossly |again )?(?:violated|breached|broken|interfered in|meddled in|provoked|sabotaged|failed to (?:fulfil|fulfill|honour|honor|meet|keep|respect|live up to|implement|abide by)|let (?:[^\\s.;]+ ){1,2}?down|sponsored terrorism|supported terrorism|harbou?red (?:terrorists|militants|rebels))|(?:was|were|is|are|amounted to|amounts to|amount to|constituted|constitutes) (?:an? |nothing less than |nothing short of )?(?:provocation|aggression|war crimes?|genocide|ethnic cleansing|terrorism|state terrorism|act of (?:aggression|terror(?:ism)?|war)|blatant violation|flagrant violation|gross violation)\\b|(?:was|were|is|are) (?:[a-z]+ly )?(?:interfering in|meddling in|sabotaging|sponsoring terrorism|supporting terrorism|harbou?ring (?:terrorists|militants|rebels))") },
  { type: 'threat', frame: 'patient', weight: 0.7, re: w("(?:would|will|could|shall) (?:have to |soon )?(?:pay (?:a |the )?(?:[a-z]+ )?price|pay dearly|(?:mean|lead to|trigger|spark|provoke) (?:a |an )?(?:all-out |full-scale )?war\\b|(?:face|suffer) (?:[^\\s.;]+ ){0,2}?(?:consequences|retaliation|reprisals?|punishment|sanctions|action|force|attack|war)|(?:come to |live to )?regret|be (?:severely |harshly )?(?:crushed|destroyed|punished|wiped out|annihilated|eliminated|hit hard|dealt with)|be held (?:[a-z]+ )?responsible|not go unanswered|not go unpunished)|(?:was|were|is|are) playing with fire|(?:faces|facing|faced) (?:possible |the threat of |new |fresh |tough |international |u\\.n\\. )?(?:sanctions|expulsion|suspension|punishment|retaliation|military action|isolation)") },
  // "said it would restart the reactor unless Washington resumed shipments": a deed announced on a condition the other must meet
  { type: 'threat', frame: 'directed', weight: 0.6, re: w("(?:would|will|shall|could|may)(?= (?:not )?[a-z]+ (?:[^\\s.;,]+ ){0,8}?unless\\b)") },
  // "Israel must stop the raids, Mubarak said": what one is told one must do, said of it by a speaker
  { type: 'demand', frame: 'patient', weight: 0.5, re: w("(?:must|should|has to|have to|needs to|need to|ought to)(?= (?!be\\b|have\\b))") },
  // ceasefire calls come before demands so the more precise type wins on the same words
  { type: 'ceasefire_call', frame: 'directed', weight: 0.75, re: w("call(?:s|ed)? for (?:an? )?(?:immediate )?(?:ceasefire|cease-fire|truce|end to (?:the )?(?:fighting|hostilities|clashes|violence|war))|(?:urg(?:e|es|ed)|call(?:s|ed)? (?:up)?on) (?:\\w+ ){0,4}to (?:agree|commit) (?:to |on |upon )?(?:an? |the )?(?:immediate |humanitarian |lasting |permanent |unconditional |full )?(?:ceasefire|cease-fire|truce)|urg(?:e|es|ed) (?:\\w+ ){0,4}to (?:cease fire|stop fighting|halt (?:the )?(?:fighting|hostilities)|respect (?:the )?(?:ceasefire|truce)|observe (?:the )?(?:ceasefire|truce)|comply with (?:the )?(?:ceasefire|truce))|(?:stressed|underlined|emphasi[sz]ed) the need (?:for (?:both|all) (?:sides|parties) )?to (?:\\w+ ){0,3}(?:comply with|observe|respect) the (?:ceasefire|truce)") },
  { type: 'mediation', frame: 'reverse', weight: 0.65, re: w("(?:brokered|mediated|sponsored|facilitated) by") },
  { type: 'support', frame: 'reverse', weight: 0.6, re: w("with (?:the )?(?:[^\\s.;]+ )?(?:support|backing|help|assistance) (?:of|from)|(?:supported|backed) by") },
  { type: 'territory', frame: 'reverse', weight: 0.6, re: w("(?:is|was|are|were|remains?|remained) (?:a |an )?(?:[^\\s.;]+ ){0,2}?(?:part|province|region) of|(?:is|was|lies|lay|located) (?:inside|within)|under (?:the )?(?:effective |full )?(?:[^\\s.;]+ )?control of") },
  { type: 'mediation', frame: 'directed', weight: 0.7, re: w("mediat(?:e|es|ed|ing|ion)|-mediated|-brokered|brokered|broker(?:s|ing)?|sponsor(?:ed)? talks|facilitat(?:e|ed) (?:the )?talks") },
  // requests for aid and treaty invocations (before demand)
  { type: 'request_aid', frame: 'directed', weight: 0.75, re: w("(?:ask(?:s|ed)?|request(?:s|ed)?|appeal(?:s|ed)? to|turn(?:s|ed)? to|sought|seek(?:s|ing)?|call(?:s|ed)? on) (?:[^\\s.;]+ ){0,12}?(?:for |to provide |to send )?(?:military |security |urgent |international )?(?:aid|assistance|help|protection|intervention|peacekeepers|support)|request(?:s|ed)? (?:military |security )?(?:aid|assistance|help)|invok(?:e|es|ed|ing) (?:article|the treaty|its treaty|clause)|(?:ask(?:s|ed)?|request(?:s|ed)?) (?:[^\\s.;]+ ){0,8}?to take action") },
  { type: 'demand', frame: 'directed', weight: 0.65, re: w("demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed)? (?:on|upon)|press(?:es|ed)? (?:for|to)|insist(?:s|ed)? (?:on|that)|ask(?:s|ed)? (?:[^\\s.;]+ ){0,4}?to|request(?:s|ed)?|appeal(?:s|ed)? to|order(?:s|ed)? (?:[^\\s.;]+ ){0,3}?to|told (?:[^\\s.;]+ ){0,3}?to|applied to|call(?:s|ed|ing)? for|sought|seek(?:s|ing)?|plead(?:s|ed)? with|petition(?:s|ed)?|lobb(?:y|ies|ied) (?:[^\\s.;]+ ){0,2}?(?:for|to)|pressur(?:e|es|ed|ing) (?:[^\\s.;]+ ){0,3}?to|push(?:es|ed|ing)? (?:hard )?for") },
  // "X said Y must ...": a demand on Y, wherever the saying verb is
  { type: 'demand', frame: 'directed', weight: 0.55, re: w("(?:said|says|declared|insisted|stated|reiterated|stressed|concluded|demanded|announced|argued|maintained|added|told [^\\s.;]+|made clear|wrote)(?: on [^\\s.;]+| [a-z]+day| today)?(?: that)? (?:[^\\s.;]+ ){0,10}?(?:must|should|has to|have to|needs to|need to)") },
  { type: 'threat', frame: 'directed', weight: 0.75, re: w("threat(?:en|ens|ened|ening|s)?|warn(?:s|ed|ing)?|ultimatum|(?:vow|pledg|swear|swore|promis)(?:s|ed|e|es|ing|n)? (?:to )?(?:retaliat\\w*|revenge|aveng\\w*|punish|crush|destroy|respond|strike back|hit back|kill|attack|fight|wipe out|eliminate|annihilate|wage war|strike|bomb|invade|shoot down|sink|liberate|recapture|retake|smash|defeat)|wip(?:e|es|ed|ing) (?:[^\\s.;]+ ){1,3}?off the (?:map|face of the earth)|(?:will|would|shall|could|may|might|'ll) (?:not hesitate to |be forced to |have to )?(?:strike|target|bomb|hit) (?:back at |at )?|(?:will|would|shall|could) (?:respond|react|retaliate|reply|hit back) (?:[a-z]+ly )?(?:to|against) (?:any|an?|such|further|future)|(?:consider|weigh|contemplat|mull|threaten|prepar|plan)(?:s|ed|ing|e|es|ning|ned)? (?:[^\\s.;]+ ){0,2}?(?:military action|military strikes?|use of force|an attack|air strikes|retaliation|reprisals) (?:against|on)|(?:readiness|willingness|determination) to (?:use force|fight|go to war|strike|attack|retaliate)|(?:plan(?:s|ned|ning)?|prepar(?:e|es|ed|ing)|consider(?:s|ed|ing)|threaten(?:s|ed|ing)?|mov(?:e|es|ed|ing)) to (?:impose|slap) (?:[^\\s.;]+ ){0,2}?(?:sanctions|restrictions|tariffs|an embargo)|not hesitate to|menac(?:e|es|ed|ing)|intimidat(?:e|es|ed|ing|ion)") },
  { type: 'denial', frame: 'directed', weight: 0.7, re: w("den(?:y|ies|ied|ying) (?:the )?(?:[^\\s.;]+ ){0,3}?(?:accusation|allegation|claim|charge|report|criticism)s?|dismiss(?:es|ed)? (?:the )?(?:[^\\s.;]+ ){0,3}?(?:accusation|allegation|claim|charge)s?|rejected (?:the )?(?:[^\\s.;]+ ){0,3}?(?:accusation|allegation|claim|charge|criticism)s?") },
  // "said it would not withdraw its troops", "ruled out talks with Y": a refusal to yield or to talk is a rejection (CAMEO 12),
  // not a negated commitment; the troops are in the cue so that the withdrawal's own cue does not outrun it
  { type: 'rejection', frame: 'directed', weight: 0.65, re: w("(?:(?:will|would|shall|could|can) not|won't|wouldn't|cannot|can't|(?:has|have|had) no (?:intention|plans?) of|vow(?:s|ed)? not to) (?:ever |agree to |consider )?(?:withdraw(?:ing)?|pull(?:ing)? (?:out|back)|retreat(?:ing)?|back(?:ing)? down|giv(?:e|ing) up|ced(?:e|ing)|surrender(?:ing)?|hand(?:ing)? over|negotiat(?:e|ing) with|talk(?:ing)? to|recogni[sz](?:e|ing)|accept(?:ing)?|bow(?:ing)? to|yield(?:ing)? to|return(?:ing)? to (?:the )?(?:talks|negotiating table))(?: (?:its |their |the |his )?(?:[^\\s.;]+ ){0,2}?(?:troops|forces|soldiers|units|them)(?: from)?)?|rul(?:e|es|ed|ing) out (?:any |all |further )?(?:[a-z-]+ )?(?:talks|negotiations|dialogue|withdrawal|compromise|concessions?|ceasefire|truce|meeting)(?: with)?") },
  { type: 'rejection', frame: 'directed', weight: 0.7, re: w("reject(?:s|ed|ing|ion)?|veto(?:es|ed|ing)?|dismiss(?:es|ed)|refus(?:e|es|ed|ing)|turn(?:s|ed)? down|declin(?:e|es|ed) to|repudiat(?:e|es|ed)|rebuff(?:s|ed)?|spurn(?:s|ed)?|boycott(?:s|ed)?|declar(?:e|es|ed) independence from|oppos(?:e|es|ed|ing)|defy|defie[sd]|defying|reneg(?:e|es|ed|ing) on|back(?:s|ed)? out of") },
  { type: 'revocation', frame: 'directed', weight: 0.7, re: w("revok(?:e|es|ed|ing)|revocation|strip(?:s|ped)? (?:[^\\s.;]+ ){0,4}?(?:status|membership|of)|depriv(?:e|es|ed|ing) (?:[^\\s.;]+ ){0,4}?(?:of )?(?:its |their )?(?:observer )?status|suspend(?:s|ed)? (?:[^\\s.;]+ ){0,3}?membership|expel(?:s|led|ling)?|expulsion of|sanction(?:s|ed|ing)?|impos(?:e|es|ed) sanctions|(?:halt|suspend|cut|freez|froze|reduc|withh[eo]ld)(?:s|ed|e|es|ing|en)? (?:off )?(?:all |its |their )?(?:[^\\s.;]+ ){0,2}?(?:aid|assistance|supplies|funding|loans|credits)(?: to| for)?|forc(?:e|es|ed|ing) (?:(?!(?:pulled|pull|pulls|moved|withdrew|were|are|have|had|retreated|pushed)\\b)[^\\s.;]+ ){0,5}?out of|sever(?:s|ed)? (?:diplomatic )?(?:ties|relations)|recall(?:s|ed)? (?:its |their )?ambassador") },
  { type: 'support', frame: 'directed', weight: 0.6, re: w("support(?:s|ed|ing)?|back(?:s|ed|ing)|-backed|endors(?:e|es|ed|ing)|prais(?:e|es|ed|ing)|thank(?:s|ed|ing)?|welcom(?:e|es|ed|ing)|hail(?:s|ed)?|applaud(?:s|ed)?|commend(?:s|ed)?|solidarity with|apologi[sz](?:e|es|ed|ing) to|congratulat(?:e|es|ed|ing)|sid(?:e|es|ed) with|stood by|stand(?:s)? by|recogni[sz](?:e|es|ed) (?:the )?(?:independence|sovereignty)") },
  // "offered to mediate": an intent to mediate (CAMEO 039, PLOVER AGREE) is a commitment, made to the parties, not material aid
  { type: 'commitment', frame: 'directed', weight: 0.6, re: w("offer(?:s|ed|ing)? to (?:mediate|broker)|offer(?:s|ed|ing)? (?:its |their )?(?:good offices|mediation)") },
  { type: 'aid_offer', frame: 'directed', weight: 0.6, re: w("offer(?:s|ed|ing)?(?! from| of (?:talks|dialogue|negotiations)) (?:to |its |their )?(?:help|assist|aid|assistance|support|mediate|troops|weapons|protection)?|promis(?:e|es|ed) (?:to )?(?:help|aid|assistance|support)|pledg(?:e|es|ed) (?:[^\\s.;]+ ){0,3}?(?:aid|assistance|support|help)|vow(?:s|ed)? to (?:help|defend(?! (?:itself|themselves|himself|herself)\\b)|protect|support)|agree(?:s|d)? to (?:provide|supply|send|deliver|hand over|give)|will take measures|(?:will|would|to) (?:provide|send|supply|deliver|give) (?:[^\\s.;]+ ){0,6}?(?:aid|assistance|weapons|troops|arms|loans?|supplies)" +
      // aid still to come is offered, not given (CAMEO 033, PLOVER AGREE): "will provide Ukraine with air defence systems",
      // "would give Poland 50 million marks", "pledged 500 million euros in aid to Ukraine"
      `|(?:${FUTURE_AID} |${FUTURE_AID_DENIED})(?:provide|supply|equip|furnish|arm|re-?arm) (?:[^\\s.;]+ ){1,5}?with` +
      `|(?:${FUTURE_AID} |${FUTURE_AID_DENIED})(?:provide|send|supply|deliver|give|grant|donate|lend|ship|transfer|disburse|allocate|earmark) (?:[^\\s.;]+ ){0,6}?(?:million|billion|tons|tonnes|doses|aid|assistance|weapons|arms|ammunition|equipment|systems|vehicles|tanks|jets|aircraft|helicopters|missiles|drones|loans?|credits?|grants?|funds|funding|food|medicines?|vaccines?|supplies|fuel)\\b` +
      `|pledg(?:e|es|ed|ing) (?:[^\\s.;]+ ){0,6}?(?:million|billion) (?:[^\\s.;]+ ){0,4}?(?:in|of|for|to)\\b`) },
  // aid given, not offered (CAMEO 07, PLOVER AID): "provided intelligence to Y", "sent food aid to Y", "granted asylum to Y's rebels"
  { type: 'aid', frame: 'directed', weight: 0.6, re: w("(?<!\\b(?:will|would|to|shall|could|may|might|must|should|not|never) )(?:provid|deliver|suppl|sen|sent|ship|shipp|airlift|airdropp|donat|gave|giv|grant|hand|rush|truck|ferr|fl[eo]w|channel)(?:ed|es|e|s|ing|ied|ies|y|t|n)? (?!(?:over |in )?(?:all )?(?:their|its|his) (?:arms|weapons|guns))(?:[^\\s.;]+ ){0,6}?(?:aid|assistance|food|medicines?|drugs|vaccines?|medical supplies|relief|weapons|arms|ammunition|intelligence|loans?|credits?|funds|money|cash|supplies|goods|shelter|fuel|oil|equipment|photographs|rice|wheat|grain|flour|fertili[sz]ers?|seeds|tents|blankets|water|helicopters|tanks|aircraft|missiles|rifles|guns) (?:to|for)|(?:grant|gave|giv|offer)(?:ed|es|e|s|ing)? (?:political )?asylum to|(?:grant|gave|giv)(?:ed|es|e|s|ing)? (?:[^\\s.;]+ ){1,4}?(?:political )?asylum\\b|(?<!\\b(?:will|would|to|shall|could|may|might|must|should|not|never) )(?:gave|gives|giving|granted|grants|granting|sent|sends|sending) (?:[^\\s.;]+ ){1,4}?(?:military|economic|financial|humanitarian|food|medical|emergency|development) (?:aid|assistance|relief|help)\\b|(?:grant|gave|giv)(?:ed|es|e|s|ing)? (?:political asylum|refugee status|sanctuary|safe haven|refuge) to|took in (?:[^\\s.;]+ ){0,3}?refugees") },
  // a commitment to act (CAMEO 03, PLOVER AGREE): "agreed to withdraw from Y", "is willing to meet Y", "will allow Y's
  // inspectors", "accepted Y's plan". The deed it announces is embedded (clauses.ts), so it is not read as done.
  { type: 'commitment', frame: 'directed', weight: 0.6, re: w("agree(?:s|d)? to|agreeing to|agree(?:s|d|ing)? with (?:[^\\s.;]+ ){1,5}?to\\b|pledg(?:e|es|ed|ing) to|promis(?:e|es|ed|ing) to|vow(?:s|ed|ing)? to|(?:is|are|was|were|be|been|declared (?:itself|themselves)) (?:now |still |also )?(?:willing|ready|prepared) to|(?:will|would) (?:now )?(?:allow|permit|accept|release|free|lift|ease|resume|return|hand over|reopen)|accept(?:s|ed|ing)? (?:the |a |an |its |their )?(?:[^\\s.;]+ ){0,3}?(?:plan|proposal|formula|offer|terms|mediation|deal|invitation|conditions|resolution|settlement|ceasefire|truce)") },
  { type: 'agreement', frame: 'symmetric', weight: 0.7, re: w("(?:sign|ratif(?:y|ies|ied|ying))(?:s|ed|ing)? (?:an? |the )?(?:[^\\s.;]+ ){0,3}?(?:agreement|accord|deal|treaty|pact|memorandum|declaration|statement|convention|protocol)s?|(?:sign|ratif(?:y|ies|ied|ying))(?:s|ed|ing)? (?:several|two|three|four|five|a number of|a series of|a raft of|\\d+) (?:[^\\s.;]+ ){0,3}?(?:agreements|accords|deals|treaties|pacts|memorandums|memoranda|protocols)|reach(?:es|ed)? (?:an? )?(?:[^\\s.;]+ ){0,2}?(?:agreement|deal|accord)|conclud(?:e|es|ed) (?:an? )?(?:[^\\s.;]+ ){0,2}?(?:agreement|deal|treaty)|agree(?:s|d)? (?:on|upon)|agreement between|peace deal|truce accord|ceasefire agreement") },
  { type: 'meeting', frame: 'symmetric', weight: 0.75, re: w("met|meet(?:s|ing)?(?: with)?|held talks|hold talks|talks with|spok(?:e|en) (?:by (?:tele)?phone )?(?:with|to)|(?:spoke|spoken|speak|speaks|talked|talk|talks|chatted) (?:by (?:tele)?phone|over the (?:tele)?phone|on the (?:tele)?phone)|(?:held|hold|holds|holding|had|have|has) (?:a )?(?:tele)?phone (?:talks|conversation|call)|speak(?:s)? (?:with|to)|phoned|telephoned|phone (?:call|conversation|talk)s? with|phone calls?|telephone (?:call|conversation)s?|(?:peace )?talks between|negotiations between|dialogue between|conferred|discuss(?:ed|es)|negotiat(?:e|es|ed|ing|ions)|consult(?:s|ed|ations)") },
  { type: 'visit', frame: 'directed', weight: 0.7, re: w("visit(?:s|ed)?|(?<!\\b(?:the|a|an) )visiting|arriv(?:e|es|ed) in|travel(?:l?ed|s)? to|trip to|tour(?:s|ed)|attend(?:s|ed)") },
  // "Egypt hosted talks between Israel and Hamas": the host of others' talks mediates between them (CAMEO 045, PLOVER
  // CONSULT), and "talks between" stays the parties' meeting; only "hosted" is the cue, so the meeting cue after it is kept
  { type: 'mediation', frame: 'directed', weight: 0.65, re: w("(?:host(?:s|ed|ing)?|play(?:s|ed|ing)? host to|conven(?:e|es|ed|ing)|organi[sz](?:e|es|ed|ing))(?= (?:an? |the |new |fresh |indirect |direct |peace |first |another |two days of |a round of |a new round of |[a-z-]+ )*(?:talks|negotiations|consultations|meetings?|summit|peace conference) (?:between|of|involving)\\b)") },
  // "Israel and Jordan established diplomatic relations": ties set up between the two (CAMEO 05 diplomatic cooperation)
  { type: 'support', frame: 'symmetric', weight: 0.6, re: w("(?:establish|restor|normali[sz]|resum|re-establish|reestablish|upgrad)(?:e|es|ed|ing)? (?:full |formal |normal )?(?:diplomatic |bilateral )?(?:ties|relations)(?! with)|exchang(?:e|es|ed|ing) ambassadors") },
  { type: 'alliance', frame: 'symmetric', weight: 0.6, re: w("(?:form|forg|creat|establish|found)(?:ed|s|ing|e|es)? (?:an? |the )?(?:new |military |defen[cs]e |strategic |security )?(?:alliance|axis)") },
  // a leader who quits yields (CAMEO 0831, accede to demands for a change of leadership)
  { type: 'concession', frame: 'directed', weight: 0.55, re: w("resign(?:s|ed|ing)?(?! (?:from|as) (?:the )?(?:[a-z-]+ )?(?:club|team|company|firm|board))|st(?:ep|eps|epped|epping|ood|and|ands|anding) down") },
  // "X hosted Y": Y is the visitor, so the host after the subject is the object of a visit read backwards
  { type: 'visit', frame: 'reverse', weight: 0.65, re: w("host(?:s|ed|ing)|play(?:s|ed)? host to|welcom(?:e|es|ed|ing) (?:[^\\s.;]+ ){0,3}?to (?:the capital|its capital)") },
  { type: 'conflict', frame: 'symmetric', weight: 0.65, re: w("clash(?:es|ed)?|fighting between|war (?:between|with|against)|hostilities|fought|skirmish(?:es)?|battl(?:e|es|ed)|conflict (?:between|with)|armed clash|exchang(?:e|es|ed|ing) (?:heavy |artillery |mortar |machine-gun )?(?:fire|gunfire|shots|shelling)|gun ?battles?|firefights?|locked in (?:an? )?(?:[^\\s.;]+ )?(?:conflict|war|dispute)|at war") },
  { type: 'attack', frame: 'directed', weight: 0.75, re: w("attack(?:s|ed|ing)?|shell(?:s|ed|ing)|bomb(?:ed|ing)|(?<!\\b(?:of|the|a|an|their|its|his|her|with|planted|exploded|detonated|set off|defused|found|two|three|four|five|several|many|dozens of|which|whose) )bombs|bombard(?:s|ed|ment)?|air ?strikes? (?:on|against)|strik(?:e|es) on|struck|invad(?:e|es|ed)|invasion(?: of)?|incursions?(?: into)?|advanc(?:e|es|ed) (?:[^\\s.;]+ ){0,3}?(?:into|on)|breach(?:es|ed)|occup(?:y|ies|ied|ation)|fir(?:e|es|ed) (?:on|at)|raid(?:s|ed)?|offensive against|assault(?:s|ed)?|ambush(?:es|ed)?|aggression (?:against|on|toward)|beat(?:s|en)? up|beat|tortur(?:e|es|ed|ing)|(?<!\\bthe )wound(?:s|ed|ing)|captur(?:e|es|ed)|retak(?:e|es|en)|retook|overr(?:an|un)|seiz(?:e|es|ed)|storm(?:s|ed)|massacr(?:e|es|ed)|assassinat(?:e|es|ed)|execut(?:e|es|ed)|kill(?:s|ed|ing)|shot") },
  // people who block roads protest (CAMEO 1413 obstruct passage, PLOVER PROTEST); troops or a state blocking them blockade.
  // Before the blockade rule, so the same words by civilians read as protest.
  { type: 'protest', frame: 'directed', weight: 0.55, re: w("(?<=(?:protesters|demonstrators|workers|students|farmers|miners|strikers|villagers|residents|truckers|drivers|supporters|youths|[a-z]+ans|[a-z]+is|[a-z]+ese) (?:[^\\s.;]+ ){0,3}?)(?<!(?:troops|forces|soldiers|police|army|military|authorities|government|officials|militants|rebels|guerrillas) )block(?:s|ed|ing) (?:the |a |main |major )*(?:[^\\s.;]+ ){0,2}?(?:roads?|highways?|streets?|bridges?|railways?|railroads?|border crossings?)") },
  { type: 'blockade', frame: 'directed', weight: 0.7, re: w("blockad(?:e|es|ed|ing)|block(?:s|ed|ing) (?:the )?(?:[^\\s.;]+ ){0,2}?(?:road|corridor|route|access|border|passage)|cut (?:off )?(?:the )?(?:access|supplies|supply|road|route|gas)|clos(?:e|es|ed|ing) (?:off )?(?:the |its |their )?(?:[^\\s.;]+ )?(?:border|borders|frontier|corridor|road|airspace|crossings?|ports?|strait|waterway|sea lanes)|seal(?:s|ed|ing)? off|embargo(?:es|ed)?|siege of|besieg(?:e|es|ed)") },
  { type: 'mobilisation', frame: 'directed', weight: 0.6, re: w("mobili[sz](?:e|es|ed|ing|ation)|(?:military|large-scale|joint|naval) (?:exercises|drills|maneuvers|manoeuvres)|war games|mass(?:es|ed) (?:troops|forces)|deploy(?:s|ed)? (?:[^\\s.;]+ ){0,2}?(?:troops|forces|soldiers|tanks|missiles)|(?:put|placed) (?:[^\\s.;]+ ){0,3}?on (?:high |full )?alert|rais(?:e|es|ed) (?:the )?alert|on (?:high |full )?alert|(?:strengthen|reinforc|boost|build)(?:s|es|ed|ing)? (?:up )?(?:its|their) (?:forces|troops|military presence)") },
  { type: 'concession', frame: 'directed', weight: 0.6, re: w("conced(?:e|es|ed)|concessions? to|yield(?:s|ed)? to|hand(?:s|ed)? over|gave up|call(?:s|ed)? off|cede(?:s|d)?|relinquish(?:es|ed)?|lift(?:s|ed)? (?:a |the |its )?(?:[^\\s.;]+ ){0,2}?(?:curfew|state of emergency|ban|embargo|sanctions|restrictions)|eas(?:e|es|ed) (?:[^\\s.;]+ ){0,2}?(?:restrictions|measures|curfew|sanctions)|accept(?:s|ed)? (?:the )?demands") },
  // demonstrations and strikes aimed at someone (CAMEO 14); a formal protest lodged with a government stays an accusation.
  // After "protesters" only the preposition is the cue (a look-behind), so "Armenian protesters" stays a mention, the doer.
  { type: 'protest', frame: 'directed', weight: 0.6, re: w("protest(?:s|ed|ing)? (?:against|over)|in protest (?:against|at|of|over)|demonstrat(?:e|es|ed|ing|ions?) (?:against|outside|in front of)|(?:rall(?:y|ies|ied)|march(?:es|ed)?|picket(?:s|ed)?) (?:against|outside|on)|(?:staged?|held|hold|organi[sz]ed) (?:an? )?(?:[^\\s.;]+ ){0,2}?(?:protests?|demonstrations?|rall(?:y|ies)|strikes?|sit-ins?|marches|march)|hunger strike|took to the streets|demonstrat(?:ed|ing)(?! (?:its|their|his|her|that|the|a|an|how|what|support|solidarity)\\b)|demonstrations? (?:in|at|across|throughout)|(?:march(?:ed|ing)?|rall(?:ied|ying)) (?:through|in|on|to)|(?:a |mass )?rall(?:y|ies) in|(?:went|go|are|were) on (?:a )?(?:hunger )?strike|(?:strike|walkout)s? (?:in|over)|(?:continu|end)(?:e|es|ed|ing) (?:a |their |its )?(?:hunger )?strike|to protest(?: against| over)?|in protest|sit-ins?|(?:gathered|assembled) (?:outside|in front of)|(?<=(?:protesters|demonstrators) (?:[^\\s.;]+ ){0,2}?)(?:against|outside|demanding)") },
  // arrests, bans, curfews, expulsions of people, seizures and crackdowns short of armed attack (CAMEO 17)
  { type: 'coercion', frame: 'directed', weight: 0.65, re: w("arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|detention of|imprison(?:s|ed|ing)?|jail(?:s|ed|ing)?|round(?:s|ed)? up|deport(?:s|ed|ing)?|deportation of|extradition of|ban(?:s|ned|ning)? (?:[^\\s.;]+ ){0,3}?(?:from|on)|outlaw(?:s|ed)?|impos(?:e|es|ed|ing) (?:an? )?(?:[^\\s.;]+ )?(?:curfew|state of emergency|martial law|restrictions)|crack(?:s|ed)? down on|crackdown on|demolish(?:es|ed|ing)?|bulldoz(?:e|es|ed|ing)|confiscat(?:e|es|ed|ing)|expropriat(?:e|es|ed)|disperse(?:s|d)? (?:[^\\s.;]+ ){0,2}?(?:protesters|demonstrators|crowds?|rall(?:y|ies))|prevent(?:s|ed)? (?:[^\\s.;]+ ){0,2}?(?:demonstrations?|protests?|rall(?:y|ies)|march)|abduct(?:s|ed)|kidnapp?(?:s|ed)|took (?:[^\\s.;]+ ){0,3}?hostage|hack(?:s|ed|ing)? into|defac(?:e|es|ed|ing)|cyber ?attacks? (?:on|against)") },
  // troops pulled back, demobilised or withdrawn, and other de-escalation (CAMEO 087); persons released and sieges lifted
  // (CAMEO 0841, 0872), which PLOVER files under RETREAT and not under CONCEDE
  { type: 'retreat', frame: 'directed', weight: 0.65, re: w("releas(?:e|es|ed)(?! (?:a |an |the |its |their |his |her )?(?:[a-z-]+ )?(?:statement|report|video|details|figures|data|results|list|footage|document|photos?|images?|pictures|funds|money|tapes?|information|communique|text|names|album|book|budget|plan|findings|version|recording|letter)s?\\b)|freed|lift(?:s|ed)? (?:a |the |its )?(?:[^\\s.;]+ ){0,2}?(?:blockade|siege)|withdr(?:ew|aw|awn|aws|awing) (?!(?:its |their |the |all )?(?:[a-z-]+ )?(?:observers|monitors|inspectors|diplomats|ambassadors?|envoys?|peacekeepers|mediators|aid workers|staff)\\b)(?:[^\\s.;]+ ){0,3}?(?:from|out of)|withdrawal(?= of (?:[^\\s.;]+ ){0,3}?(?:troops|forces|soldiers|units) from)|declar(?:e|es|ed|ing) (?:an? )?(?:unilateral |immediate )?(?:ceasefire|cease-fire|truce)|(?:halt|suspend|stop|end)(?:s|ed|ing)? (?:its |their |the )?(?:[^\\s.;]+ )?(?:offensive|air ?strikes|bombing|shelling|military operations)|pull(?:s|ed|ing)? (?:[^\\s.;]+ ){0,3}?(?:back|out) (?:of|from)|pull-?out (?:of|from)|retreat(?:s|ed)? from|demobili[sz](?:e|es|ed|ing|ation)|(?:laid|lay|lays|laying) down (?:their |its )?(?:arms|weapons)|(?:hand|turn)(?:s|ed|ing)? in (?:their |its )?(?:arms|weapons)|surrender(?:s|ed)? (?:their |its )?(?:arms|weapons)|disarm(?:s|ed|ament of)|de-?escalat(?:e|es|ed|ion)|(?:lift(?:s|ed)?|end(?:s|ed)?|eas(?:e|es|ed)) (?:the |its )?(?:siege|blockade) of|hand(?:s|ed)? (?:back )?control (?:[^\\s.;]+ ){0,3}?to") },
  // practical cooperation, as opposed to talks (meeting) or a signed text (agreement) (CAMEO 06)
  { type: 'cooperation', frame: 'symmetric', weight: 0.6, re: w("(?:fight|fights|fought|fighting|battl(?:e|es|ed|ing)|serv(?:e|es|ed|ing)|operat(?:e|es|ed|ing)|patrol(?:s|led|ling)?|deployed|stationed) (?:[^\\s.;]+ ){0,5}?alongside|(?:in )?(?:close )?coordination with|cooperat(?:e|es|ed|ing|ion) (?:closely )?(?:with|between|on)|co-operat(?:e|es|ed|ing|ion) (?:with|between)|work(?:s|ed|ing)? (?:closely )?(?:together|with)|joint (?:[^\\s.;]+ )?(?:operations?|patrols?|investigation|venture|project)|shar(?:e|es|ed|ing) (?:[^\\s.;]+ ){0,2}?(?:intelligence|information|expertise|technology) with|extradit(?:e|es|ed|ing)|train(?:s|ed|ing)? (?:[^\\s.;]+ ){0,2}?(?:troops|forces|soldiers|police|officers)|partnership (?:with|between)") },
  { type: 'fact_finding', frame: 'directed', weight: 0.65, re: w("fact-finding|investigat(?:e|es|ed|ing|ion)|probe (?:into)?|inquiry into|monitoring mission|(?:sent|send|dispatch(?:ed)?) (?:an? )?(?:[^\\s.;]+ ){0,2}?mission to") },
  // a curfew, emergency rule or sanctions lifted or eased yield to those they bore on (CAMEO 081, 085; the PLOVER GSR codes
  // them CONCEDE), and "eased its arms embargo" is no embargo
  { type: 'concession', frame: 'directed', weight: 0.65, re: w("(?:lift|eas|end|relax|loosen|suspend|revok|rescind|scrap|drop)(?:s|ed|ing|e|es)? (?:a |an |the |its |their |all |some )?(?:[^\\s.;]+ ){0,3}?(?:curfews?|state of emergency|emergency rule|martial law|sanctions|embargo(?:es)?|boycott|blockade)") },
  // peacekeepers sent are peacekeeping (CAMEO 074, PLOVER AID), not forces mobilised
  { type: 'peacekeeping', frame: 'directed', weight: 0.65, re: w("(?:sen(?:t|d|ds|ding)|deploy(?:s|ed|ing)?|dispatch(?:es|ed|ing)?|contribut(?:e|es|ed|ing)|station(?:s|ed|ing)?) (?:[^\\s.;]+ ){0,3}?(?:peacekeep(?:ers|ing (?:troops|forces|soldiers|contingents?|battalions?|units))|blue helmets) (?:to|in|into)") },
  { type: 'peacekeeping', frame: 'directed', weight: 0.65, re: w("peacekeep(?:ers|ing (?:forces|troops|mission|contingent))") },
  { type: 'membership', frame: 'membership', weight: 0.8, re: w("(?:is|are|was|were|as|remains?|becomes?|became) (?:a |an |the )?(?:full |founding )?members? (?:state |states |country |countries )?(?:of|in)|member states? of|joined(?! (?:[^\\s.;]+ ){1,5}?in (?:a |an |the |their |its )?(?:[a-z-]+ )?(?:[a-z]+ing|efforts?|operations?|campaigns?|search|exercises?|drills|patrols?|investigations?|projects?|venture|programmes?|programs?|initiatives?|fight|war|strikes|raids|attacks|appeals?|calls?|condemnation|criticism)\\b)|membership in|membership of") },
  { type: 'membership', frame: 'roster', weight: 0.75, re: w("(?:which |that )?(?:includes|included|comprises|comprising|consists of|consisting of|brings together|groups|unites)|members? (?:states |countries )?(?:are|were|include|included)") },
  { type: 'observer', frame: 'membership', weight: 0.75, re: w("observer status (?:in|at|with|to)|(?:is|are|as) (?:an? )?observers? (?:in|at|to)") },
  { type: 'alliance', frame: 'symmetric', weight: 0.6, re: w("all(?:y|ies) of|alliance (?:with|between)|allied with|strategic partners?") },
];

export const CUE_RULES: CueRule[] = [...TUNED_RULES, ...LEXICON_RULES];

const PASSIVE_BEFORE = /\b(?:was|were|is|are|been|being|be|has been|have been|had been|got|get)(?: (?:also|repeatedly|reportedly|publicly|sharply|strongly|widely|not|never))? $/;

/** Every cue in a folded sentence, longest first where two overlap. */
export function findCues(folded: string, knownTypes: Set<string>): CueMatch[] {
  const found: { start: number; end: number; text: string; rule: CueRule; order: number }[] = [];
  CUE_RULES.forEach((rule, order) => {
    if (!knownTypes.has(rule.type)) return;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(folded); m; m = rule.re.exec(folded)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], rule, order });
    }
  });
  // where cues overlap the longest wins ("rejected the criticism" is a denial, not a criticism); then the earlier rule
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order || a.start - b.start);
  const matches: CueMatch[] = [];
  for (const { start, end, text, rule } of found) {
    if (matches.some((other) => start < other.end && end > other.start)) continue;
    const passiveForm = PASSIVE_BEFORE.test(folded.slice(Math.max(0, start - 30), start)) && /^(?:[a-z]+ed|[a-z]+en|shot|struck|hit|held|met|beat|won|led|sent|caught)$/.test(text.split(' ')[0]);
    const passive = passiveForm && /^[^;.]{0,90}?\bby\b/.test(folded.slice(end, end + 100));
    // "the arrest of its citizens by X", "the withdrawal of troops by X": a nominalised cue with its doer after "by" reads like a passive
    const nominalBy = !passiveForm && /\b(?:the|its|their|his|her) $/.test(folded.slice(Math.max(0, start - 6), start)) && /^ of [^,;.]{0,60}?\bby\b/.test(folded.slice(end, end + 80));
    matches.push({ start, end, text, rule, type: rule.type, passive: passive || nominalBy, agentless: passiveForm && !passive });
  }
  return matches.sort((a, b) => a.start - b.start);
}
