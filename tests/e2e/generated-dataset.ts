/**
 * Opens the built app on a generated dataset (bench/generate.ts) saved in the
 * page's IndexedDB, as if the user had imported it earlier: the files are
 * served from a route of the page's own origin, written with the app's schema,
 * and the app is reloaded onto them.
 */
import type { Page } from 'playwright-core';
import { datasetToFiles, generateDataset } from '../../bench/generate';
import type { Dataset } from '../../src/lib/core/model';

export const GENERATED_ID = 'd-generated';
const SEED_ROUTE = '/__seed/files.json';

/** The saved-dataset record the app lists for a generated dataset of `size` bytes. */
export function generatedEntry(dataset: Dataset, size: number) {
  return {
    id: GENERATED_ID,
    name: `Generated ${dataset.relations.length.toLocaleString('en')}`,
    format: 'graph-data',
    importedAt: new Date().toISOString(),
    counts: { actors: dataset.actors.length, relations: dataset.relations.length, sources: dataset.sources.length, types: dataset.types.length },
    dateRange: { from: '2014-01-01', to: '2023-12-31' },
    size,
    hasTexts: false,
  };
}

/**
 * Writes files served one by one from `folder` of the page's origin into the app's IndexedDB (the app open
 * there, its stores made) under `entry`, and makes it the current dataset. One JSON body of 1M relations
 * crashed the page, so large datasets come this way.
 */
export async function seedServedFiles(page: Page, folder: string, names: string[], entry: { id: string }): Promise<void> {
  await page.evaluate(
    async ({ folder, names, entry }) => {
      const files: Record<string, string> = {};
      for (const name of names) files[name] = await (await fetch(`${folder}/${name}`)).text();
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('entente');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const tx = db.transaction(['datasets', 'payloads'], 'readwrite');
      tx.objectStore('payloads').put({ id: entry.id, files });
      tx.objectStore('datasets').put(entry);
      await new Promise((done, fail) => {
        tx.oncomplete = done;
        tx.onerror = () => fail(tx.error);
      });
      db.close();
      localStorage.setItem('entente.dataset', entry.id);
    },
    { folder, names, entry },
  );
}

/** Writes the dataset into the app's IndexedDB (the app must be open at its origin) and makes it the current one. */
export async function seedGeneratedDataset(page: Page, relationCount: number, seed = 42): Promise<{ actors: number; relations: number }> {
  const dataset = generateDataset(relationCount, seed);
  const files = datasetToFiles(dataset);
  const body = JSON.stringify(files);
  await page.route(`**${SEED_ROUTE}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  const entry = generatedEntry(dataset, body.length * 2);
  await page.evaluate(
    async ({ entry, route }) => {
      const files = await (await fetch(route)).json();
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        // Whatever version the app has created; a fresh profile gets the first version's stores and the app upgrades it.
        const request = indexedDB.open('entente');
        request.onupgradeneeded = () => {
          request.result.createObjectStore('datasets', { keyPath: 'id' });
          request.result.createObjectStore('payloads', { keyPath: 'id' });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['datasets', 'payloads'], 'readwrite');
        tx.objectStore('payloads').put({ id: entry.id, files });
        tx.objectStore('datasets').put(entry);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      localStorage.setItem('entente.dataset', entry.id);
    },
    { entry, route: SEED_ROUTE },
  );
  await page.unroute(`**${SEED_ROUTE}`);
  return { actors: dataset.actors.length, relations: dataset.relations.length };
}

/** Waits until the app shows the generated dataset (loaded, graph drawn; the layout may still run). */
export async function waitForGeneratedDataset(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('.shell[data-status="ready"]') !== null && localStorage.getItem('entente.dataset') === 'd-generated' && !!(window as unknown as { __entente?: unknown }).__entente,
    undefined,
    { timeout },
  );
}
