import { describe, expect, it } from 'vitest';
import { findDates, resolveDate } from '../../../src/lib/core/extract/dates';
import { extractCandidates } from '../../../src/lib/core/extract/extract';
import { miniDataset } from './fixture';

// 13 May 2021 was a Thursday.
const PUBLISHED = '2021-05-13';

describe('date resolution against the publication date', () => {
  it.each([
    ['on Wednesday', '2021-05-12'],
    ['on Thursday', '2021-05-13'],
    ['early on Monday', '2021-05-10'],
    ['last Friday', '2021-05-07'],
    ['yesterday', '2021-05-12'],
    ['today', '2021-05-13'],
    ['last September', '2020-09'],
    ['in March', '2021-03'],
    ['this week', '2021-05-13'],
    ['last week', '2021-05'],
    ['this month', '2021-05'],
    ['last month', '2021-04'],
    ['last year', '2020'],
    ['in 2020', '2020'],
    ['six months after the war', '2020-11'],
    ['two days ago', '2021-05-11'],
    ['three years ago', '2018'],
    ['13 September 2022', '2022-09-13'],
    ['September 13, 2022', '2022-09-13'],
    ['on May 10', '2021-05-10'],
    ['Sept. 13', '2020-09-13'],
    ['in May 2019', '2019-05'],
  ])('%s → %s', (phrase, expected) => {
    expect(resolveDate(phrase, PUBLISHED)).toBe(expected);
  });

  it('reads a weekday forward when the sentence is about the future', () => {
    const text = 'The army is scheduled to start exercises on Sunday.';
    expect(findDates(text, 0, text.length, PUBLISHED)[0].value).toBe('2021-05-16');
  });

  it('resolves a month-precise publication date no finer than it', () => {
    expect(resolveDate('this week', '2020-10')).toBe('2020-10');
    expect(resolveDate('on Wednesday', '2020-10')).toBeNull();
  });

  it('gives "N months after" to what follows it', () => {
    const text = 'Clashes broke out six months after a Russian-brokered agreement.';
    const [date] = findDates(text, 0, text.length, PUBLISHED);
    expect(date).toMatchObject({ value: '2020-11', scope: 'after', text: 'six months after' });
  });
});

describe('candidate dates', () => {
  const extract = (text: string) => extractCandidates(text, miniDataset(), { published: PUBLISHED }).candidates;

  it('takes the date phrase of the sentence', () => {
    expect(extract('Azerbaijan attacked Armenia on Wednesday.')[0]).toMatchObject({ date: '2021-05-12', flags: [] });
  });

  it('gives standing relations the publication date unless the text says otherwise', () => {
    expect(extract('Armenia is a member of the CSTO.')[0]).toMatchObject({ type: 'membership', date: PUBLISHED, flags: [] });
    expect(extract('In 2020, Armenia was a member of the CSTO.')[0]).toMatchObject({ type: 'membership', date: '2020' });
  });

  it('gives an event sentence without a date the last date of its paragraph', () => {
    const [attack, accusation] = extract('Azerbaijan attacked Armenia on Wednesday. Armenia accused Azerbaijan.\nArmenia blamed Azerbaijan.');
    expect(attack.date).toBe('2021-05-12');
    expect(accusation).toMatchObject({ type: 'accusation', date: '2021-05-12', flags: [] });
  });

  it('flags an event without a date phrase as dated by guess', () => {
    expect(extract('Azerbaijan attacked Armenia.')[0]).toMatchObject({ date: PUBLISHED, flags: ['date-guessed'] });
  });
});
