/**
 * Builders for malformed-input tests: a small valid dataset to break one thing
 * at a time, and large files (hundreds of thousands of rows, valid or not) built
 * in memory in well under a second.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileContent } from '../../../src/lib/core/load';

/** Writes `files` under `root`, plus empty folders for paths ending in `/`; returns `root`. */
export function writeFolder(root: string, files: Record<string, FileContent>): string {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    if (path.endsWith('/')) mkdirSync(target, { recursive: true });
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
  return root;
}

export const TYPES_HEAD = 'id,label,color,directed,temporal,cameo,description';
export const ACTORS_HEAD = 'id,label,kind,affiliation,aliases';
export const SOURCES_HEAD = 'id,title,outlet,published,url';
export const REL_HEAD = 'subject,object,type,date,end_date,quote,note';

/** A valid dataset of three types, four actors, two sources, as lines per file. */
export function baseLines(): Record<string, string[]> {
  return {
    'relation-types.csv': [
      TYPES_HEAD,
      'alliance,Alliance,#0072B2,false,state,,Two allies',
      'accusation,Accusation,#D55E00,true,event,112,Subject accuses object',
      'membership,Membership,#33BBEE,true,state,,Member of',
    ],
    'actors.csv': [ACTORS_HEAD, 'armenia,Armenia,state,,Yerevan', 'azerbaijan,Azerbaijan,state,,Baku', 'csto,CSTO,organisation,,', 'nikol-pashinyan,Nikol Pashinyan,person,armenia,Pashinyan'],
    'sources.csv': [SOURCES_HEAD, 'src-a,Article A,Outlet,2022-09-14,https://example.org/a', 'src-b,Article B,Outlet,2023-01,'],
    'relations/src-a.csv': [REL_HEAD, 'armenia,csto,membership,2022-09,,Armenia is a member of the CSTO,', 'nikol-pashinyan,azerbaijan,accusation,2022-09-13,,Pashinyan accused Baku,'],
    'relations/src-b.csv': [REL_HEAD, 'armenia,azerbaijan,alliance,2023-01,,"Armenia and Azerbaijan, allies",hypothetical'],
  };
}

export const BASE_TEXTS = new Map([
  ['src-a', 'Armenia is a member of the CSTO.\n\nPashinyan accused Baku of aggression.'],
  ['src-b', 'Armenia and Azerbaijan, allies? Not quite.'],
]);

/** The base dataset with some files replaced (lines) or removed (null), joined with `eol`. */
export function dataset(over: Record<string, string[] | null> = {}, eol = '\n'): Record<string, FileContent> {
  const files: Record<string, FileContent> = {};
  for (const [path, lines] of Object.entries({ ...baseLines(), ...over })) {
    if (lines) files[path] = lines.join(eol) + eol;
  }
  return files;
}

/** `count` valid relation rows for the base dataset's actors and types (about 90 bytes each). */
export function largeRelations(count: number): string {
  const rows = [REL_HEAD];
  for (let i = 0; i < count; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    rows.push(`armenia,csto,membership,2022-09-${day},,Armenia is a member of the CSTO,"row ${i}, generated"`);
  }
  return rows.join('\n') + '\n';
}

/** `count` rows that each have one error: an unknown actor, a bad date or a missing quote, in turn. */
export function largeBadRelations(count: number): string {
  const rows = [REL_HEAD];
  for (let i = 0; i < count; i++) {
    if (i % 3 === 0) rows.push(`ghost-${i},csto,membership,2022-09,,q,`);
    else if (i % 3 === 1) rows.push(`armenia,csto,membership,2022-13-${1 + (i % 28)},,q,row ${i}`);
    else rows.push(`armenia,csto,membership,2022,,,row ${i}`);
  }
  return rows.join('\n') + '\n';
}
