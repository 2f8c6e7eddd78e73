/**
 * `npm run import -- <file|dir> [--format <id>] [--type-attribute <name>] [--name <text>]
 *   [--vocabulary <relation-types.csv>] --out <graph-data dir>`
 *
 * Converts any supported input (graph-data folder or zip, edge list, GEXF, GraphML, GDELT,
 * POLECAT, PLOVER JSON; zipped or not) into a graph-data folder, through the same
 * importInput pipeline as the app's worker, so a file that imports here imports there. Every problem is printed as one line; exit 1.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { INPUT_FORMATS } from '../src/lib/core/formats/index';
import type { FormatId, InputFile } from '../src/lib/core/formats/types';
import { importInput } from '../src/lib/core/import';
import { formatIssue, type DataIssue } from '../src/lib/core/model';
import { graphDataZipEntries } from '../src/lib/core/write-graph-data';

const USAGE = 'usage: npm run import -- <file|dir> [--format <id>] [--type-attribute <name>] [--name <text>] [--vocabulary <relation-types.csv>] --out <graph-data dir>';

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

function parseArgs(argv: string[]) {
  const options: Record<string, string> = {};
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) fail([`import: ${arg} needs a value`, USAGE]);
      options[arg.slice(2)] = value;
      i++;
    } else inputs.push(arg);
  }
  const known = new Set(['format', 'type-attribute', 'name', 'vocabulary', 'out']);
  for (const key of Object.keys(options)) if (!known.has(key)) fail([`import: unknown option --${key}`, USAGE]);
  if (inputs.length !== 1) fail([inputs.length ? 'import: give one file or folder' : 'import: no input given', USAGE]);
  if (!options.out) fail(['import: --out <graph-data dir> is required', USAGE]);
  return { input: resolve(inputs[0]), options };
}

/** Files under `dir`, with paths relative to it, as the browser gives a picked folder. */
function readInputs(path: string): InputFile[] {
  if (!existsSync(path)) fail([`import: ${path}: no such file or folder`]);
  if (statSync(path).isFile()) return [{ path: path.slice(path.lastIndexOf('/') + 1), bytes: new Uint8Array(readFileSync(path)) }];
  const files: InputFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push({ path: relative(path, full).split('\\').join('/'), bytes: new Uint8Array(readFileSync(full)) });
    }
  };
  walk(path);
  return files;
}

const started = performance.now();
const { input, options } = parseArgs(process.argv.slice(2));
const vocabularyPath = resolve(options.vocabulary ?? 'graph-data/relation-types.csv');
if (!existsSync(vocabularyPath)) fail([`import: vocabulary ${vocabularyPath} not found; pass --vocabulary <relation-types.csv>`]);
const vocabulary = readFileSync(vocabularyPath, 'utf8');
const files = readInputs(input);
if (!files.length) fail([`import: ${input}: no files`]);

const readMs = performance.now() - started;
if (options.format && !INPUT_FORMATS.some((f) => f.id === options.format)) fail([`import: unknown format "${options.format}"; known: ${INPUT_FORMATS.map((f) => f.id).join(', ')}`]);
// The same pipeline as the app's worker: unzip, detect, convert, validate with the loader.
const result = importInput(files, { vocabulary, typeAttribute: options['type-attribute'], name: options.name, format: options.format as FormatId | undefined });
const convertMs = performance.now() - started - readMs;
function printIssues(issues: DataIssue[]): never {
  fail([...issues.map(formatIssue), `import: ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing written`]);
}
if (!result.load.ok) printIssues(result.load.issues);
const format = INPUT_FORMATS.find((f) => f.id === result.format)!;
const { dataset } = result.load;
// Written back from the validated Dataset, as "Download dataset" does, so the folder re-imports identically.
const written = graphDataZipEntries(dataset, result.texts);

const out = resolve(options.out);
if (existsSync(out) && readdirSync(out).length && !existsSync(join(out, 'relation-types.csv'))) fail([`import: ${out} is not empty and not a graph-data folder; choose another --out`]);
rmSync(join(out, 'relations'), { recursive: true, force: true });
rmSync(join(out, 'texts'), { recursive: true, force: true });
for (const [path, text] of Object.entries(written)) {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), text);
}
const report = result.report;
console.log(`import: ${format.label}: ${dataset.actors.length} actors, ${dataset.relations.length} relations, ${dataset.sources.length} sources, ${dataset.types.length} types -> ${out}`);
for (const [reason, n] of Object.entries(report.skipped)) console.log(`  skipped: ${n} ${reason}`);
if (report.createdTypes.length) console.log(`  created types: ${report.createdTypes.join(', ')}`);
for (const note of report.notes) console.log(`  note: ${note}`);
console.log(`  time: read ${readMs.toFixed(0)} ms, convert and validate ${convertMs.toFixed(0)} ms, total with writing ${(performance.now() - started).toFixed(0)} ms`);
