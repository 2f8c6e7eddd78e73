import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { inflections, verbs } from '../../../src/lib/core/extract/inflect';
import { type } from '../helpers';
import { miniDataset } from './fixture';

/** The mini dataset plus the types it leaves out, so every lexicon class can fire. */
function fullDataset() {
  const dataset = miniDataset();
  return { ...dataset, types: [...dataset.types, ...['concession', 'mobilisation', 'fact_finding'].map((id) => type(id, 'event', true))] };
}
const extract = (text: string) => extractCandidates(text, fullDataset(), { published: '2021-05-13' }).candidates;
const triples = (text: string) => extract(text).map((c) => [c.subject, c.type, c.object]);

describe('verb morphology for the lexicons', () => {
  it('gives every inflection of a lemma, doubling, irregular forms and particles', () => {
    expect(inflections('decry').sort()).toEqual(['decried', 'decries', 'decry', 'decrying']);
    expect(inflections('accuse').sort()).toEqual(['accuse', 'accused', 'accuses', 'accusing']);
    expect(inflections('agree').sort()).toEqual(['agree', 'agreed', 'agreeing', 'agrees']);
    expect(inflections('ban+').sort()).toEqual(['ban', 'banned', 'banning', 'bans']);
    expect(inflections('lash out at')).toContain('lashed out at');
    expect(inflections('take to task/took/taken/taking')).toEqual(expect.arrayContaining(['took to task', 'taking to task', 'taken to task']));
    expect(new RegExp(`^(?:${verbs('seek/sought, rebuff')})$`).test('sought')).toBe(true);
  });
});

describe('broad cue lexicons, each with its direction', () => {
  it('reads disapproval, official complaints and verbal attacks as accusations, doer to target, in either voice', () => {
    expect(triples('Armenia decried the shelling by Azerbaijan.')).toEqual([['armenia', 'accusation', 'azerbaijan']]);
    expect(triples('Azerbaijan was assailed by Armenia over the blockade.')).toEqual([['armenia', 'accusation', 'azerbaijan']]);
    expect(triples('Armenia summoned the Russian ambassador.')).toEqual([['armenia', 'accusation', 'russia']]);
  });

  it('reads pleas and appeals as demands on the one addressed, a time word between verb and particle included', () => {
    expect(triples('Armenia implored Russia to intervene.')).toEqual([['armenia', 'demand', 'russia']]);
    expect(triples('Armenia called on Monday on Azerbaijan to withdraw.')).toEqual([['armenia', 'demand', 'azerbaijan']]);
    // the one asked between the verb and "to", however long its name
    expect(triples('Armenia wants Azerbaijan to withdraw.')).toEqual([['armenia', 'demand', 'azerbaijan']]);
    expect(triples('Russia is pressing Armenia to sign.')).toEqual([['russia', 'demand', 'armenia']]);
    expect(triples('Armenia asked the Collective Security Treaty Organization to condemn Azerbaijan.')).toEqual([['armenia', 'demand', 'csto']]);
  });

  it('reads ultimatums, force not ruled out and coercion announced for the future as threats', () => {
    expect(triples('Azerbaijan gave Armenia 48 hours to withdraw.')).toEqual([['azerbaijan', 'threat', 'armenia']]);
    expect(triples('Russia would not rule out the use of force against Azerbaijan.')).toEqual([['russia', 'threat', 'azerbaijan']]);
    expect(triples('Azerbaijan said it would arrest Armenian soldiers who cross the border.')).toEqual([['azerbaijan', 'threat', 'armenia']]);
    expect(triples('Russia said it would withdraw from the talks with Azerbaijan.')).toEqual([['russia', 'threat', 'azerbaijan']]);
  });

  it('reads brushing aside as rejection, lauding and solidarity as support, teaming up as undirected cooperation', () => {
    expect(triples('Azerbaijan brushed aside the Armenian proposal.')).toEqual([['azerbaijan', 'rejection', 'armenia']]);
    expect(triples('Russia lauded Armenia.')).toEqual([['russia', 'support', 'armenia']]);
    expect(triples('Russia expressed solidarity with Armenia.')).toEqual([['russia', 'support', 'armenia']]);
    expect(triples('Russia teamed up with Armenia.')).toEqual([['armenia', 'cooperation', 'russia']]);
  });

  it('reads evacuations as aid, yielding to demands as concession, severed ties and walk-outs as revocation', () => {
    expect(triples('Russia evacuated Armenian civilians.')).toEqual([['russia', 'aid', 'armenian-civilians']]);
    expect(triples("Azerbaijan acceded to Russia's demands.")).toEqual([['azerbaijan', 'concession', 'russia']]);
    expect(triples('Armenia severed diplomatic ties with Azerbaijan.')).toEqual([['armenia', 'revocation', 'azerbaijan']]);
    expect(triples('Azerbaijan walked out of the talks with Armenia.')).toEqual([['azerbaijan', 'revocation', 'armenia']]);
  });

  it('reads letting observers in as retreat (receiver to sender), and troops sent to a border as mobilisation against its state', () => {
    expect(triples('Armenia received a mission of observers from the CSTO.')).toEqual([['armenia', 'retreat', 'csto']]);
    expect(triples('Russia sent troops to the Azerbaijani border.')).toEqual([['russia', 'mobilisation', 'azerbaijan']]);
  });

  it('reads receiving a delegation as a visit by the received to the host', () => {
    expect(triples('Armenia received a Russian delegation.')).toEqual([['russia', 'visit', 'armenia']]);
  });
});

describe('commitments announced (CAMEO 03)', () => {
  it('reads expressed willingness, and a yielding deed under "decided to", as a commitment, not the deed', () => {
    expect(triples('Armenia expressed willingness to resume talks with Azerbaijan.')).toContainEqual(['armenia', 'commitment', 'azerbaijan']);
    expect(triples('Russia decided to lift its embargo on Armenia.')).toEqual([['russia', 'commitment', 'armenia']]);
  });

  it('binds each of several who commit together to the others', () => {
    expect(triples('Armenia and Azerbaijan pledged to settle their dispute.')).toEqual([
      ['armenia', 'commitment', 'azerbaijan'],
      ['azerbaijan', 'commitment', 'armenia'],
    ]);
  });
});

describe('nominalisations, plural demonyms and domestic targets', () => {
  it('reads "the attack by X on Y" as X attacking Y, and a doer after "by" with no target as no pair', () => {
    expect(triples('The attack by Azerbaijan on Armenia killed four soldiers.')).toEqual([['azerbaijan', 'attack', 'armenia']]);
    expect(triples('Armenia decried the shelling by Azerbaijan.').filter(([, t]) => t === 'attack')).toEqual([]);
  });

  it('reads a plural demonym as the people acting, listed with the state before it', () => {
    expect(triples('Armenians protested against Russia.')).toEqual([['armenia', 'protest', 'russia']]);
    expect(triples('Russia and Armenians agreed on a truce.')).toEqual([['armenia', 'agreement', 'russia']]);
  });

  it('reads repression of unnamed people of the doers\' own state as aimed at a group of it', () => {
    expect(triples('Azerbaijani police arrested dozens of students.')).toEqual([['azerbaijan', 'coercion', 'azerbaijani-students']]);
    // a foreign target named keeps the pair the text gives
    expect(triples('Azerbaijani forces pounded Armenian positions.')).toEqual([['azerbaijan', 'attack', 'armenia']]);
    // no people or place of the kind named: nothing guessed
    expect(triples('Azerbaijani police arrested him.')).toEqual([]);
  });
});
