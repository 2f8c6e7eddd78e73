import { describe, expect, test } from 'vitest';
import { quoteBody } from '../../src/lib/core/quote-display';

describe('quoteBody', () => {
  test('a quote that starts or ends with the text’s own double quotation mark shows without it', () => {
    expect(quoteBody('"Kazakhstan and Belarus backed Armenia')).toBe('Kazakhstan and Belarus backed Armenia');
    expect(quoteBody('backed Armenia in the talks,"')).toBe('backed Armenia in the talks,');
    expect(quoteBody('“We will help,” he said')).toBe('We will help,” he said');
    expect(quoteBody('« Nous aiderons »')).toBe('Nous aiderons');
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
