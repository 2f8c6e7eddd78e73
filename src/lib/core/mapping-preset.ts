/** Matching a saved or shipped column mapping against a table's header. */
import type { MappingPreset } from './import-job';
import type { EdgeListMapping } from './formats/types';

/** A preset applies to a header when it has every column the preset names (compared without case). */
export function presetFits(preset: MappingPreset, header: string[]): boolean {
  const lower = header.map((h) => h.toLowerCase());
  return preset.columns.every((c) => lower.includes(c.toLowerCase()));
}

/** The preset's mapping with the header's own spelling of each column. */
export function applyPreset(preset: MappingPreset, header: string[]): EdgeListMapping {
  const lower = header.map((h) => h.toLowerCase());
  const real = (c: string | undefined) => (c ? header[lower.indexOf(c.toLowerCase())] : undefined);
  const m = preset.mapping;
  return {
    ...m,
    subject: real(m.subject) ?? m.subject,
    object: real(m.object) ?? m.object,
    type: real(m.type),
    date: real(m.date),
    endDate: real(m.endDate),
    quote: real(m.quote),
    source: real(m.source),
    url: real(m.url),
  };
}
