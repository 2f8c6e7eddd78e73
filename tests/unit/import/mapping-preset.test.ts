import { describe, expect, it } from 'vitest';
import { applyPreset, presetFits } from '../../../src/lib/core/mapping-preset';
import type { MappingPreset } from '../../../src/lib/core/import-job';

const acled: MappingPreset = {
  id: 'acled',
  label: 'ACLED export',
  columns: ['actor1', 'actor2', 'event_type', 'sub_event_type', 'event_date', 'notes', 'source'],
  mapping: { subject: 'actor1', object: 'actor2', type: 'sub_event_type', date: 'event_date', quote: 'notes', source: 'source' },
};

describe('mapping presets', () => {
  const header = ['event_id_cnty', 'EVENT_DATE', 'event_type', 'sub_event_type', 'ACTOR1', 'actor2', 'notes', 'source'];
  it('fits a header that has every column, whatever the case', () => {
    expect(presetFits(acled, header)).toBe(true);
    expect(presetFits(acled, header.filter((h) => h !== 'notes'))).toBe(false);
  });
  it('maps onto the header\'s own spelling of each column', () => {
    expect(applyPreset(acled, header)).toEqual({
      subject: 'ACTOR1',
      object: 'actor2',
      type: 'sub_event_type',
      date: 'EVENT_DATE',
      endDate: undefined,
      quote: 'notes',
      source: 'source',
      url: undefined,
    });
  });
});
