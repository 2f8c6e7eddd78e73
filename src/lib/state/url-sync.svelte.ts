/**
 * Keeps the query string and the view in step: every settled change becomes a
 * history entry, and back/forward or an opened link restore the view.
 */
import { parseViewQuery, serializeViewQuery } from '../core/view-query';
import type { Explorer } from './explorer.svelte';

const SETTLE_MS = 400;

export function viewQueryOf(explorer: Explorer): string {
  return serializeViewQuery({
    types: explorer.shownTypes,
    allTypes: explorer.allTypeIds,
    from: explorer.fromText,
    to: explorer.toText,
    isFullExtent: explorer.isFullExtent,
    focus: explorer.focus,
  });
}

/** Applies a query string to the explorer; returns the notices for what was ignored. */
export function applyViewQuery(explorer: Explorer, search: string): string[] {
  const index = explorer.index;
  if (!index) return [];
  const { view, notices } = parseViewQuery(search, { typeIds: index.typeIds, actorIds: index.actorIds });
  if (view.types) explorer.shownTypes = index.typeIds.filter((id) => view.types!.includes(id));
  else explorer.showAllTypes();
  explorer.setWindow(view.from ?? index.extent.start, view.to ?? index.extent.end);
  explorer.focusActor(view.focus ?? null);
  explorer.selectEdge(null);
  return notices;
}

/** Starts syncing; call from a component effect once the dataset is ready. Returns the teardown. */
export function startUrlSync(explorer: Explorer, onRestore: (focus: string | null) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const notices = applyViewQuery(explorer, location.search);
  explorer.addNotices(notices);
  if (explorer.focus) onRestore(explorer.focus);

  const onPopState = () => {
    clearTimeout(timer);
    applyViewQuery(explorer, location.search);
    onRestore(explorer.focus);
  };
  window.addEventListener('popstate', onPopState);

  const stopEffect = $effect.root(() => {
    $effect(() => {
      const query = viewQueryOf(explorer);
      clearTimeout(timer);
      if (query === location.search) return;
      timer = setTimeout(() => history.pushState(null, '', `${location.pathname}${query}${location.hash}`), SETTLE_MS);
    });
  });
  return () => {
    clearTimeout(timer);
    window.removeEventListener('popstate', onPopState);
    stopEffect();
  };
}
