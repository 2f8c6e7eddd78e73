/**
 * Export of the current view: the PNG dialog's options and progress, and the
 * visible relations as CSV, JSON and GEXF. Everything exported is exactly what
 * the filters show.
 */
import { composeAnnotation, defaultExportFileName, scopeText, type ExportAnnotation } from '../core/export-caption';
import { relationsCsv, relationsJson } from '../core/export-data';
import { checkExportSize, type SizeCheck } from '../core/export-size';
import type { ActorKind } from '../core/model';
import { canvasLimits } from '../render/canvas-limits';
import { exportLayout, renderPng, type ExportBackground, type ExportFraming } from '../render/export-image';
import { toGexf, visibleGexfDocument } from '../render/export-gexf';
import { formatDay, todayDayNumber } from '../core/dates';
import { downloadBlob } from './download';
import type { Explorer } from './explorer.svelte';
import type { GraphView } from './graph-view.svelte';
import { shareUrl } from './url-sync.svelte';
import { viewFilterCaptionLines } from '../core/view-filters';
import { comparisonText, periodText } from '../core/compare';
import { viewFilters } from './view-filters.svelte';
import { ExportSession } from './export-session.svelte';

/** What the kind, source, weight and compare filters add to the caption and the GEXF's meta. */
function filterLinesOf(explorer: Explorer): string[] {
  return explorer.dataset ? viewFilterCaptionLines(explorer.dataset, viewFilters.selection) : [];
}

const DATASET_NAME = 'entente';
/** The graph area an export keeps at the least, beside legend and caption, in layout units. */
const MIN_GRAPH_SIDE = 120;
export const SIZE_PRESETS = { view: 'Current view', '1920x1080': '1920 × 1080', '3840x2160': '3840 × 2160', custom: 'Custom' } as const;
export type SizePreset = keyof typeof SIZE_PRESETS;

export class Exporter extends ExportSession {
  preset = $state<SizePreset>('1920x1080');
  customWidth = $state(1600);
  customHeight = $state(1000);
  scale = $state(1);
  background = $state<ExportBackground>('white');
  legend = $state(true);
  caption = $state(true);
  framing = $state<ExportFraming>('fit');
  title = $state('');
  fileNameEdited = $state<string | null>(null);
  /** Start CSV exports with a UTF-8 byte-order mark, so Excel reads ’ “ ” right. */
  csvBom = $state(false);

  constructor(
    private explorer: Explorer,
    private graphView: GraphView,
    /** Called as the dialog opens, to freeze the view (stop playback) while it is exported. */
    onOpen: () => void = () => {},
  ) {
    super(onOpen);
  }

  get defaultFileName(): string {
    return this.dataFileName('png');
  }

  get fileName(): string {
    return this.fileNameEdited ?? this.defaultFileName;
  }

  get defaultTitle(): string {
    const comparison = this.explorer.result?.comparison;
    if (comparison) return `Relations, ${periodText(comparison.a)} compared with ${periodText(comparison.b)}`;
    return `Relations, ${this.explorer.fromText} to ${this.explorer.toText}`;
  }

  get size(): { width: number; height: number } {
    if (this.preset === 'custom') return { width: Math.round(this.customWidth), height: Math.round(this.customHeight) };
    if (this.preset === 'view') {
      const dimensions = this.graphView.renderer?.viewSize();
      return { width: Math.round(dimensions?.width ?? 1280), height: Math.round(dimensions?.height ?? 800) };
    }
    const [width, height] = this.preset.split('x').map(Number);
    return { width, height };
  }

  get sizeCheck(): SizeCheck {
    // The picture needs what legend, title and caption take at this size, plus a usable graph.
    const { width, height } = this.size;
    const layout = exportLayout(this.annotation(), width, height, this.legend, this.caption);
    const minimum = {
      width: Math.ceil((layout.width - layout.graph.width + MIN_GRAPH_SIDE) * layout.unit),
      height: Math.ceil((layout.height - layout.graph.height + MIN_GRAPH_SIDE) * layout.unit),
    };
    return checkExportSize(width, height, this.scale, canvasLimits(), minimum);
  }

  /** Takes the size the check offers instead of the one asked for. */
  useSize(size: { width: number; height: number }): void {
    this.preset = 'custom';
    this.customWidth = size.width;
    this.customHeight = size.height;
    this.error = null;
  }

  openDialog(): void {
    this.openSession();
  }

