/**
 * Scoring helpers for `npm run bench:extract`: tallies, table rows, the roll-up of
 * people and bodies to their state, and the deterministic split of the PLOVER
 * sentences into a development half and a held-out half.
 */
import type { Dataset } from '../src/lib/core/model';
import type { Extraction } from '../src/lib/core/extract/types';

export interface Tally {
  gold: number;
  predicted: number;
  hitGold: number;
  hitPredicted: number;
}

export const tally = (): Tally => ({ gold: 0, predicted: 0, hitGold: 0, hitPredicted: 0 });
const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : '  - ');

export function row(label: string, t: Tally, width = 20): string {
  return `${label.padEnd(width)} ${String(t.gold).padStart(5)} ${String(t.predicted).padStart(5)} ${String(t.hitPredicted).padStart(5)}   P ${ratio(t.hitPredicted, t.predicted)}   R ${ratio(t.hitGold, t.gold)}`;
}

export function header(label: string, width = 20): string {
  return `${label.padEnd(width)} ${'gold'.padStart(5)} ${'cand'.padStart(5)} ${'hit'.padStart(5)}`;
}

/** Per-type tallies plus their total. */
export class Table {
  readonly total = tally();
  readonly byType = new Map<string, Tally>();

  of(type: string): Tally {
    return this.byType.get(type) ?? this.byType.set(type, tally()).get(type)!;
  }

  gold(type: string, hit: boolean): void {
    for (const t of [this.total, this.of(type)]) (t.gold++, hit && t.hitGold++);
  }

  predicted(type: string, hit: boolean): void {
    for (const t of [this.total, this.of(type)]) (t.predicted++, hit && t.hitPredicted++);
  }

  print(title: string, label: string, annotate: (type: string) => string = () => ''): void {
    console.log(`\n  ${title}`);
    console.log('  ' + header(label));
    for (const type of [...this.byType.keys()].sort()) console.log('  ' + row(type + annotate(type), this.byType.get(type)!));
    console.log('  ' + row('ALL', this.total));
  }
}

export function rollUpper(dataset: Dataset, extractions: Extraction[]): (id: string) => string {
  const affiliation = new Map<string, { kind: string; affiliation: string | null }>();
  for (const actor of dataset.actors) affiliation.set(actor.id, actor);
  for (const extraction of extractions) for (const actor of extraction.newActors) if (!affiliation.has(actor.id)) affiliation.set(actor.id, actor);
  return (id: string) => {
    let current = id;
    for (let guard = 0; guard < 10; guard++) {
      const actor = affiliation.get(current);
      if (!actor || actor.kind === 'state' || !actor.affiliation) return current;
      current = actor.affiliation;
    }
    return current;
  };
}

/** FNV-1a over the UTF-8 bytes: a fixed, content-blind order for the split. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/**
 * Within each gold event, records ordered by the hash of their id alternate between the
 * halves, so both halves hold every event in nearly equal numbers. Only ids and event
 * names are read: the split never looks at a sentence.
 */
export function splitHalves<T extends { id: string; event: string }>(records: T[]): { dev: T[]; heldOut: T[] } {
  const byEvent = new Map<string, T[]>();
  for (const r of records) byEvent.get(r.event)?.push(r) ?? byEvent.set(r.event, [r]);
  const dev = new Set<T>();
  for (const group of byEvent.values()) {
    group.sort((a, b) => fnv1a(a.id) - fnv1a(b.id) || (a.id < b.id ? -1 : 1));
    group.forEach((r, i) => i % 2 === 0 && dev.add(r));
  }
  return { dev: records.filter((r) => dev.has(r)), heldOut: records.filter((r) => !dev.has(r)) };
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
