/** Column mappings the user saved as presets, kept in localStorage beside the shipped ones (ACLED). */
import type { MappingPreset } from '../core/import-job';
import type { EdgeListMapping } from '../core/formats/types';
export { applyPreset, presetFits } from '../core/mapping-preset';

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
