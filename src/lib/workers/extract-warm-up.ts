/**
 * Made-up news that the extraction worker reads before "Assistant ready", so that the
 * user's first article is not timed on cold code. Two things make code cold:
 * - a path first taken inside the article runs unoptimised, so the text passes through
 *   every family of cue (accusation, threat, demand, ceasefire call, mediation, aid,
 *   support, rejection, denial, meeting, visit, clash, attack, blockade, mobilisation,
 *   protest, coercion, retreat, membership lists, observer, alliance, revocation),
 *   titles, negation, conditionals, reported speech and relative dates;
 * - V8 compiles each regular expression once per string width: a text with only
 *   Latin-1 characters leaves every cue to be compiled again for the first article
 *   with curly quotes or dashes, as most news has. So the text is read twice, plain
 *   and with typographic punctuation.
 */
const PARAGRAPHS = [
  'YEREVAN, March 8 - Russian Foreign Minister Sergei Lavrov met officials of the Ministry of Defence in Stepanakert on Wednesday. ' +
    'Meanwhile the Karabakh Liberation Front accused Azerbaijani troops of shelling villages near Goris, Armenia, and condemned the attacks.',
  "Prime Minister Nikol Pashinyan said last September that Armenia had asked Russia for military assistance, " +
    "but Moscow did not respond. Protesters rallied outside the parliament in Yerevan against the government, and police arrested dozens.",
  'Azerbaijan rejected the proposal and warned it would respond if the attacks continued. ' +
    "The United States and France called for a ceasefire and thanked Turkey for its support, officials told reporters this week.",
  "Iran offered to mediate between the two sides and sent humanitarian aid to Armenia's displaced. " +
    'Azerbaijan denied the reports and said it did not fire on civilians; its forces clashed with Armenian units near the border in 2020.',
  'Six months after the war, Azerbaijan blockaded the Lachin corridor and mobilised troops, while Russia withdrew peacekeepers from Karabakh. ' +
    'Turkey, a strategic partner of Azerbaijan, visited Baku and signed an agreement on closer cooperation with it.',
  'Armenia is a member of the Collective Security Treaty Organization along with Russia, Belarus and Kazakhstan; Iran has observer status in the group. ' +
    'The organisation, which includes Russia and Armenia, moved to suspend the membership of Armenia and threatened sanctions against Yerevan.',
].join('\n\n');

/** The same text with curly quotes and apostrophes, and dashes, as news sites print them. */
const typographic = (text: string) =>
  text.replace(/ - /g, ' — ').replace(/'/g, '’').replace(/said (last September|it did not)/g, 'said “$1').replace(/(respond|civilians)([.;])/g, '$1”$2');

export const WARM_UP_TEXTS: readonly string[] = [PARAGRAPHS, typographic(PARAGRAPHS)];
