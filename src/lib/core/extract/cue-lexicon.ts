/**
 * The broad cue lexicons: for each PLOVER category, the verbs (every inflection,
 * inflect.ts) and nominalisations that the CAMEO verb dictionaries and the PLOVER
 * codebook list for it, beyond the hand-tuned phrases of cues.ts. They come after
 * those rules in CUE_RULES, so where both match the same words the tuned rule's
 * type wins, and they weigh a little less, since a bare verb says less than a phrase.
 *
 * Kept to short spans (a verb and its particle, or a noun and its preposition): a
 * lexicon cue with a long gap would outrun the precise cues by length.
 */
import type { CueRule } from './cues';
import { cuePattern, verbs } from './inflect';

const w = cuePattern;
/** An optional word of time or manner between a verb and its particle ("called Thursday on", "urged again"). */
const WHEN = '(?: (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|again|also|repeatedly|publicly|formally|jointly))?';
const GAP2 = '(?:[^\\s.;]+ ){0,2}?';
const GAP3 = '(?:[^\\s.;]+ ){0,3}?';
/** A modal that puts a deed in the future: said of a coercive deed, the deed is threatened. */
const MODAL = "(?:will|would|shall|could|may|might|'ll|(?:is|are|was|were) (?:ready|prepared|set|poised|going|about) to|plans? to|planned to|threatens? to|threatened to)(?: (?:also|soon|then|immediately|not hesitate to|be forced to|have to))?";
/** Nouns for armed forces and their weapons, whose "hit" or "entered" is an armed act. */
const ARMED = '(?:troops|forces|soldiers|army|tanks|artillery|warplanes|jets|aircraft|helicopters|gunships|bombers|drones|missiles|rockets|shells|militiamen|fighters|guerrillas|rebels|units|navy|warships)';

