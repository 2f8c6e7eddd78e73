import { describe, expect, it } from 'vitest';
import { storageFailureMessage } from '../../../src/lib/core/storage-message';

describe('storageFailureMessage', () => {
  it('explains a full quota with the sizes and what to do', () => {
    const text = storageFailureMessage({ name: 'QuotaExceededError', message: 'quota exceeded' }, 30 * 1048576, { quota: 200 * 1048576, usage: 190 * 1048576 });
    expect(text).toBe(
      "Not saved: the browser's storage for this page is full. This dataset needs about 30 MB. The browser allows this site 200 MB, of which 190 MB is in use. Delete a saved dataset, or open this one without saving. Nothing was written.",
    );
  });
  it('recognises Firefox-style quota messages and works without an estimate', () => {
    expect(storageFailureMessage({ name: 'UnknownError', message: 'The quota has been exceeded.' }, 1048576, null)).toMatch(/^Not saved: the browser's storage for this page is full\. This dataset needs about 1\.0 MB\. Delete/);
  });
  it('names any other refusal', () => {
    expect(storageFailureMessage({ name: 'InvalidStateError' }, 10, null)).toBe('Not saved: the browser refused to store the dataset (InvalidStateError). Nothing was written.');
  });
});
