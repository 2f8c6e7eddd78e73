/**
 * What an exported picture says about itself: legend entries and caption
 * lines, composed from the view alone so they can be tested without a canvas.
 */
import { KIND_STYLES, type KindStyle } from './kind-styles';
import { ACTOR_KINDS } from './model';
import type { ActorKind, RelationType, Source } from './model';
import { outletText } from './relation-text';
import { comparisonSwatches, comparisonText, type PeriodComparison } from './compare';
import { formatCount } from './summary';

export interface CaptionInput {
  title: string;
  from: string;
  to: string;
  /** Every type of the dataset, in legend order. */
  types: readonly RelationType[];
  /** The types the filter lets through, for the caption; without it, the types with visible relations. */
  shownTypeIds?: readonly string[];
  /** Visible relation rows per type id; types with none are not in the picture. */
  visibleByType: ReadonlyMap<string, number>;
  /** Kinds of the actors drawn. */
  visibleKinds: ReadonlySet<ActorKind>;
  /** Sources of the visible relations. */
  sources: readonly Source[];
  visibleCount: number;
  /** Distinct statements behind the visible rows, when the dataset groups rows into statements. */
  statementCount?: number;
  /** Standing relations carried forward to today rather than held through their sources' dates. */
  carryForward?: boolean;
  /** Labels of the actors the view is scoped to, and how many steps out. */
  scope?: { actors: readonly string[]; depth: number };
  /** People and bodies counted as their state or organisation. */
  rolledUp?: boolean;
  /** Two periods compared: the caption names both and the legend shows the three states instead of the types. */
  comparison?: PeriodComparison;
  /** What the kind, source and weight filters leave out (core/view-filters.ts viewFilterCaptionLines). */
  filterLines?: readonly string[];
}

export interface LegendSwatch {
  label: string;
  color: string;
  directed: boolean;
}

export interface LegendKind {
  label: string;
  style: KindStyle;
}

export interface ExportAnnotation {
  title: string;
  kinds: LegendKind[];
  types: LegendSwatch[];
  captionLines: string[];
}

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

/** "All 17 relation types", "All relation types except Accusation", or the few that are shown. */
function typesText(all: readonly RelationType[], shown: readonly RelationType[]): string {
  if (shown.length === 0) return 'No relation types';
  if (shown.length === all.length) return `All ${all.length} relation types`;
  const left = all.filter((t) => !shown.includes(t));
  if (shown.length > all.length / 2) return `All relation types except ${left.map((t) => t.label).join(', ')}`;
  return shown.map((t) => t.label).join(', ');
}

export function composeAnnotation(input: CaptionInput): ExportAnnotation {
  const shown = input.types.filter((t) => (input.visibleByType.get(t.id) ?? 0) > 0);
  const kinds = ACTOR_KINDS.filter((k) => input.visibleKinds.has(k)).map((k) => ({ label: KIND_STYLES[k].label, style: KIND_STYLES[k] }));
  const outlets = [...new Set(input.sources.map((s) => outletText(s)))].sort((a, b) => a.localeCompare(b));
  const typeLine = typesText(input.types, input.shownTypeIds ? input.types.filter((t) => input.shownTypeIds!.includes(t.id)) : shown);
  return {
    title: input.title,
    kinds,
    types: input.comparison ? comparisonSwatches(input.comparison) : shown.map((t) => ({ label: t.label, color: t.color, directed: t.directed })),
    captionLines: [
      `${input.comparison ? comparisonText(input.comparison) : `${input.from} to ${input.to}`} · ${typeLine}`,
      `${plural(input.visibleCount, 'relation')}${input.statementCount === undefined ? '' : ` (${plural(input.statementCount, 'statement')})`} from ${plural(input.sources.length, 'source')}`,
      outlets.length ? `Sources: ${outlets.join('; ')}` : 'Sources: none',
      ...(input.filterLines ?? []),
      ...(input.carryForward ? ['Standing relations carried forward to today, beyond what their sources attest'] : []),
      ...(input.scope?.actors.length ? [scopeText(input.scope)] : []),
      ...(input.rolledUp ? ['People and bodies counted as their state or organisation'] : []),
    ],
  };
}

/** "Scope: Russia and its neighbours", "Scope: Armenia and CSTO, 2 steps out". */
export function scopeText(scope: { actors: readonly string[]; depth: number }): string {
  const names = scope.actors.join(' and ');
  const many = scope.actors.length > 1;
  return scope.depth === 1 ? `Scope: ${names} and ${many ? 'their' : 'its'} neighbours` : `Scope: ${names}, ${scope.depth} steps out`;
}

/** `entente_2020-01-01_2023-12-31.png`; a scope or roll-up is named too (`entente_scope-russia-d1_rolled-up_…`), so files of different views do not collide. */
export function defaultExportFileName(datasetName: string, from: string, to: string, extension: string, view: { scope?: readonly string[]; depth?: number; rolledUp?: boolean } = {}): string {
  const parts = [datasetName];
  if (view.scope?.length) parts.push(`scope-${view.scope.map((id) => id.replace(/[^A-Za-z0-9-]+/g, '-')).join('+')}-d${view.depth ?? 1}`);
  if (view.rolledUp) parts.push('rolled-up');
  return `${[...parts, from, to].join('_')}.${extension}`;
}
