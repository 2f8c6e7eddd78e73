import { describe, expect, test } from 'vitest';
import { quoteBody } from '../../src/lib/core/quote-display';

describe('quoteBody', () => {
  test('a quote that starts or ends with the text’s own double quotation mark shows without it', () => {
    expect(quoteBody('"Kazakhstan and Belarus backed Armenia')).toBe('Kazakhstan and Belarus backed Armenia');
    expect(quoteBody('backed Armenia in the talks,"')).toBe('backed Armenia in the talks,');
    expect(quoteBody('« Nous aiderons »')).toBe('Nous aiderons');
  });

  test('a pair that opens or closes inside the quote is the text’s own and is kept', () => {
    expect(quoteBody('Azerbaijan accused Armenia of a large-scale “provocation”')).toBe(
      'Azerbaijan accused Armenia of a large-scale “provocation”',
    );
    expect(quoteBody('“We will help,” he said')).toBe('“We will help,” he said');
    expect(quoteBody('the so-called "peace plan"')).toBe('the so-called "peace plan"');
    expect(quoteBody('"Kazakhstan backed Armenia," he said')).toBe('"Kazakhstan backed Armenia," he said');
  });

  test('marks inside the quote, apostrophes and plain quotes are kept', () => {
    expect(quoteBody('the so-called "peace plan" failed')).toBe('the so-called "peace plan" failed');
    expect(quoteBody("the states' talks")).toBe("the states' talks");
    expect(quoteBody('Armenia asked Russia for help')).toBe('Armenia asked Russia for help');
  });

  test('a quote of marks alone is shown as it is, not as nothing', () => {
    expect(quoteBody('"')).toBe('"');
  });
});
