/**
 * Size limits for untrusted input, in one place so that the graph-data loader,
 * the import formats and the documentation agree. Each says why it is where it is.
 *
 * Memory is the constraint: reading a CSV holds the file's text, its cells, the
 * validated dataset and the relation index at once, about 6 to 8 times the
 * text (measured: a 37 MB file of 200,000 relations peaks near 300 MB of heap
 * in Node). Chromium gives a tab a few GB at most, and a JavaScript string
 * cannot exceed about 512 M characters (V8's limit).
 */

const MiB = 1024 * 1024;

/** Largest single file: about 350,000 relations with typical quotes and notes. */
export const MAX_FILE_BYTES = 64 * MiB;

/** Largest dataset, all files together: about 1.4 million relations, which the filter engine still redraws at interactive speed. */
export const MAX_TOTAL_BYTES = 256 * MiB;

/** Longest cell of any CSV column (labels, notes, descriptions); a longer one is damage, not data. Quotes have their own, smaller limit. */
export const MAX_CELL_CHARS = 10_000;

/** Longest quote, in Unicode code points (not UTF-16 units), so that 200 characters of any script are 200. */
export const MAX_QUOTE_CODE_POINTS = 200;

/** Longest id of an actor, type, source or statement. */
export const MAX_ID_CHARS = 100;

/** How many issues the app shows at once; the full list is a download away. */
export const MAX_ISSUES_SHOWN = 200;

// For the import formats (zip, GEXF, GraphML).

/** Entries in one zip archive. */
export const MAX_ZIP_ENTRIES = 10_000;

/** Total decompressed size of a zip: the same budget as a dataset, so that a small zip cannot expand into gigabytes (a zip bomb). */
export const MAX_ZIP_DECOMPRESSED_BYTES = MAX_TOTAL_BYTES;

/** Largest ratio of decompressed to compressed size of one zip entry; real CSV and XML compress about 5 to 20 times, bombs a thousand times. */
export const MAX_ZIP_COMPRESSION_RATIO = 200;

/** Deepest element nesting in GEXF or GraphML; real files nest about 6 deep, and a deep tree can exhaust a recursive reader. */
export const MAX_XML_DEPTH = 64;

/** Largest GEXF or GraphML file, before parsing into a DOM that takes several times its size. */
export const MAX_XML_BYTES = MAX_FILE_BYTES;
