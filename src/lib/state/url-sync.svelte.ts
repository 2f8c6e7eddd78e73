/**
 * Keeps the query string and the view in step: every settled change becomes a
 * history entry, and back/forward or an opened link restore the view.
 */
import { MODALITIES } from '../core/model';
import { parseViewQuery, serializeViewQuery } from '../core/view-query';
import type { Explorer } from './explorer.svelte';
import { ACTOR_KINDS } from '../core/model';
import type { FilterVocabulary } from '../core/view-filters-query';
import { viewFilters } from './view-filters.svelte';
import { compare } from './compare.svelte';

// Per dataset: the query is serialized on every slider move, and finding the kinds present walks every actor.
const vocabularies = new WeakMap<object, FilterVocabulary>();

/** Kinds and sources of the loaded dataset, for the kind, source and compare parameters. */
function filterVocabulary(explorer: Explorer): FilterVocabulary {
  const dataset = explorer.dataset;
  if (!dataset) return { kinds: [], sources: [] };
  let vocabulary = vocabularies.get(dataset);
  if (!vocabulary) {
    const present = new Set(dataset.actors.map((a) => a.kind));
    vocabulary = { kinds: ACTOR_KINDS.filter((k) => present.has(k)), sources: dataset.sources };
    vocabularies.set(dataset, vocabulary);
  }
  return vocabulary;
}

const SETTLE_MS = 400;

export function viewQueryOf(explorer: Explorer): string {
  return serializeViewQuery({
    types: explorer.shownTypes,
    allTypes: explorer.allTypeIds,
    modalities: explorer.shownModalities,
    carryForward: explorer.carryForward,
    from: explorer.fromText,
    to: explorer.toText,
    isFullExtent: explorer.isFullExtent,
    focus: explorer.focus,
    scope: explorer.scope.pins,
    depth: explorer.scope.depth,
    rollUp: explorer.scope.rollUp,
    filters: { ...viewFilters.selection, compare: compare.active ? compare.b : null, vocabulary: filterVocabulary(explorer) },
  });
}

/** Applies a query string to the explorer; returns the notices for what was ignored. */
/** The address that restores the current view: types, modalities, window, carry-forward and focus. */
export function shareUrl(explorer: Explorer): string {
  return `${location.origin}${location.pathname}${viewQueryOf(explorer)}`;
}

function applyViewQuery(explorer: Explorer, search: string): string[] {
  const index = explorer.index;
  if (!index) return [];
  const { view, notices } = parseViewQuery(search, { typeIds: index.typeIds, actorIds: index.actorIds, filters: filterVocabulary(explorer) });
  if (view.types) explorer.shownTypes = index.typeIds.filter((id) => view.types!.includes(id));
  else explorer.showAllTypes();
  if (view.modalities) explorer.shownModalities = MODALITIES.filter((m) => view.modalities!.includes(m));
  else explorer.showAllModalities();
  explorer.setCarryForward(view.carryForward ?? false);
  const from = view.from ?? index.extent.start;
  const to = view.to ?? index.extent.end;
  if (from > to) {
    notices.push('Ignored the date window: it ends before it starts once the missing bound is filled in.');
    explorer.setWindow(index.extent.start, index.extent.end);
  } else explorer.setWindow(from, to);
  explorer.scope.restore(view.scope ?? [], view.depth === 2 ? 2 : 1, view.rollUp ?? false);
  viewFilters.hiddenKinds = view.filters?.hiddenKinds ?? [];
  viewFilters.hiddenSources = view.filters?.hiddenSources ?? [];
  viewFilters.setMinWeight(view.filters?.minWeight ?? 1);
  if (view.filters?.compare) compare.start(view.filters.compare);
  else compare.stop();
  explorer.focusActor(view.focus ?? null);
  explorer.selectEdge(null);
  return notices;
}

/** Runs `run` once the page is idle, within IDLE_WAIT_MS; where there is no idle callback, on the next task. */
const IDLE_WAIT_MS = 1000;
const whenIdle = (run: () => void): number =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: IDLE_WAIT_MS }) : (setTimeout(run, 0) as unknown as number);
const cancelIdle = (id: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : clearTimeout(id));

const urlOf = (query: string) => `${location.pathname}${query}${location.hash}`;

/**
 * Starts syncing; call from a component effect once the dataset is ready. Returns the teardown.
 * While `isTransient()` holds (playback), the URL follows by replacing the current entry,
 * so a played animation does not fill the history.
 */
export function startUrlSync(explorer: Explorer, onRestore: (focus: string | null) => void, isTransient: () => boolean = () => false): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idleWrite: number | undefined;
  const cancelWrite = () => {
    clearTimeout(timer);
    if (idleWrite !== undefined) cancelIdle(idleWrite);
    idleWrite = undefined;
  };
  // The entry is rewritten in its canonical form, or Back would land on the raw URL and be pushed forward again.
  const restore = () => {
    const notices = applyViewQuery(explorer, location.search);
    history.replaceState(null, '', urlOf(viewQueryOf(explorer)));
    return notices;
  };
  explorer.addNotices(restore());
  if (explorer.focus) onRestore(explorer.focus);

  const onPopState = () => {
    cancelWrite();
    restore();
    onRestore(explorer.focus);
  };
  window.addEventListener('popstate', onPopState);

  const stopEffect = $effect.root(() => {
    $effect(() => {
      const query = viewQueryOf(explorer);
      cancelWrite();
      if (query === location.search) return;
      if (isTransient()) history.replaceState(null, '', urlOf(query));
      // Settled, the entry is written when the page is idle: pushState costs 1.5-5 ms of main thread, which
      // would otherwise land between a slider move and its frame.
      else timer = setTimeout(() => (idleWrite = whenIdle(() => ((idleWrite = undefined), history.pushState(null, '', urlOf(query))))), SETTLE_MS);
    });
  });
  return () => {
    cancelWrite();
    window.removeEventListener('popstate', onPopState);
    stopEffect();
  };
}
