import { describe, expect, it } from 'vitest';
import { attestationText, outletText } from '../../src/lib/core/relation-text';
import { visibleCountText } from '../../src/lib/core/summary';
import { rel, source, type } from './helpers';

describe('attestationText', () => {
  const membership = type('membership', 'state', true);
  const rt = source('s', '2022-09-14', 'RT');
  it('says through when and by whom a standing relation without end date is attested', () => {
    expect(attestationText(rel('a', 'b', 'membership', '2022-09'), membership, rt)).toBe('attested through 2022-09-14 by RT');
    expect(attestationText(rel('a', 'b', 'membership', '2022-09'), membership, rt, true)).toBe('attested through 2022-09-14 by RT; carried forward to today');
  });
  it('names the title when the outlet is not identified', () => {
    expect(attestationText(rel('a', 'b', 'membership', '2020-10'), membership, source('s', '2020-10', ''))).toBe('attested through 2020-10 by “Title s” (outlet not identified)');
  });
  it('says nothing for events and bounded spans', () => {
    expect(attestationText(rel('a', 'b', 'aid', '2022-09-13'), type('aid', 'event', true), rt)).toBeNull();
    expect(attestationText(rel('a', 'b', 'membership', '2021..2022-09-13'), membership, rt)).toBeNull();
  });
});

describe('outletText', () => {
  it('reads an empty outlet, or "Unknown" from older datasets, as not identified', () => {
    expect(outletText(source('s', '2020', ''))).toBe('outlet not identified');
    expect(outletText(source('s', '2020', 'Unknown'))).toBe('outlet not identified');
    expect(outletText(source('s', '2020', 'RT'))).toBe('RT');
  });
});

describe('visibleCountText', () => {
  it('adds the statements only when the dataset groups rows into statements', () => {
    expect(visibleCountText(148, 166, null)).toBe('Showing 148 of 166 relations');
    expect(visibleCountText(148, 175, 90)).toBe('Showing 148 of 175 relations from 90 statements');
    expect(visibleCountText(1, 175, 1)).toBe('Showing 1 of 175 relations from 1 statement');
    expect(visibleCountText(924811, 1000000, 700548)).toBe('Showing 924,811 of 1,000,000 relations from 700,548 statements');
  });
});
