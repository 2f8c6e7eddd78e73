/**
 * English verb morphology for the cue lexicons (cue-lexicon.ts): a lexicon lists
 * lemmas, and each lemma stands for all its inflections, so a cue written as
 * "decry" also fires on "decries", "decried" and "decrying".
 *
 * Entry syntax, one entry per lemma:
 * - `decry`: regular ("-ies", "-ied", "-ying"; "-e" dropped before "-ing"; "-es" after s, sh, ch, x, z);
 * - `ban+`: the final consonant doubles before -ed and -ing (banned, banning);
 * - `seek/sought`: irregular forms of the verb after slashes, added to the regular ones;
 * - `lash out at`, `take to task/took/taken/taking`: only the first word inflects, the rest follows every form.
 */

function regularForms(lemma: string, doubled: boolean): string[] {
  const last = lemma.slice(-1);
  if (doubled) return [lemma, lemma + 's', lemma + last + 'ed', lemma + last + 'ing'];
  if (/[^aeiou]y$/.test(lemma)) {
    const stem = lemma.slice(0, -1);
    return [lemma, stem + 'ies', stem + 'ied', lemma + 'ing'];
  }
  if (/ee$/.test(lemma)) return [lemma, lemma + 's', lemma + 'd', lemma + 'ing'];
  if (/e$/.test(lemma)) return [lemma, lemma + 's', lemma + 'd', lemma.slice(0, -1) + 'ing'];
  if (/(?:s|sh|ch|x|z)$/.test(lemma)) return [lemma, lemma + 'es', lemma + 'ed', lemma + 'ing'];
  return [lemma, lemma + 's', lemma + 'ed', lemma + 'ing'];
}

/** All the forms of one entry, longest first so that a regular expression alternation prefers them. */
export function inflections(entry: string): string[] {
  const [head, ...irregular] = entry.trim().split('/');
  const [first, ...rest] = head.split(' ');
  const doubled = first.endsWith('+');
  const verb = first.replace(/\+$/, '');
  const tail = rest.length ? ' ' + rest.join(' ') : '';
  const forms = new Set([...regularForms(verb, doubled), ...irregular].map((form) => form + tail));
  return [...forms].sort((a, b) => b.length - a.length);
}

/** A regular-expression alternation (no groups) of every form of every entry, separated by commas. */
export function verbs(entries: string): string {
  const forms = entries
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .flatMap(inflections);
  return [...new Set(forms)].sort((a, b) => b.length - a.length).join('|');
}

/**
 * A word in a cue's gap, written `[^\s.;]+`: the full stop ends a sentence but not an initialism
 * ("the U.N.", "U.S.-led") nor a number ("$1.3 billion", "2.5 tonnes").
 */
const GAP_WORD = '[^\\s.;]+';
const GAP_WORD_OR_INITIALISM = '(?:(?:[a-z]\\.){2,}[^\\s.;]*|[^\\s.;]*\\d\\.\\d[^\\s.;]*|[^\\s.;]+)';

/** A cue pattern, whole words, every gap word also an initialism. */
export const cuePattern = (source: string): RegExp => new RegExp(`\\b(?:${source.replaceAll(GAP_WORD, GAP_WORD_OR_INITIALISM)})\\b`, 'g');
