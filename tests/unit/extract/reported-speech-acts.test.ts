import { describe, expect, it } from 'vitest';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

const triples = (text: string) => extractCandidates(text, miniDataset(), { published: '2021-05-13' }).candidates.map((c) => [c.subject, c.type, c.object]);

describe('speech acts after a reported clause, and concern over events between parties', () => {
  it('gives a speech act coordinated after a reported clause to the reporter, not to the reported subject', () => {
    const found = triples('Armenia noted that the Azerbaijani military is scheduled to start exercises on Sunday and pointed to Pashinyan.');
    expect(found).not.toContainEqual(['azerbaijan', 'accusation', 'nikol-pashinyan']);
    expect(triples('Armenia noted that the Azerbaijani military will start exercises and condemned Russia.')).toContainEqual(['armenia', 'accusation', 'russia']);
  });

  it('keeps the reported subject for a deed coordinated in the reported clause', () => {
    expect(triples('Russia said that Azerbaijan massed troops and attacked Armenia.')).toContainEqual(['azerbaijan', 'attack', 'armenia']);
  });

  it('reads concern over clashes between two parties as blaming neither', () => {
    const found = triples('Russia expressed its concerns over the ongoing clashes between Armenia and Azerbaijan.');
    expect(found.filter(([, type]) => type === 'accusation')).toEqual([]);
    expect(triples('Russia expressed its concerns over the shelling by Azerbaijan of Armenia.')).not.toContainEqual(['russia', 'accusation', 'armenia']);
    expect(triples('Russia condemned Azerbaijan over the clashes.')).toContainEqual(['russia', 'accusation', 'azerbaijan']);
  });
});