export const LEXICON_RULES: CueRule[] = [
  // ACCUSE (CAMEO 11 disapprove, 112 accuse, 114 complain officially, 115 sue, 116 find guilty)
  {
    type: 'accusation',
    frame: 'directed',
    weight: 0.6,
    re: w(
      `${verbs('decry, assail, berate, reproach, scold, chide, admonish, reprimand, vilify, disparage, ridicule, deride, lambaste, blast, rap+, slam+, upbraid, convict, prosecute, allege, accuse, condemn, denounce, criticise, criticize, blame, deplore')}` +
        `|${verbs('lash out at, lash out against, hit out at/hitting, hit back at/hitting, take to task/took/taken/taking, complain of, complain about, complain that, object to, protest against')}` +
        // "questioned Russia's commitment": doubt cast on a party's good faith; the party stays outside the cue, its object
        `|question(?:s|ed|ing)?(?= (?:[^\\s.;]+ ){1,3}?(?:commitment|sincerity|credibility|legitimacy|motives|intentions|good faith|neutrality|impartiality|reliability)\\b)` +
        `|(?:accusations?|allegations?|charges|complaints?|lawsuits?|criticism|condemnation|denunciation) (?:against|of|that|about)` +
        // "responding to provocations by Armenian troops": calling the other side's deed a provocation is a charge against it
        `|(?:respond|react|retaliat)(?:s|ed|ing|e|es)? (?:to|against) (?:the |what (?:it|they) called |alleged |continued |repeated |new )?(?:[a-z-]+ )?(?:provocations?|aggression) (?:by|from)` +
        `|(?:express|voic)(?:e|es|ed|ing) ${GAP2}(?:concern|regret|dismay|outrage|anger|displeasure|disappointment|indignation|alarm|disapproval|protest)s?(?: (?:over|about|at|with))?` +
        `|found ${GAP3}guilty|(?:blamed|blames) ${GAP3}for|${verbs('brand')}(?= (?:[^\\s.;]+ ){0,6}?(?:as|an?)\\b)|(?:describ|label|dub)(?:e|es|ed|ing|s|bed|bing)? (?:[^\\s.;]+ ){0,6}?as (?:an? )?(?:[a-z-]+ )?(?:crime|aggression|provocation|violation|terrorist|terrorism|interference|unacceptable|illegal|illegitimate|irresponsible|criminal|genocide|war crime|barbaric|outrageous)|summon(?:s|ed|ing)? (?:the |its |their )?${GAP2}(?:ambassador|envoy|charge d'affaires|diplomats?)` +
        // "called the U.S. president a devil", "dubbed Iran a rogue state": a name that is a charge
        `|(?:call|calls|called|calling|dubb(?:ed|ing)|dubs|label(?:l?ed|l?ing|s)?) (?:[^\\s.;]+ ){1,4}?(?:an? |the )?["'“‘]?(?:[a-z-]+ )?(?:devil|satan|provocation|act of aggression|violation|war crime|crime|act of terror(?:ism)?|terrorist act|terrorists?|terrorist (?:state|regime|group)|rogue (?:state|regime)|criminals?|aggressors?|war criminals?|murderers?|killers|liars?|puppets?|fascists?|racists?|dictators?|tyrants?|thugs|butchers?|occupiers?|invaders?|enemy of)\\b`,
    ),
  },
  // ACCUSE/investigate (CAMEO 09): the investigator is the subject, the investigated the object
  { type: 'fact_finding', frame: 'directed', weight: 0.55, re: w(`${verbs('probe')}|(?:open|launch|start|order)(?:s|ed|ing)? ${GAP2}(?:investigations?|probes?|inquir(?:y|ies)) (?:into|against|of)|(?:put|placed) under investigation|${verbs('look into')}`) },
  // REQUEST (CAMEO 10 demand, 02 appeal)
  {
    type: 'demand',
    frame: 'directed',
    weight: 0.6,
    re: w(
      `${verbs('implore, beseech/besought, exhort, entreat, beg+, plead/pled, pressure, pressurise, pressurize, lobby, petition, importune')}` +
        `|call(?:s|ed|ing)?${WHEN} (?:on|upon)|${verbs('invite')} ${GAP3}to|${verbs('ask')}` +
        // "wants Israel to withdraw", "is pressing Lebanon to expel": the one asked stands between the verb and "to"
        `|(?:${verbs('want, wish, expect, press')}) (?:[^\\s.;]+ ){1,5}?to|${verbs('press')} for` +
        `|(?:propos|suggest|recommend)(?:e|es|ed|ing|s)? that|(?:made|make|makes|making|issued|issue|issues|renewed|renews|repeated|repeats|reiterated|reiterates|launched|launches) (?:an? |its |their )?${GAP2}(?:appeal|call|plea|request|demand)s?` +
        `|(?:appeals?|pleas?|requests?|demands?|calls?) (?:to|for|on|that)|appeal(?:ed|ing) for`,
    ),
  },
  // THREATEN (CAMEO 13): warnings, ultimatums, force announced, not ruled out
  {
    type: 'threat',
    frame: 'directed',
    weight: 0.65,
    re: w(
      `${verbs('menace, intimidate, brandish')}|ultimatums?|deadlines? (?:for|to)|(?:set|sets|setting|gave|give|gives|giving|issued|issues) ${GAP3}deadline` +
        `|or (?:else )?face ${GAP2}(?:consequences|sanctions|action|attack|retaliation|punishment|expulsion|war|force|reprisals)` +
        `|(?:will|would|shall|could|may) (?:not hesitate to |be forced to |have to )?(?:retaliate|strike back|hit back|respond (?:militarily|with force|forcefully|decisively|harshly|firmly)|use (?:military |armed )?force|go to war|take (?:military|punitive|retaliatory|decisive|tough|firm|strong|harsh) (?:action|measures|steps))` +
        `|(?:will|would|shall) (?:take|use) (?:all |any |every )?(?:necessary|appropriate|required|needed|possible) (?:measures|steps|action|means)|(?:will|would|shall) respond (?:strongly|decisively|appropriately|resolutely|in kind|accordingly)|(?:promis|vow|pledg|threaten)(?:e|es|ed|ing|s)? (?:an? )?(?:tough|harsh|strong|crushing|swift|decisive|firm|forceful|military|painful|fitting|severe|massive|resolute)? ?(?:response|retaliation|reply|revenge|reprisals?|punishment)|(?:there )?(?:will|would) be (?:serious |grave |severe |dire |unpleasant |far-reaching )?consequences|patience (?:is|was|has been) (?:running out|wearing thin|exhausted|at an end)|patience(?= with (?:[^\\s.;]+ ){1,3}?(?:is|was|has|had|has been|had been) (?:running out|run out|wearing thin|worn thin|exhausted|at an end)\\b)|(?:has|had) run out of patience(?: with)?|(?:will|would|shall) take (?:[a-z-]+ )?(?:steps|measures|action) against|(?:did|does|do|would|will|has|have|had) not rule out|(?:won't|wouldn't|didn't|doesn't|refused to|refuses to) rule out` +
        `|(?:gave|give|gives|giving) ${GAP2}(?:\\d+|[a-z]+)[- ](?:hours?|days?|weeks?) to|(?:gave|give|gives|giving) (?:[^\\s.;]+ ){1,3}?until` +
        `|(?:will|would|shall) not (?:tolerate|stand idly by|sit idly by|remain idle|stand by and watch)|reserv(?:e|es|ed|ing) (?:the|its|their) right to (?:respond|retaliate|defend|use force|take action)|all options (?:are|remain|were|remained) (?:still )?on the table|(?:is|are|was|were) (?:ready|prepared) to (?:respond|react|act|hit back|strike back)(?: (?:decisively |firmly |forcefully |harshly |resolutely |militarily )?(?:to any|to further|against|decisively|firmly|forcefully|harshly|resolutely))|(?:is|are|was|were) (?:ready|prepared) to (?:use force|fight|go to war|strike|attack|retaliate|respond militarily|take (?:military|armed|punitive|retaliatory) (?:action|measures))|(?:will|would|could|shall) (?:turn|reduce) (?:[^\\s.;]+ ){1,3}?(?:into|to) (?:an? )?(?:sea of fire|rubble|ashes|dust|a wasteland|wasteland|a graveyard)|(?:will|would|could|shall) wipe (?:[^\\s.;]+ ){1,3}?off the (?:map|face of the earth)|${verbs('caution')} ${GAP3}(?:against|that|not to)|(?:issu|sound)(?:e|es|ed|ing) (?:a |its |their )?${GAP2}warnings?` +
        // "vowed to step up attacks": violence promised goes on (CAMEO 138), not a commitment to cooperate
        `|(?:vow|pledg|swear|swore|sworn|promis)(?:e|es|ed|ing|s|n)? to (?:continue|step up|intensify|escalate|resume|keep up|press on with|expand) (?:the |their |its |his )?(?:[a-z-]+ )?(?:fighting|fight|attacks|war|struggle|jihad|campaign|resistance|offensive|strikes|bombings|insurgency|battle)|(?:vow|pledg|swear|swore|sworn|promis)(?:e|es|ed|ing|s|n)? to (?:hunt down|track down|take revenge|exact revenge|bring (?:[^\\s.;]+ ){1,3}?to justice|make (?:[^\\s.;]+ ){1,2}?pay|teach (?:[^\\s.;]+ ){1,2}?a lesson|root out|eradicate|expel|drive out|punish)|(?:will|would|shall) not (?:allow|permit|accept)(?= (?:[^\\s.;]+ ){1,4}?to\\b)|(?:hint|hints|hinted|hinting) at ${GAP2}(?:military action|force|sanctions|retaliation|war|reprisals)|(?:raise|raises|raised|raising) the (?:spectre|specter|prospect|threat) of|(?:reconsider|review|reassess|re-evaluate|rethink)(?:s|ed|ing)? (?:its |their |all )?(?:[a-z-]+ )?(?:aid|assistance|relations|ties|cooperation|support|funding|loans) (?:to|with|for)|(?:sabre|saber)[- ]rattling|dire consequences|(?:warning|warnings|threats?) (?:of|to|against|that)` +
        // coercion announced in words of its own: "would take countermeasures against", "any attack would be met with force",
        // "would intervene militarily", "had no choice but to use force", "put Y on notice" (CAMEO 13)
        `|${MODAL} (?:take|adopt|impose|introduce) (?:[a-z-]+ )?(?:countermeasures|counter-measures|(?:reciprocal|retaliatory|punitive|counter|tit-for-tat|mirror) (?:measures|steps|action))` +
        `|(?:would|will|shall) be (?:met|answered) with (?:an? )?(?:[a-z-]+ )?(?:force|response|retaliation|reprisals?|resistance|fire)|${MODAL} respond (?:with|by) (?:all |any |every )?(?:necessary |appropriate |military |armed )?(?:measures|means|force|action|steps)` +
        `|${MODAL} intervene(?: militarily)?|(?:no choice|no option|no alternative) but to (?:use force|retaliate|strike|attack|respond|go to war|take (?:military )?action|fight|act)` +
        `|${MODAL} fight (?:back|on|to the (?:end|death|last))|${MODAL} (?:raise|impose|slap|levy|introduce) (?:[^\\s.;]+ ){0,3}?(?:tariffs|duties|levies|an embargo|a ban|quotas)` +
        `|(?:put|puts|putting|placed) (?:[^\\s.;]+ ){1,3}?on notice|${MODAL} (?:punish|retaliate against|hit back at|take revenge on|avenge)\\b|${MODAL} use (?:the |its |their )?(?:army|military|troops|armed forces|tanks|air force|warplanes) against|${MODAL} bring (?:[^\\s.;]+ ){1,3}?to (?:its|their|his) knees` +
        `|${MODAL} respond (?:[^\\s.;]+ ){0,3}?(?:at (?:a|the) (?:time|place) (?:and place )?of (?:its|our|their) choosing|at the (?:appropriate|right|proper) time|in (?:an? |the )?(?:appropriate|proper|suitable) (?:manner|way|time))|all options (?:are|remain|were|remained) (?:still )?open` +
        // dissent announced (CAMEO 133): "said they would stage mass protests", "will go on strike"
        `|${MODAL} (?:stage|hold|organi[sz]e|launch|call|mount|step up|resume) (?:[a-z-]+ ){0,2}?(?:protests|demonstrations|strikes?|rallies|sit-ins|marches|boycotts?)|${MODAL} (?:go on (?:an? )?(?:[a-z-]+ )?strike|take to the streets|strike)\\b(?! (?:at|back|against|targets?|positions?)\\b)|(?:sen(?:t|d|ds|ding)|deliver(?:s|ed|ing)?) (?:an? |its |their )?(?:[a-z-]+ )?(?:warning|warnings) to`,
    ),
  },
  // REJECT (CAMEO 12): refusals, vetoes, defiance of a norm or a ban
  {
    type: 'rejection',
    frame: 'directed',
    weight: 0.6,
    re: w(
      `${verbs('snub+, resist, disregard, defy, spurn, rebuff, repudiate, veto/vetoes/vetoed/vetoing, reject, refuse')}` +
        `|${verbs('brush aside, brush off, shrug off, balk at, baulk at, say no to/said, turn down, turn away, walk away from')}` +
        `|rul(?:e|es|ed|ing) out (?:any |all |the |a |an )?(?:[^\\s.;]+ ){0,2}?(?:talks|negotiations|dialogue|meeting|compromise|concessions?|deal|agreement|withdrawal|return|cooperation|participation|plan|proposal|possibility)|(?:will|would|shall|could|did|does|do|can|cannot)(?: not|n't)? (?:never )?(?:accept|negotiate with|recogni[sz]e|agree to)(?<=\\b(?:not|never|cannot|n't) (?:never )?[a-z]+(?: with| to)?)(?: (?:the |a |an |its |their |any )?(?:[^\\s.;]+ ){0,3}?(?:plan|proposal|formula|offer|terms|mediation|deal|conditions|resolution|settlement|demands?|ultimatum|invitation|ceasefire|truce)s?)?|declin(?:e|es|ed|ing) (?:an? |the |its |their )?(?:[^\\s.;]+ ){0,3}?(?:offer|invitation|request|proposal|plan|call|appeal|demand)s?|(?:ignor|disregard)(?:e|es|ed|ing) (?:an? |the |its |their )?(?:[^\\s.;]+ ){0,3}?(?:calls?|appeals?|demands?|requests?|warnings?|ultimatum|resolutions?|deadline|ban|orders?|ruling|verdict)|(?:rejection|refusal|veto|dismissal) of|(?:violat|flout|breach|break)(?:e|es|ed|ing|s)? (?:a |the |an )?${GAP2}(?:ban|order|curfew|embargo|resolution|law)`,
    ),
  },
  // SUPPORT (CAMEO 05): praise, endorsement, verbal defence, recognition, apology, forgiveness
  {
    type: 'support',
    frame: 'directed',
    weight: 0.55,
    re: w(
      // "Italy recognized Croatia": diplomatic recognition (CAMEO 054), not "recognized that" or "the need"
      `recogni[sz](?:e|es|ed|ing)(?! (?:that|the (?:need|importance|right|role|fact|difficulty)|as)\\b)|defend(?:s|ed|ing)?(?! (?:itself|themselves|himself|herself|its|their|his|her)\\b)(?![^.;]{0,60}\\b(?:against|from)\\b)(?<!\\b(?:troops|forces|soldiers|army|fighters|militiamen|guerrillas|rebels|units) defend(?:s|ed|ing)?)|` +
        `${verbs('laud, extol, salute, applaud, commend, praise, endorse, welcome, hail, thank, congratulate, apologise, apologize, forgive/forgave/forgiven, sympathise with, sympathize with, rally behind, rally around, vouch for, side with, stand by/stood')}` +
        `|(?:express|voic|pledg|reaffirm|reiterat|declar|offer)(?:e|es|ed|ing|s)? ${GAP2}(?:support|backing|solidarity|sympathy|condolences|gratitude|appreciation|admiration)(?: (?:for|to|with))?` +
        `|${verbs('vote for, vote in favour of, vote in favor of, stand with/stood, appreciate')}(?= (?:the |its |their |his |her )?(?:[^\\s.;]+ ){0,3}?(?:right|policy|policies|stance|position|decision|efforts?|role|actions?|move|bid|candidacy|plan|proposal|government|leadership|[a-z]+'s)\\b)|(?:express|voic)(?:e|es|ed|ing) ${GAP2}satisfaction (?:with|over|at)|(?:gave|give|gives|giving) (?:its |their |his |her )?(?:blessing|backing|endorsement) to|(?:describ|call|term|nam)(?:e|es|ed|ing|s)? (?:[^\\s.;]+ ){1,4}?(?:as )?(?:an? |its |their |our )(?:[a-z-]+ )?(?:friend|ally|partner|neighbou?r|brother)s?\\b(?<!\\b(?:enemy|former|one-time) [a-z]+)|(?:sen(?:t|d|ds|ding)|convey(?:s|ed|ing)?|extend(?:s|ed|ing)?) (?:its |their |his |her )?(?:[^\\s.;]+ )?(?:condolences|congratulations|greetings|(?:a )?messages? of (?:support|solidarity|sympathy|congratulations?|condolences?))|pa(?:y|ys|id|ying) (?:a )?tribute to|(?:express|voic|offer|conve)(?:e|es|ed|ing|y|yed|ys)? (?:its |his |her |their |deep |sincere |profound |formal )*(?:regrets?|apolog(?:y|ies)) to|(?:came|come|comes|coming|rushed|rose) to (?:the )?(?:[a-z-]+ )?(?:defen[cs]e|aid) of|(?:spoke|speak|speaks|speaking|came|come|comes) (?:up |out )?(?:for|in favou?r of|in (?:defen[cs]e|support) of)|(?:establish|restor|normali[sz])(?:e|es|ed|ing)? ${GAP2}(?:diplomatic )?(?:ties|relations) with|(?:grant|extend)(?:s|ed|ing)? ${GAP2}recognition to`,
    ),
  },
  // COOPERATE (CAMEO 06): practical cooperation, as a symmetric relation of the parties
  {
    type: 'cooperation',
    frame: 'symmetric',
    weight: 0.55,
    re: w(
      `(?:join|joins|joined|joining) (?:forces|hands)|(?:allow|permit|let|grant|gave|give|gives|giving|offer)(?:s|ed|ted|ting|ing)? (?:[^\\s.;]+ ){0,4}?(?:to use|use of|access to) (?:its |their |the )?(?:[a-z-]+ )?(?:air ?bases|bases|airspace|ports|airfields|military facilities|naval facilities|territory)|(?:help(?:s|ed|ing)?|assist(?:s|ed|ing)?) (?:[^\\s.;]+ ){1,4}?(?:in|with) (?:the |its |their |a )?(?:[a-z-]+ )?(?:investigation|search|hunt|manhunt|fight against|efforts? (?:to|against)|probe|inquiry)|jointly (?:develop|build|produce|manufacture|operate|patrol|investigate|explore|fight|combat|run)(?:s|ed|ing)?|${verbs('team up')}|${verbs('collaborate with, team up with, join forces with, partner with, cooperate with, co-operate with, coordinate with, ally with')}` +
        `|(?:exchang|swap)(?:e|es|ed|ing|s|ped|ping)? ${GAP2}(?:prisoners|intelligence|information|data|captives)|joined (?:[^\\s.;]+ ){1,5}?in (?:a |an |the |their |its )?(?:[a-z-]+ )?(?:efforts?|operations?|campaigns?|search|exercises?|drills|patrols?|investigations?|projects?|venture|programmes?|programs?|initiatives?|fight)\\b|(?:hand|turn)(?:s|ed|ing)? over (?:[^\\s.;]+ ){0,4}?(?:suspects?|fugitives?|militants?|wanted (?:men|man)|criminals?|terrorists?|war crimes suspects?) to|(?:hold|held|holds|holding|conduct(?:s|ed|ing)?|stag(?:e|es|ed|ing)|carr(?:y|ies|ied|ying) out|launch(?:es|ed|ing)?|began|begin|begins|start(?:s|ed|ing)?) (?:a |their |the )?(?:first |annual |large-scale |major )?joint (?:[a-z-]+ ){0,2}?(?:exercises|drills|maneuvers|manoeuvres|patrols|war games|operations?)|joint (?:military |naval |air )?(?:exercises|drills|maneuvers|manoeuvres|patrols|war games) (?:with|between)|(?:strengthen|boost|expand|deepen|enhanc|increas|broaden|step up|stepped up|stepping up|upgrad)(?:s|ed|ing|e|es)? (?:its |their |the )?(?:[^\\s.;]+ ){0,2}?(?:ties|cooperation|co-operation|relations|trade|links|partnership)(?: with| between)?|(?:cooperation|collaboration|co-operation) (?:with|between|on)|(?:set(?:s|ting)? up|establish(?:es|ed|ing)?|form(?:s|ed|ing)?|creat(?:e|es|ed|ing)|launch(?:es|ed|ing)?) (?:an? |the )?joint (?:[a-z-]+ )?(?:commission|committee|working group|task force|venture|company|centre|center|command|council|mechanism)|(?:hand|turn)(?:s|ed|ing)? (?:them|him|her) over to|intelligence[- ]sharing (?:with|between)|(?:trade|economic|military|security|intelligence) (?:ties|links|cooperation) (?:with|between)`,
    ),
  },
  // AID (CAMEO 07): relief delivered, evacuations and rescues, asylum and shelter
  {
    type: 'aid',
    frame: 'directed',
    weight: 0.55,
    re: w(
      `${verbs('evacuate, rescue, airlift, airdrop+, shelter')}|(?:wr(?:ote|ite|ites|iting|itten) off|cancel(?:s|led|ed|ling|ing)?|forg(?:ave|ive|iven|ives|iving)|reschedul(?:e|es|ed|ing)|restructur(?:e|es|ed|ing)) (?:[^\\s.;]+ ){0,3}?debts?|debt (?:relief|forgiveness|cancellation|write-off) (?:to|for)|(?<!\\b(?:will|would|to|shall|could|may|might|must|should|not|never) )(?:${verbs('donate, deliver, provide, supply, send/sent, give/gave/given, grant, ship+, extend, channel+')}) ${GAP3}(?:million|billion|tons|tonnes)` +
        `|(?<!\\b(?:will|would|to|shall|could|may|might|must|should|not|never) )(?:(?:provid|suppl|equipp|furnish)(?:e|es|ed|ing|s|ied|ies|y|ying)? (?:[^\\s.;]+ ){1,5}?with|arm(?:s|ed|ing)? (?:[^\\s.;]+ ){1,5}?with (?:[^\\s.;]+ ){0,3}?(?:weapons|arms|ammunition|equipment|helicopters|aircraft|jets|tanks|missiles|rifles|guns|rockets))|(?<!\\b(?:will|would|to|shall|could|may|might|must|should|not|never) )(?:sen(?:d|ds|t|ding)|dispatch(?:es|ed|ing)?|flew|fly|flies|flown) (?:[^\\s.;]+ ){0,4}?(?:doctors|rescue(?:rs| teams| workers)|relief (?:teams|workers|supplies|goods)|medical (?:teams|staff|supplies)|aid workers|engineers|military advisers|advisers|instructors|relief|aid|food|medicine|blankets|tents) (?:to|into|for)|${verbs('fund, finance, bankroll, subsidise, subsidize, bail out')}(?= (?:the |its |their )?(?:[^\\s.;]+ ){0,2}?(?:government|rebels|militias?|groups?|army|forces|opposition|guerrillas|insurgents|regime|programme|program|project)s?\\b)|(?:host|shelter|harbou?r|accommodat)(?:e|es|ed|ing|s)? (?:[^\\s.;]+ ){0,3}?(?:refugees|exiles|asylum seekers|displaced)|(?<!\\b(?:will|would|to|shall|could|may|might|must|should|not|never) )(?:distribut|hand(?:ed|s|ing)? out|donat|contribut|rush|airlift|airdropp|truck|ferri|deliver)(?:e|es|ed|ing|s|ied)? (?:[^\\s.;]+ ){0,5}?(?:aid|assistance|relief|food|medicine|medical supplies|supplies|blankets|tents|water|rice|wheat|grain|fuel) (?:to|into|among|for)|(?<!\\b(?:will|would|to|shall|could|may|might|must|should|not|never) )(?:sen(?:t|d|ds|ding)|dispatch(?:es|ed|ing)?|deploy(?:s|ed|ing)?|rush(?:es|ed|ing)?) (?:[^\\s.;]+ ){1,6}?to help|(?:humanitarian|food|medical|emergency|relief|military|economic|financial|development) (?:aid|assistance|supplies|shipments?|convoys?|help|loans?|grants?) (?:to|for|into)|(?:gave|give|gives|giving|granted|grants) (?:[^\\s.;]+ )?(?:refuge|sanctuary|shelter) to` +
        // "approved a $300 million loan to Kenya", "granted Pakistan a loan": money lent or given is aid (CAMEO 071)
        `|arming (?!itself|themselves|himself)|(?:arm|arms|armed|arming|train|trains|trained|training|fund|funds|funded|funding|financ(?:e|es|ed|ing)|equip|equips|equipped|equipping) and (?:arm|arms|armed|arming|train|trains|trained|training|fund|funds|funded|funding|financ(?:e|es|ed|ing)|equip|equips|equipped|equipping)\\b(?! (?:forces|troops|soldiers|police|itself|themselves)\\b)|(?:open|opens|opened|opening|reopened) (?:its |their |the )?(?:borders?|doors|frontier) to (?:[^\\s.;]+ ){0,4}?(?:refugees|asylum seekers|displaced|people fleeing)` +
        `|(?<!\\b(?:will|would|to|shall|could|may|might|must|should|not|never) )(?:approv|grant|extend|disburs|lent|lend|loan|gave|giv)(?:e|es|ed|ing|s)? (?:[^\\s.;]+ ){0,6}?(?:loans?|credits?|grants?|aid package|assistance package|bail-?out) (?:to|for|of|worth)`,
    ),
  },
  // AGREE (CAMEO 03): intent to cooperate, expressed or promised
  {
    type: 'commitment',
    frame: 'directed',
    weight: 0.55,
    re: w(
      `(?:express|signal|voic|reaffirm|reiterat|announc|confirm|declar|indicat|show)(?:e|es|ed|ing|s|led|ling)? ${GAP2}(?:willingness|readiness|desire|intention|wish|hope|commitment|plans?|determination|decision) to` +
        `|${verbs('commit+ to, undertake to/undertook/undertaken, offer to, consent to, agree in principle, pledge, vow, promise')}|(?:is|are|was|were) (?:now |still |also )?(?:open|committed) to|(?:will|would) (?:seriously )?consider` +
        `|(?:decid|plan|intend|hop)(?:e|es|ed|ing|s|ned|ning)? to (?:resume|restore|normali[sz]e|establish|reopen|open|lift|ease|release|allow|withdraw|sign|negotiate|cooperate|hold talks|join|accept)`,
    ),
  },
  // CONCEDE (CAMEO 08): yielding to demands, easing restrictions, pardons
  {
    type: 'concession',
    frame: 'directed',
    weight: 0.55,
    re: w(
      `${verbs('accede to, comply with, give in to/gave/given, back down, bow to, pardon, reinstate, relent, capitulate, legalise, legalize, unban+')}` +
        `|(?:grant|gave|give|offer)(?:s|ed|ing)? ${GAP2}(?:amnesty|autonomy|concessions?|pardons?|clemency)|(?:enhanc|expand|restor|extend|broaden)(?:e|es|ed|ing|s)? ${GAP2}(?:political )?(?:freedoms|rights|liberties)` +
        `|(?:eas|relax|loosen|lift)(?:e|es|ed|ing|s)? ${GAP2}(?:restrictions|curbs|controls|ban|curfew|state of emergency|martial law|emergency measures)`,
    ),
  },
  // RETREAT (CAMEO 084-087): withdrawal, surrender, demobilisation, letting in observers, peacekeepers or aid
  {
    type: 'retreat',
    frame: 'directed',
    weight: 0.55,
    re: w(
      `(?:hand|turn)(?:s|ed|ing)? (?:over|in) (?:all )?(?:their |its |his )?(?:arms|weapons|guns)(?: to)?|(?:hand(?:s|ed|ing)?|gave|give|gives|giving) back|(?:allow|permit|let|admit)(?:s|ed|ted|ting|ing)? (?:[^\\s.;]+ ){0,3}?(?:aid|relief|humanitarian|food|medical) (?:agencies|organi[sz]ations|groups|workers|flights|convoys?|supplies|deliveries|shipments|trucks|access)|${verbs('surrender, disband, demobilise, demobilize, disarm, retreat, pull back, pull out, stand down/stood')}|(?:withdr(?:ew|aw|awn|aws|awing)) (?:its |their |the )?${GAP2}(?:troops|forces|soldiers|units|tanks|army|fighters|contingent)` +
        `|(?:receiv|welcom|admit|accept|allow|host)(?:e|es|ed|ing|s|ted|ting)? (?:an? |the )?${GAP2}(?:mission|inspectors|observers|monitors|peacekeepers|peacekeeping (?:troops|forces)|aid workers|relief workers|aid convoys?|humanitarian aid)` +
        `|(?:ceasefire|truce|cease-fire) (?:was )?(?:declared|announced)|(?:releas|free|return|repatriat|hand(?:ed|s|ing)? back|sen(?:t|d|ds|ding) back|swap|exchang)(?:e|es|ed|ing|s|ped|ping)? (?:[^\\s.;]+ ){0,4}?(?:prisoners|hostages|detainees|captives|pows|prisoners of war|soldiers|sailors|fishermen|crew|crewmen|crew members|nationals|citizens|bodies|remains|activists|dissidents|political prisoners|seized (?:[a-z]+ )?(?:ships?|vessels?|aircraft|property|assets)|the (?:ship|vessel|aircraft|plane|tanker|trawler))|(?:reopen|unblock)(?:s|ed|ing)? (?:the |its |their )?(?:[^\\s.;]+ ){0,2}?(?:border|crossings?|borders|corridor|road|airport|port|airspace)|(?:began|begin|begins|beginning|started|start|starts|starting|completed|complete|completes|completing|finished|carried out|announced|announces|ordered|orders) (?:a |the |its |their )?(?:[^\\s.;]+ )?(?:withdrawal|pull-?out|pullback)|troop (?:withdrawal|pull-?out|pullback|reduction|cut)s?|(?:reduc|cut|scal|thin|draw)(?:e|es|ed|ing|s|ning|n)? (?:back |down |out )?(?:its |their |the )?(?:number of |presence of )?(?:[^\\s.;]+ ){0,2}?(?:troops|forces|military presence|troop levels|garrisons?)(?: in| from)?|(?:return|returned|returning|returns) to (?:their |its )?barracks|(?:mov|redeploy|relocat|shift|pull|draw)(?:e|es|ed|ing|s|n)? (?:its |their |the )?(?:[^\\s.;]+ ){0,2}?(?:troops|forces|soldiers|units|tanks|artillery|heavy weapons|weapons) (?:back|away)(?: from)?|(?:evacuat|abandon|vacat)(?:e|es|ed|ing|s)? (?:its |their |the )?(?:[^\\s.;]+ ){0,2}?(?:positions|posts|bases|outposts|garrisons?|trenches|strongholds?)|(?:dismantl|remov|lift)(?:e|es|ed|ing|s)? (?:[^\\s.;]+ ){0,2}?(?:checkpoints|roadblocks)|(?<=${ARMED} (?:[^\\s.;]+ ){0,2}?)(?:left|leave|leaves|leaving|quit|quits|abandoned|abandon|abandons|vacated|vacate|moved out of|pulled back)|(?:end|ended|ends|ending) (?:its |their |the )?(?:[^\\s.;]+ )?(?:occupation|military presence|military operations?|military campaign) (?:of|in)`,
    ),
  },
  // CONSULT/host (CAMEO 043): "X received the Iranian foreign minister": the one received visits the host
  { type: 'visit', frame: 'reverse', weight: 0.6, re: w("(?:receiv(?:e|es|ed|ing)|greet(?:s|ed|ing))(?= (?:visiting |his |her |the |a )?(?:(?:(?:[a-z]\\.){2,}|[a-z'-]+) ){0,3}?(?:president|prime minister|minister|king|queen|leader|envoy|delegation|counterpart|chancellor|secretary|ambassador|emir|premier|head|crown prince|foreign minister)\\b)") },
  // CONSULT/visit (CAMEO 042): a journey to someone, the traveller first
  { type: 'visit', frame: 'directed', weight: 0.55, re: w(`(?:went|go|goes|going|came|comes|journeyed|travel(?:l?ed|s|l?ing)?) to(?= (?:[^\\s.;]+ ){1,4}?(?:to (?:see|meet|hold talks|confer|discuss|attend)|for (?:talks|consultations|an? (?:[a-z-]+ )?visit|a meeting|meetings|a summit))\\b)|(?:was|were|is|are) in(?= (?:[^\\s.;]+ ){1,2}?(?:for|on) (?:talks|consultations|an? (?:[a-z-]+ )?visit|meetings?|a summit)\\b)|(?:is|was|are|were) on (?:an? |his |her |their )?(?:[^\\s.;]+ ){0,3}?visit to|pa(?:y|ys|id|ying) (?:an? |his |her |its |their )?(?:[^\\s.;]+ ){0,3}?visits? to|(?:${verbs('fly/flew/flown')}|headed|heading|left for|leaving for)(?= (?:[^\\s.;]+ ){0,6}?(?:for|on) (?:an? |the )?(?:[^\\s.;]+ ){0,3}?(?:talks|visit|consultations|meetings?|summit|trip|tour)\\b)|${verbs('fly/flew/flown')} (?:in)?to|arriv(?:e|es|ed|ing) (?:here |there |today |on [a-z]+day )?(?:at|in)|(?:made|make|makes|making) (?:an? )?(?:[^\\s.;]+ ){0,3}?(?:visit|trip|stopover) to`) },
  // CONSULT (CAMEO 040, 041, 046): talks of any kind, the parties on both sides
  {
    type: 'meeting',
    frame: 'symmetric',
    weight: 0.55,
    re: w(
      `(?:talk|spoke|speak|conferr)(?:s|ed|ing)? (?:by (?:tele)?phone|on the (?:tele)?phone) (?:with|to)|invit(?:e|es|ed|ing) (?:[^\\s.;]+ ){0,4}?to (?:visit|pay a visit|talks|hold talks|a summit|attend|a meeting|meet|a conference)|call(?:s|ed|ing)? (?:his|her|their|its) (?:[a-z-]+ )?counterparts?|(?:exchang|swap)(?:e|es|ed|ing|ped|ping)? (?:[^\\s.;]+ )?views (?:with|on)|s(?:at|it|its|itting) down (?:together )?for (?:[a-z-]+ )?(?:talks|negotiations|discussions)|(?:exchang|swap)(?:e|es|ed|ing|ped|ping)? (?:[a-z-]+ )?(?:messages|letters|greetings)(?: with)?|(?:conversations?|discussions?|consultations?|summit|summit meeting|summit talks|negotiations|parley|video ?(?:call|conference|link)|videoconference) with|${verbs('brief')}(?= (?:[^\\s.;]+ ){1,4}?(?:on|about)\\b)|(?<=\\band (?:[^\\s.;,]+ ){1,4})(?:spoke|talked)(?= (?:by |on the |over the |on )?(?:(?:tele)?phone|[a-z]+day|late|earlier|again|twice|at length)\\b)|${verbs('sit down with/sat, talk with, talk to, confer with, hold talks with/held')}` +
        `|(?:held|hold|holds|holding|had|have|has) (?:an? )?(?:[^\\s.;]+ ){0,3}?(?:meeting|consultations|discussions|negotiations|summit|conversation|telephone conversation|phone conversation|talks|call) with` +
        // "India and Pakistan held a fresh round of talks", "Israeli-Syrian peace talks": the parties before the talks
        `|(?:held|hold|holds|holding|opened|open|opens|began|begin|begins|started|start|starts|resumed|resume|resumes|concluded|conclude|wrapped up|continued|continue|continues) (?:an? |the |their |its )?(?:[^\\s.;]+ ){0,4}?(?:talks|negotiations|consultations|discussions|summit|meeting)|(?:held|hold|holds|holding|opened|open|opens|began|begin|begins|started|start|starts|resumed|resume|resumes|continued|continue|continues) (?:an? |the |their |its )?(?:[^\\s.;]+ ){0,2}?dialogue|(?<=[a-z]-[a-z]+ (?:[a-z-]+ ){0,2})(?:talks|negotiations|summit|consultations)`,
    ),
  },
  // MOBILIZE (CAMEO 15): forces raised, massed, sent or readied
  {
    type: 'mobilisation',
    frame: 'directed',
    weight: 0.55,
    re: w(
      `(?:prepar|readi|gear)(?:e|es|ed|ing|s|ying|ied)? (?:up )?(?:to|for) ${GAP3}(?:attack|offensive|war|assault|invasion|shelling|strikes?|battle|resume (?:shelling|fighting|attacks|the offensive))` +
        `|troop (?:build-?up|buildup|movements?)|show of force|call(?:s|ed|ing)? up ${GAP2}(?:reservists|reserves|conscripts)|(?:test-fir|test fir)(?:e|es|ed|ing)|${verbs('mass, amass')} ${GAP2}(?:troops|forces|tanks|soldiers)` +
        `|(?:conduct|stag|hold|held|start|begin|began|launch)(?:s|ed|ing|e|es)? ${GAP2}(?:exercises|drills|maneuvers|manoeuvres)|(?:sen(?:d|ds|t|ding)|dispatch(?:es|ed|ing)?|mov(?:e|es|ed|ing)) ${GAP3}(?:troops|warships|forces|tanks|reinforcements|battalions|soldiers) (?:to|into|toward|towards)`,
    ),
  },
  // SANCTION (CAMEO 16): reduced relations, aid stopped, talks halted, expulsions
  {
    type: 'revocation',
    frame: 'directed',
    weight: 0.55,
    re: w(
      `(?:break|broke|broken|breaking|cut|cuts|cutting|sever|severs|severed|downgrad(?:e|es|ed|ing)|freez(?:e|es|ing)|froze|frozen) (?:off )?(?:all |its |their )?(?:diplomatic |economic |trade |military )?(?:ties|relations|contacts|links)` +
        `|(?:recall|withdr[ae]w|expel)(?:s|ed|led|ing|ling|n)? (?:its |their |the )?${GAP2}(?:ambassadors?|envoys?|diplomats?|inspectors|observers|monitors|peacekeepers|aid workers|journalists)` +
        `|(?:suspend|halt|stop|end|freez|froze|cancel)(?:s|ed|led|ping|ped|ing|e)? ${GAP2}(?:aid|assistance|talks|negotiations|cooperation|(?:cooperating|co-operating|working|dealing) with|participation|involvement|dialogue|flights|trade|imports|exports|loans|funding|mediation|peace efforts|facilitation|mission|programmes?|programs?)|(?:pull|pulls|pulled|pulling) (?:out )?(?:its |their |the )?${GAP2}(?:peacekeepers|observers|monitors|mediators|aid workers|diplomats|staff|mission)(?: out)?` +
        `|(?:cut|cuts|cutting|reduc(?:e|es|ed|ing)|halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|suspend(?:s|ed|ing)?|shut(?:s|ting)? off|turn(?:s|ed|ing)? off) (?:off )?(?:the |its |all )?(?:[^\\s.;]+ )?(?:gas|oil|electricity|power|water|fuel|energy|grain|food) (?:supplies|supply|deliveries|exports|shipments|sales|flows?|to)|(?:clos(?:e|es|ed|ing)|shut(?:s|ting)?(?: down)?) (?:its |their |the )?(?:[a-z-]+ )?(?:embassy|embassies|consulates?|diplomatic missions?|liaison office) (?:in|to)|(?:walk|pull|storm)(?:s|ed|ing)? out of ${GAP2}(?:talks|negotiations|meeting|conference|summit)` +
        `` +
        // trade cut (CAMEO 163 embargo, boycott): "banned imports of Polish meat", "imposed tariffs on Chinese steel"
        `|(?:ban|halt|suspend|stop|restrict|block|bar|curb)(?:s|ned|ning|ed|ing|ped|ping)? (?:all |the |further )?(?:[a-z-]+ )?(?:imports|exports|sales|shipments|purchases|flights|visas|investment) (?:of|from|to|into|for)|(?:impos|rais|slap|levi|introduc)(?:e|es|ed|ing|s|ped|ping|y|ies|ied)? (?:new |higher |punitive |retaliatory |additional |steep )?(?:[a-z-]+ ){0,2}?(?:tariffs|duties|levies|quotas) (?:on|against)` +
        `|(?:end|ended|ends|ending|withdr(?:ew|aw|awn|aws|awing)|halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|stop(?:s|ped|ping)?|cut(?:s|ting)?(?: off)?) (?:its |their |all )?(?:[a-z-]+ )?(?:support|backing|funding|subsidies|contributions|payments) (?:for|to|of)|(?:freez(?:e|es|ing)|froze|frozen) (?:the |all )?(?:[a-z-]+ ){0,2}?(?:assets|accounts|funds|bank accounts)` +
        `|withdr(?:aw|ew|awn|aws|awing) (?:its |their )?${GAP2}from (?:the )?${GAP2}(?:talks|negotiations|treaty|agreement|accord|pact|conference|peace process|mission)`,
    ),
  },
  // PROTEST (CAMEO 14): crowds that march or gather for a demand, chant against someone, burn flags
  {
    type: 'protest',
    frame: 'directed',
    weight: 0.55,
    re: w(
      `(?:${verbs('march, rally, demonstrate, protest, picket, gather, assemble, mass, parade')})(?=,? (?:[^\\s.;]+ ){0,4}?(?:demanding|to demand|calling for|to call for|to protest|chanting|shouting|denouncing|to denounce|against)\\b)` +
        `|(?:${verbs('march, rally, demonstrate, protest, gather, assemble, converge, riot, parade, take to the streets/took/taken/taking')})(?<=\\b(?:thousands|hundreds|dozens|scores|crowds|protesters|demonstrators|students|workers|supporters|opponents|activists|strikers|farmers|miners|residents|villagers|women|people) (?:of (?:[^\\s.;]+ ){1,3}?)?(?:(?:have|had|were|are) )?[a-z]+(?: to the streets)?)|${verbs('riot')}(?! (?:police|gear|squads?|troops|units|officers|control|shields?|act)\\b)|(?:took|take|takes|taking|taken|joined|join|joins|joining) part in (?:an? |the )?(?:[^\\s.;]+ ){0,3}?(?:protests?|demonstrations?|rall(?:y|ies)|marches|march|strikes?|sit-ins?|vigils?)|(?:general|nationwide|indefinite|hunger|national) strike|picket(?:s|ed|ing)? (?:the )?(?:[a-z-]+ ){0,3}?(?:embassy|consulate|offices?|headquarters|parliament|ministry|palace|residence)|(?:chant|shout)(?:s|ed|ing)? (?:[^\\s.;]+ ){0,2}?(?:slogans|abuse)(?: against)?|(?:pour|spill|flood)(?:s|ed|ing)? (?:in)?to the streets|(?:burn|burnt|burned|burning|torch(?:ed)?) (?:[^\\s.;]+ ){0,2}?(?:flags?|effig(?:y|ies))|(?:hurl|hurls|hurled|hurling|throw|throws|threw|thrown|throwing|pelt|pelts|pelted|pelting) (?:[^\\s.;]+ ){0,2}?(?:stones|rocks|eggs|bottles|petrol bombs|molotov cocktails|firebombs|paint|tomatoes|shoes)(?: at| on)?`,
    ),
  },
  // COERCE (CAMEO 17): repression short of armed attack, censorship, sentences
  {
    type: 'coercion',
    frame: 'directed',
    weight: 0.55,
    re: w(
      `${verbs('censor, persecute, harass, intern, evict')}|restrict(?:s|ed|ing)? (?:the )?(?:[a-z-]+ ){0,2}?(?:freedoms?|press|media|movements?|travel|activities|rights|entry)\\b|declar(?:e|es|ed|ing) (?:an? )?(?:[a-z-]+ )?(?:state of emergency|martial law|emergency rule|curfew)|(?:dissolv|disband|outlaw|proscrib|ban)(?:e|es|ed|ing|s|ned|ning)? (?:the |all |two |several |an? )?(?:main |largest |[a-z-]+ )?(?:opposition (?:parties|party|groups?|movements?)|political parties|trade unions|(?:islamist|opposition) (?:party|movement))|(?:clos(?:e|es|ed|ing)|shut(?:s|ting)?|suspend(?:s|ed|ing)?|ban(?:s|ned|ning)?) (?:down )?(?:the |two |three |several |all |an? )?(?:[^\\s.;]+ )?(?:newspapers?|dailies|weeklies|magazines?|websites?|radio stations?|television stations?|tv stations?|media outlets?|opposition parties|political parties|rallies|demonstrations|protests|marches|meetings|gatherings)|br(?:oke|eak|eaks|eaking|oken) up (?:an? |the )?(?:[^\\s.;]+ ){0,2}?(?:demonstrations?|protests?|rall(?:y|ies)|march(?:es)?|gatherings?|meetings?|sit-ins?|crowds?|strikes?)|sentenc(?:e|es|ed|ing) ${GAP3}to|(?:shut|shuts|shutting|clos(?:e|es|ed|ing)) down ${GAP2}(?:newspapers?|websites?|stations?|media|offices|radio|television|channels?|parties)` +
        `|(?:fir|us)(?:e|es|ed|ing) (?:tear ?gas|rubber bullets|water cannons?)|(?:placed|put|keep|kept|held) (?:[^\\s.;]+ ){0,2}?under (?:house )?arrest`,
    ),
  },
  // ASSAULT (CAMEO 18-20): violence with a named doer
  {
    type: 'attack',
    frame: 'directed',
    weight: 0.6,
    re: w(
      `unleash(?:es|ed|ing)? (?:[^\\s.;]+ ){0,3}?(?:on|against|at)|${verbs('pound, strafe, torch, hijack, lynch, stab+, gun+ down, blow up/blew/blown, destroy, bombard, rocketed, rocketing, shoot/shot, ambush, massacre, slaughter, behead, assassinate, murder, kill, attack, invade, occupy')}` +
        `|launch(?:es|ed|ing)? ${GAP3}(?:fire|attacks?|strikes?|offensive|raids?|rockets?|missiles?|shells|assaults?|incursions?|invasion|(?:military|ground|air|cross-border|armed) (?:operations?|campaign)|operations? against)|(?:attacks?|strikes?|raids?|assaults?|shelling|bombing|offensive) (?:by|against|on)` +
        `|(?:car|suicide|roadside) bomb(?:s|ings?|ers?)?|us(?:e|es|ed|ing) (?:its |their |the )?(?:[a-z-]+ )?(?:chemical|nuclear|biological|atomic|poison|unconventional) (?:weapons|arms|gas|bombs)|(?<=\\b(?:to|will|would|could|may|might|shall|'ll) (?:[a-z]+ )?)(?:shell|bomb|raid|storm|shoot down|sink)\\b|(?:burn|burns|burned|burnt|burning) (?:down )?(?:[^\\s.;]+ ){0,2}?(?:villages?|homes|houses|huts|churches|mosques|temples|shops)|(?:set|sets|setting) fire to|(?:set|sets|setting) (?:[^\\s.;]+ ){1,3}?(?:on fire|ablaze)|(?:attempt|plot)s? to (?:assassinate|kill)|assassination (?:attempt|plot)|(?:drone|missile|rocket|artillery|mortar|air|naval) (?:strikes?|attacks?|barrages?)|aggression` +
        `|(?:fir|lob|launch|lobb)(?:e|es|ed|ing|s)? ${GAP3}(?:rockets?|missiles?|shells?|mortars?|mortar rounds|artillery|grenades|bombs|katyushas) (?:at|into|on|toward|towards|across)` +
        // "Croatian artillery hit Serb positions", "troops entered Lebanon": said of armed forces, these are armed acts
        `|(?<=${ARMED} (?:[^\\s.;]+ ){0,2}?)(?:hit|hits|hitting|entered|enters|entering|crossed into|crosses into|pushed into|pushes into|rolled into|poured into|swept into|stormed into)`,
    ),
  },
  // "came under attack from X": the one attacked is the subject, the attacker after "from" or "by"
  { type: 'attack', frame: 'reverse', weight: 0.6, re: w('(?:came|come|comes|coming) under (?:heavy |renewed |sustained |intense )?(?:[a-z-]+ )?(?:attack|fire|shelling|bombardment|assault) (?:from|by)') },
];
