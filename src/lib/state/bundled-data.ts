/**
 * The bundled graph-data files, fetched lazily as raw text so they go through
 * exactly the same loader as a user's own files.
 */
import type { DatasetFiles } from '../core/load';

const modules = import.meta.glob<string>('../../../graph-data/**/*.csv', { query: '?raw', import: 'default' });
const PREFIX = '../../../graph-data/';

export async function readBundledFiles(): Promise<DatasetFiles> {
  const entries = await Promise.all(
    Object.entries(modules).map(async ([path, read]) => {
      const name = path.slice(PREFIX.length);
      try {
        return [name, await read()] as const;
      } catch (error) {
        throw new Error(`entente/bundled-data: could not read graph-data/${name}: ${(error as Error).message}`);
      }
    }),
  );
  return Object.fromEntries(entries);
}
