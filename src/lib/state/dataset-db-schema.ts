/**
 * The app's database of saved datasets, by name, version and stores: opened by the page (dataset-store.ts,
 * through idb) and by the import worker (workers/stored-dataset.ts, directly), with the same upgrade, so that
 * whichever opens it first after an update creates the stores the other expects.
 */
export const DATASET_DB = 'entente';
/** 3: `snapshots` and `payload-stamps` (core/dataset-snapshot.ts). */
export const DATASET_DB_VERSION = 3;
export const DATASET_STORES = ['datasets', 'payloads', 'layouts', 'snapshots', 'payload-stamps'] as const;

/** What a payload write changes beside the payload: a new stamp, so that a snapshot made from the old payload is never taken for the new one. */
export interface PayloadStamp {
  id: string;
  stamp: string;
}

export const newPayloadStamp = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Creates the stores an older version lacks; every store is keyed by the dataset's id. */
export function createMissingStores(database: { objectStoreNames: DOMStringList; createObjectStore(name: string, options: IDBObjectStoreParameters): unknown }): void {
  for (const store of DATASET_STORES) {
    if (!database.objectStoreNames.contains(store)) database.createObjectStore(store, { keyPath: 'id' });
  }
}
