/**
 * The bundled graph-data files, fetched lazily as raw text so they go through
 * exactly the same listing and loader as a user's own files and `check-data`.
 * The glob takes every file of the folder; planDatasetFiles decides which are
 * read and reports the rest (an upper-case `.CSV`, a file in a subfolder).
 */
import { planDatasetFiles } from '../core/dataset-files';
import type { DatasetFiles } from '../core/load';

// Markdown is documentation, which the listing ignores anyway; leaving it out keeps it out of the bundle.
const modules = import.meta.glob<string>(['../../../graph-data/**/*', '!../../../graph-data/**/*.md'], { query: '?raw', import: 'default' });
const PREFIX = '../../../graph-data/';

export async function readBundledFiles(): Promise<DatasetFiles> {
  const paths = Object.keys(modules).map((path) => path.slice(PREFIX.length));
  const plan = planDatasetFiles(paths);
  const entries = await Promise.all(
    paths.map(async (name) => {
      // Files the dataset does not read are passed by name only: the loader reports or ignores them.
      if (!plan.files.has(name)) return [name, ''] as const;
      try {
        return [name, await modules[PREFIX + name]()] as const;
      } catch (error) {
        throw new Error(`entente/bundled-data: could not read graph-data/${name}: ${(error as Error).message}`);
      }
    }),
  );
  const files: DatasetFiles = Object.create(null);
  for (const [name, text] of entries) files[name] = text;
  return files;
}
