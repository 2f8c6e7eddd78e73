/** The saved-dataset snapshots in the app's IndexedDB, as e2e tests look at them (core/dataset-snapshot.ts). */
import type { Page } from 'playwright-core';

/** The id of the saved dataset the app shows. */
export const currentDatasetId = (page: Page) => page.evaluate(() => localStorage.getItem('entente.dataset'));

/**
 * Waits until the worker has stored a sound snapshot of dataset `id` (after a load that parsed it): every array as long as its
 * header says. `orNoStore` also ends the wait when the database has no store for snapshots (an older build, for the load bench).
 */
export async function waitForSnapshot(page: Page, id: string, { orNoStore = false, timeout = 60_000 } = {}): Promise<void> {
  await page.waitForFunction(
    ([id, orNoStore]) =>
      new Promise<boolean>((done) => {
        const request = indexedDB.open('entente');
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('snapshots')) return (db.close(), done(orNoStore));
          const get = db.transaction('snapshots').objectStore('snapshots').get(id);
          get.onsuccess = () => {
            db.close();
            const snapshot = get.result as { header: { arrays: Array<[string, number]> }; arrays: ArrayLike<number>[] } | undefined;
            done(!!snapshot && snapshot.header.arrays.every(([, length], i) => snapshot.arrays[i]?.length === length));
          };
          get.onerror = () => (db.close(), done(false));
        };
        request.onerror = () => done(false);
      }),
    [id, orNoStore] as const,
    { timeout, polling: 250 },
  );
}

/** Cuts the longest array of dataset `id`'s snapshot short by one value, as a write broken off would leave it. */
export async function truncateSnapshot(page: Page, id: string): Promise<void> {
  await page.evaluate(
    (id) =>
      new Promise<void>((done, fail) => {
        const request = indexedDB.open('entente');
        request.onsuccess = () => {
          const db = request.result;
          const store = db.transaction('snapshots', 'readwrite').objectStore('snapshots');
          const get = store.get(id);
          get.onsuccess = () => {
            const snapshot = get.result as { arrays: Int32Array[] };
            const longest = snapshot.arrays.reduce((best, a, i) => (a.length > snapshot.arrays[best].length ? i : best), 0);
            snapshot.arrays[longest] = snapshot.arrays[longest].slice(0, -1);
            const put = store.put(snapshot);
            put.onsuccess = () => (db.close(), done());
            put.onerror = () => fail(put.error);
          };
          get.onerror = () => fail(get.error);
        };
        request.onerror = () => fail(request.error);
      }),
    id,
  );
}

/** The import worker's stages of the last load, as marked on the page (`import:from-snapshot` when it answered from a snapshot). */
export const importStages = (page: Page) => page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((name) => name.startsWith('import:')));
