/** Column mappings the user saved as presets, kept in localStorage beside the shipped ones (ACLED). */
import type { MappingPreset } from '../core/import-job';
import type { EdgeListMapping } from '../core/formats/types';

const KEY = 'entente.mappingPresets';

function read(): MappingPreset[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((p) => p && typeof p.label === 'string' && p.mapping?.subject && p.mapping?.object) : [];
  } catch {
    return [];
  }
}

export class MappingPresets {
  saved = $state.raw<MappingPreset[]>(typeof localStorage === 'undefined' ? [] : read());

  save(label: string, mapping: EdgeListMapping): MappingPreset {
    const columns = [mapping.subject, mapping.object, mapping.type, mapping.date, mapping.endDate, mapping.quote, mapping.source, mapping.url].filter(
      (c): c is string => !!c,
    );
    const preset: MappingPreset = { id: `user-${Date.now().toString(36)}`, label: label.trim() || 'My mapping', columns, mapping: { ...mapping, kinds: undefined } };
    this.saved = [...this.saved.filter((p) => p.label !== preset.label), preset];
    localStorage.setItem(KEY, JSON.stringify(this.saved));
    return preset;
  }

  remove(id: string): void {
    this.saved = this.saved.filter((p) => p.id !== id);
    localStorage.setItem(KEY, JSON.stringify(this.saved));
  }
}

export const mappingPresets = new MappingPresets();

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
