/**
 * Starts opening the dataset chosen last time before the app's code is even
 * fetched: main.ts calls this first and imports the app after, so the import
 * worker reads and validates the saved dataset while the page compiles and
 * mounts (at a million rows the worker began 0.4-0.5 s after navigation,
 * once the whole bundle had run). Datasets takes the worker and its answer over.
 */
import type { Progress } from '../core/import-job';
import { ImportWorker } from './import-worker';

export const CURRENT_DATASET_KEY = 'entente.dataset';
export const BUNDLED_ID = 'bundled';

interface EarlyLoad {
  id: string;
  worker: ImportWorker;
  answer: ReturnType<ImportWorker['send']>;
}

let early: EarlyLoad | null = null;
let listener: ((p: Progress) => void) | null = null;
let lastProgress: Progress | null = null;

/** Sends the saved dataset's load to a new import worker, when the dataset chosen last time is a saved one. */
export function startSavedLoad(): void {
  let id: string | null = null;
  try {
    id = localStorage.getItem(CURRENT_DATASET_KEY);
  } catch {
    return;
  }
  if (!id || id === BUNDLED_ID) return;
  const worker = new ImportWorker((p) => {
    lastProgress = p;
    listener?.(p);
  });
  const answer = worker.send({ kind: 'load-stored', id });
  // Whoever takes it over handles a failure; until then it must not surface as unhandled.
  answer.catch(() => undefined);
  early = { id, worker, answer };
}

/**
 * The early load of `id`, once: its worker (whose progress now goes to `onProgress`) and its answer.
 * Null when none was started for that id.
 */
export function takeSavedLoad(id: string, onProgress: (p: Progress) => void): EarlyLoad | null {
  const taken = early;
  if (!taken || taken.id !== id) return null;
  early = null;
  listener = onProgress;
  if (lastProgress) onProgress(lastProgress);
  return taken;
}
