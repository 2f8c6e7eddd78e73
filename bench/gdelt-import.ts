/**
 * Import time of a GDELT-shaped events file, in the core (Node) and through the CLI:
 * `npx tsx bench/gdelt-import.ts [rows=100000]`. Prints the machine's load average too,
 * since on a shared machine the same run can take several times longer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gdeltFormat } from '../src/lib/core/formats/gdelt';
import { loadDataset } from '../src/lib/core/load';
import { generateGdelt } from './gdelt-generate';

const rows = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'gdelt-bench-'));
const path = join(dir, `bench-${rows}.export.CSV`);
writeFileSync(path, generateGdelt(rows));
const bytes = new Uint8Array(readFileSync(path));
const vocabulary = readFileSync('graph-data/relation-types.csv', 'utf8');
console.log(`gdelt-import: ${rows} rows, ${(bytes.length / 1048576).toFixed(1)} MB; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);

let t = performance.now();
const converted = gdeltFormat.convert([{ path: 'bench.export.CSV', bytes }], { vocabulary });
const convertMs = performance.now() - t;
t = performance.now();
const load = loadDataset(converted.files);
const loadMs = performance.now() - t;
if (!load.ok) throw new Error(`gdelt-import: ${load.issues.length} issues, first: ${load.issues[0].message}`);
console.log(
  `core: convert ${convertMs.toFixed(0)} ms + loadDataset ${loadMs.toFixed(0)} ms = ${(convertMs + loadMs).toFixed(0)} ms; ` +
    `${load.dataset.relations.length} relations, ${load.dataset.actors.length} actors, ${load.dataset.sources.length} sources, ${Object.keys(converted.files).length} files`,
);

t = performance.now();
const out = execFileSync('npx', ['tsx', 'scripts/import.ts', path, '--out', join(dir, 'out')], { encoding: 'utf8' });
console.log(`cli: ${(performance.now() - t).toFixed(0)} ms wall, including Node and tsx start-up\n${out.trim().split('\n').filter((l) => /^import:|time:/.test(l.trim())).join('\n')}`);
rmSync(dir, { recursive: true, force: true });