  /** The picture's title and caption for the view as it is now; the video export passes its own title. */
  annotation(title = this.title.trim() || this.defaultTitle): ExportAnnotation {
    const { explorer } = this;
    const visibleByType = new Map<string, number>();
    const sourceIds = new Set<string>();
    for (const relation of explorer.visibleRelations) {
      visibleByType.set(relation.type, (visibleByType.get(relation.type) ?? 0) + 1);
      sourceIds.add(relation.source);
    }
    const visibleKinds = new Set<ActorKind>();
    const renderer = this.graphView.renderer;
    for (const actor of explorer.dataset?.actors ?? []) {
      if (renderer?.isNodeShown(actor.id)) visibleKinds.add(actor.kind);
    }
    return composeAnnotation({
      shownTypeIds: explorer.shownTypes,
      title,
      from: explorer.fromText,
      to: explorer.toText,
      types: explorer.dataset?.types ?? [],
      visibleByType,
      visibleKinds,
      sources: [...sourceIds].map((id) => explorer.sourcesById.get(id)!).filter(Boolean),
      visibleCount: explorer.visibleRelations.length,
      statementCount: explorer.sharesStatements ? explorer.result?.visibleStatementCount : undefined,
      carryForward: explorer.carryForward,
      scope: explorer.scope.active ? { actors: explorer.scope.pins.map((id) => explorer.actorLabel(id)), depth: explorer.scope.depth } : undefined,
      rolledUp: explorer.rolledUp,
      comparison: explorer.result?.comparison,
      filterLines: filterLinesOf(explorer),
    });
  }

  async exportPng(): Promise<boolean> {
    const renderer = this.graphView.renderer;
    if (!renderer || this.busy) return false;
    // The dialog already shows why a size is refused; refusing just means writing no file.
    if (!this.sizeCheck.ok) return false;
    return this.runExport(async (signal, wanted) => {
      const { blob, layout, ratio } = await renderPng(renderer, {
        ...this.size,
        scale: this.scale,
        background: this.background,
        legend: this.legend,
        caption: this.caption,
        framing: this.framing,
        annotation: this.annotation(),
        // Under the current camera an empty picture can be right (the user panned away); fitting all visible cannot be.
        expectInk: this.framing === 'fit' && this.explorer.visibleRelations.length > 0,
        onProgress: (step, done, total) => (this.progress = { step, done, total }),
        signal,
      });
      if (!wanted()) return null;
      const name = this.fileName.toLowerCase().endsWith('.png') ? this.fileName : `${this.fileName}.png`;
      downloadBlob(blob, name);
      // Where the picture put what, for end-to-end tests that measure its pixels.
      (window as unknown as { __ententeLastExport?: unknown }).__ententeLastExport = { layout, ratio };
      return `Saved ${name} (${this.size.width * this.scale} × ${this.size.height * this.scale} pixels).`;
    });
  }

  private dataFileName(extension: string): string {
    // Compared, the name carries period B after the window (period A): entente_2020-01-01_2020-12-31_vs_2022-01-01_2022-12-31.png
    const b = this.explorer.result?.comparison?.b;
    const to = b ? `${this.explorer.toText}_vs_${formatDay(b.from)}_${formatDay(b.to)}` : this.explorer.toText;
    return defaultExportFileName(DATASET_NAME, this.explorer.fromText, to, extension, this.viewNaming);
  }

  /** What a file name says about the scope and roll-up. */
  private get viewNaming() {
    const { scope, rolledUp } = this.explorer;
    return { scope: scope.pins, depth: scope.depth, rolledUp };
  }

  exportCsv(): void {
    const csv = relationsCsv(this.explorer.visibleRelations, this.explorer.sourcesById, { bom: this.csvBom });
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), this.dataFileName('csv'));
  }

  exportJson(): void {
    const { explorer } = this;
    const json = relationsJson(
      explorer.visibleRelations,
      {
        from: explorer.fromText,
        to: explorer.toText,
        types: explorer.shownTypes,
        focus: explorer.focus,
        ...(explorer.scope.active ? { scope: explorer.scope.pins, depth: explorer.scope.depth } : {}),
        ...(explorer.rolledUp ? { rolledUp: true } : {}),
        link: shareUrl(explorer),
      },
      { actors: explorer.actorsById, types: explorer.typesById, sources: explorer.sourcesById },
    );
    downloadBlob(new Blob([json], { type: 'application/json' }), this.dataFileName('json'));
  }

  exportGexf(): void {
    const renderer = this.graphView.renderer;
    if (!renderer) return;
    const { explorer } = this;
    const typeLabels = explorer.shownTypes.map((id) => explorer.typesById.get(id)?.label ?? id);
    const filters = [`types: ${typeLabels.join(', ') || 'none'} (${explorer.shownTypes.length} of ${explorer.allTypeIds.length})`];
    if (explorer.focus) filters.push(`focus: ${explorer.actorsById.get(explorer.focus)?.label ?? explorer.focus}`);
    if (explorer.scope.active) filters.push(scopeText({ actors: explorer.scope.pins.map((id) => explorer.actorLabel(id)), depth: explorer.scope.depth }).toLowerCase());
    if (explorer.rolledUp) filters.push('people and bodies counted as their state or organisation');
    filters.push(...filterLinesOf(explorer));
    if (explorer.result?.comparison) filters.push(`compared: ${comparisonText(explorer.result.comparison)}`);
    const meta = { creator: 'Entente', from: explorer.fromText, to: explorer.toText, filters, link: shareUrl(explorer), lastModified: formatDay(todayDayNumber()) };
    const doc = visibleGexfDocument(renderer, (edge) => explorer.visibleRelationsOfEdge(edge), { types: explorer.typesById, sources: explorer.sourcesById }, meta);
    downloadBlob(new Blob([toGexf(doc)], { type: 'application/xml' }), this.dataFileName('gexf'));
  }
}
