/** Small graph-data inputs for the import tests, built in code so every case states what it holds. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { InputFile } from '../../../src/lib/core/formats/types';

export const enc = (text: string) => new TextEncoder().encode(text);
export const file = (path: string, text: string | Uint8Array): InputFile => ({ path, bytes: typeof text === 'string' ? enc(text) : text });

export const TYPES = 'id,label,color,directed,temporal,cameo,description\nsupport,Support,#117733,true,event,,\nalliance,Alliance,#0072B2,false,state,,\n';
export const ACTORS = 'id,label,kind,affiliation,aliases\nalpha,Alpha,state,,A|Alf\nbeta,Beta,state,,\nbeta-chief,Beta Chief,person,beta,\n';
export const SOURCES = 'id,title,outlet,published,url\ns1,"Title, with comma",Outlet,2021-05-01,https://example.org/a\ns2,Second,,2022,\n';
export const RELATIONS_S1 =
  'subject,object,type,date,end_date,quote,note\nalpha,beta,support,2021-04-30,,"Alpha ""backs"" Beta",\n\nalpha,beta,alliance,2020,2021-06,Allied since 2020,a note\n';
export const RELATIONS_S2 = 'subject,object,type,date,end_date,quote,note\nbeta-chief,alpha,support,2022-02,,"Quote over\ntwo lines",\nalpha,beta-chief,support,2022-03-01,,Later,\n';

export function smallGraphData(prefix = ''): InputFile[] {
  return [
    file(`${prefix}relation-types.csv`, TYPES),
    file(`${prefix}actors.csv`, ACTORS),
    file(`${prefix}sources.csv`, SOURCES),
    file(`${prefix}relations/s1.csv`, RELATIONS_S1),
    file(`${prefix}relations/s2.csv`, RELATIONS_S2),
  ];
}

/** The bundled dataset as input files, read from the repository's graph-data folder. */
export function bundledInputs(): InputFile[] {
  const root = 'graph-data';
  const files: InputFile[] = [];
  for (const name of ['relation-types.csv', 'actors.csv', 'sources.csv']) files.push(file(name, readFileSync(join(root, name))));
  for (const name of readdirSync(join(root, 'relations'))) files.push(file(`relations/${name}`, readFileSync(join(root, 'relations', name))));
  return files;
}
