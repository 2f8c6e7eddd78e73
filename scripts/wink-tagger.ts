/** The workbench's tagger in Node: the same wink-nlp model the app's extraction worker loads. */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { winkTagger, type Tagger } from '../src/lib/core/extract/new-actors';

/** A fresh wink instance each time: winkTagger reads its dictionary's end from the first unknown word it meets. */
export function nodeTagger(): Tagger {
  return winkTagger(winkNLP(model, ['sbd', 'pos']));
}
