import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const extract = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates;
const triples = (text: string) => extract(text).map((c) => [c.subject, c.type, c.object]);
const typed = (text: string, type: string) => extract(text).filter((c) => c.type === type);

describe('talks hosted between others', () => {
  it('reads the host as mediating between the parties, who meet, and not as visited', () => {
    const found = triples('Russia hosted talks between Armenia and Azerbaijan in Moscow.');
    expect(found).toContainEqual(['russia', 'mediation', 'armenia']);
    expect(found).toContainEqual(['russia', 'mediation', 'azerbaijan']);
    expect(typed('Russia hosted talks between Armenia and Azerbaijan in Moscow.', 'meeting').map((c) => [c.subject, c.object].sort())).toEqual([['armenia', 'azerbaijan']]);
    expect(found.filter(([, t]) => t === 'visit')).toEqual([]);
  });

  it('still reads a leader hosted as a visit to the host', () => {
    expect(triples('Russia hosted Pashinyan in Sochi.')).toContainEqual(['nikol-pashinyan', 'visit', 'russia']);
  });

  it('keeps hosted talks that did not happen flagged', () => {
    expect(typed('Russia did not host talks between Armenia and Azerbaijan.', 'mediation').map((c) => c.modality)).toEqual(['denied', 'denied']);
  });
});

describe('aid still to come', () => {
  it('reads "will provide Y with ..." and "plans to send ... to Y" as an offer of aid', () => {
    expect(triples('Russia will provide Armenia with air defence systems.')).toEqual([['russia', 'aid_offer', 'armenia']]);
    expect(triples('Russia plans to send 14 tanks to Armenia.')).toEqual([['russia', 'aid_offer', 'armenia']]);
    expect(triples('Russia will give Armenia 50 million dollars.')).toEqual([['russia', 'aid_offer', 'armenia']]);
  });

  it('reads money pledged as an offer, not a bare commitment', () => {
    expect(triples('Russia pledged 500 million euros in aid to Armenia.')).toEqual([['russia', 'aid_offer', 'armenia']]);
  });

  it('keeps aid that is ongoing delivered', () => {
    expect(triples('Russia is supplying Armenia with weapons.')).toEqual([['russia', 'aid', 'armenia']]);
  });

  it('flags aid refused and aid on a condition', () => {
    expect(typed('Russia will not provide Armenia with fighter jets.', 'aid_offer').map((c) => c.modality)).toEqual(['denied']);
    expect(typed('Russia would give Armenia 10 million dollars if it reformed its banks.', 'aid_offer').map((c) => c.modality)).toEqual(['conditional']);
  });

  it('reads no offer of help into a vow to defend oneself', () => {
    expect(typed('Armenia vowed to defend itself against Azerbaijan.', 'aid_offer')).toEqual([]);
  });
});
