import { describe, expect, it } from 'vitest';
import { describeView, describeWindow } from '../../src/lib/core/view-description';
import { day } from './helpers';

describe('the description of the graph view', () => {
  it('reads like the issue asks', () => {
    expect(describeView({ actorCount: 12, relationCount: 19, from: day('2022-09-01'), to: day('2022-09-30'), typeCount: 1, totalTypeCount: 17 })).toBe(
      'Graph of 12 actors and 19 relations, 1 Sep – 30 Sep 2022, 1 type',
    );
  });

  it('says "all N types" when nothing is filtered out, and uses singulars', () => {
    expect(describeView({ actorCount: 1, relationCount: 1, from: day('1990-01-01'), to: day('2023-01-05'), typeCount: 17, totalTypeCount: 17 })).toBe(
      'Graph of 1 actor and 1 relation, 1 Jan 1990 – 5 Jan 2023, all 17 types',
    );
    expect(describeView({ actorCount: 0, relationCount: 0, from: day('2022-01-01'), to: day('2022-12-31'), typeCount: 0, totalTypeCount: 17 })).toBe(
      'Graph of 0 actors and 0 relations, 1 Jan – 31 Dec 2022, 0 types',
    );
  });

  it('writes a one-day window once', () => {
    expect(describeWindow(day('2020-11-10'), day('2020-11-10'))).toBe('10 Nov 2020');
  });
});
