import { describe, expect, test } from 'vitest';
import { boundaryOffset, trimmedSpan } from '../../src/lib/core/selection-offsets';

describe('boundaryOffset', () => {
  test('inside a run’s text it is the run’s offset plus the offset into its text', () => {
    expect(boundaryOffset({ kind: 'text', runStart: 40, offset: 0 })).toBe(40);
    expect(boundaryOffset({ kind: 'text', runStart: 40, offset: 7 })).toBe(47);
  });

  test('on a run’s element it is before its text at 0, after it otherwise', () => {
    expect(boundaryOffset({ kind: 'run', runStart: 12, runLength: 9, offset: 0 })).toBe(12);
    expect(boundaryOffset({ kind: 'run', runStart: 12, runLength: 9, offset: 1 })).toBe(21);
  });

  test('on a paragraph outside any run it is the paragraph’s start at 0, its end otherwise', () => {
    expect(boundaryOffset({ kind: 'paragraph', start: 100, end: 180, offset: 0 })).toBe(100);
    expect(boundaryOffset({ kind: 'paragraph', start: 100, end: 180, offset: 3 })).toBe(180);
  });

  test('outside the article there is none', () => {
    expect(boundaryOffset({ kind: 'outside' })).toBeNull();
  });
});

describe('trimmedSpan', () => {
  const text = 'Armenia asked Russia for help.\n\nKazakhstan backed Armenia.';

  test('a span without edge whitespace is kept as it is', () => {
    expect(trimmedSpan(text, 14, 20)).toEqual({ start: 14, end: 20 });
    expect(text.slice(14, 20)).toBe('Russia');
  });

  test('spaces and line breaks at the edges of a drag are left out', () => {
    const span = trimmedSpan(text, 13, 32)!;
    expect(text.slice(span.start, span.end)).toBe('Russia for help.');
  });

  test('an end outside the article, an empty or reversed span, or whitespace alone gives none', () => {
    expect(trimmedSpan(text, null, 20)).toBeNull();
    expect(trimmedSpan(text, 14, null)).toBeNull();
    expect(trimmedSpan(text, 20, 20)).toBeNull();
    expect(trimmedSpan(text, 20, 14)).toBeNull();
    expect(trimmedSpan(text, 30, 32)).toBeNull();
  });
});
