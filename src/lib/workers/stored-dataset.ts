/**
 * The import worker's side of the saved datasets: it reads a payload, or the snapshot of what it answered
 * for that payload last time, itself, and stores that snapshot after parsing (core/dataset-snapshot.ts).
 * The page writes payloads (state/dataset-store.ts putPayload), each with a new stamp; a snapshot is
 * stored under the stamp of the payload it was made from and read only while that stamp is current.
 */
import type { EncodedSnapshot } from '../core/dataset-snapshot';
import { createMissingStores, DATASET_DB, DATASET_DB_VERSION, newPayloadStamp, type PayloadStamp } from '../state/dataset-db-schema';
import type { StoredPayload, StoredSnapshot } from '../state/dataset-store';

const failure = (what: string, error: DOMException | null) => new Error(`cannot ${what} (${error?.message ?? 'unknown error'})`);

function requested<T>(request: IDBRequest<T>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(failure(what, request.error));
  });
}

/** The app's database, created or upgraded as the page would: the worker may open it before the page does. */
export function openStoredDb(): Promise<IDBDatabase> {
  const request = indexedDB.open(DATASET_DB, DATASET_DB_VERSION);
  request.onupgradeneeded = () => createMissingStores(request.result);
  return requested(request, 'open the saved datasets');
}

/** A snapshot of `id` whose stamp is its payload's current one, else undefined (none, or made from an older payload). */
export async function readSnapshot(db: IDBDatabase, id: string): Promise<StoredSnapshot | undefined> {
  const tx = db.transaction(['payload-stamps', 'snapshots']);
  const [stamp, snapshot] = await Promise.all([
    requested<PayloadStamp | undefined>(tx.objectStore('payload-stamps').get(id), 'read the saved dataset'),
    requested<StoredSnapshot | undefined>(tx.objectStore('snapshots').get(id), 'read the saved dataset'),
  ]);
  return snapshot && stamp && snapshot.stamp === stamp.stamp ? snapshot : undefined;
}

/** A saved payload and the stamp it was written with (undefined for one written before stamps). */
export async function readPayload(db: IDBDatabase, id: string): Promise<{ payload: StoredPayload | undefined; stamp: string | undefined }> {
  const tx = db.transaction(['payloads', 'payload-stamps']);
  const [payload, stamp] = await Promise.all([
    requested<StoredPayload | undefined>(tx.objectStore('payloads').get(id), 'read the saved dataset'),
    requested<PayloadStamp | undefined>(tx.objectStore('payload-stamps').get(id), 'read the saved dataset'),
  ]);
  return { payload, stamp: stamp?.stamp };
}

/**
 * Stores the snapshot of what was answered for the payload read with `stamp`. Call it before transferring the
 * snapshot's buffers: `put` clones the value at once. The write commits only if the payload's stamp is still
 * `stamp` (the transaction is aborted otherwise), so a payload written meanwhile keeps no stale snapshot.
 * Resolves true once stored, false when it was not (a newer payload, a full quota): the load goes on either way.
 */
export function writeSnapshot(db: IDBDatabase, id: string, stamp: string | undefined, encoded: EncodedSnapshot): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(['payload-stamps', 'snapshots'], 'readwrite');
      const stamps = tx.objectStore('payload-stamps');
      // A payload saved before stamps existed gets one now, with its snapshot.
      const written = stamp ?? newPayloadStamp();
      const current = stamps.get(id);
      current.onsuccess = () => {
        const now = (current.result as PayloadStamp | undefined)?.stamp;
        if (now !== stamp) return tx.abort();
        if (stamp === undefined) stamps.put({ id, stamp: written } satisfies PayloadStamp);
      };
      tx.objectStore('snapshots').put({ id, stamp: written, ...encoded } satisfies StoredSnapshot);
      tx.oncomplete = () => resolve(true);
      // A failed request or commit (the quota) aborts the transaction.
      tx.onabort = () => resolve(false);
    } catch {
      resolve(false);
    }
  });
}
