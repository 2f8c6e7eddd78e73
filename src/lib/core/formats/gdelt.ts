/**
 * GDELT 2.0 events exports (`*.export.CSV`): tab-separated, 61 columns, no header.
 *
 * - Actor1/Actor2 become actors keyed by their CAMEO actor code, labelled by name.
 * - EventCode (CAMEO, kept as text so `010` stays `010`) maps to a type through the
 *   vocabulary's `cameo` column, then its parent codes down to the root (0231 -> 023 -> 02);
 *   a root the vocabulary lacks becomes a created type named after the CAMEO root.
 * - SQLDATE is the date; SOURCEURL the source (coding `gdelt`, no quote).
 * - GoldsteinScale, QuadClass and NumMentions travel as attr_ columns.
 * - A GLOBALEVENTID seen before is merged into the first row; rows without two actors are skipped and counted.
 */
import { attrColumn, CODING, GraphDataBuilder, progressTicker } from './builder';
import { decodeUtf8, fileName, forEachTsvLine, head, hostOf, isHttpUrl, titleCase } from './text';
import type { ConvertOptions, ConvertResult, InputFile, InputFormat } from './types';
import { CAMEO_ROOTS, readVocabulary, typeForCameo } from './vocabulary';

export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode', 'Actor1Religion1Code', 'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code', 'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode', 'Actor2Religion1Code', 'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code', 'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code', 'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_FullName', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code', 'Actor2Geo_ADM2Code', 'Actor2Geo_Lat', 'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code', 'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID',
  'DATEADDED', 'SOURCEURL',
] as const;

const col = Object.fromEntries(GDELT_COLUMNS.map((name, i) => [name, i])) as Record<(typeof GDELT_COLUMNS)[number], number>;

/** CAMEO actor role codes that name a non-state group rather than an institution. */
const GROUP_ROLES = new Set(['REB', 'OPP', 'CVL', 'REF', 'CRM', 'INS', 'SEP', 'UAF', 'RAD', 'MOD', 'ELI', 'LAB', 'AGR', 'SPY']);
const GOLDSTEIN = attrColumn('GoldsteinScale');
const QUAD_CLASS = attrColumn('QuadClass');
const NUM_MENTIONS = attrColumn('NumMentions');
const QUAD_CLASSES: Record<string, string> = { '1': 'verbal cooperation', '2': 'material cooperation', '3': 'verbal conflict', '4': 'material conflict' };

function actorKind(cells: string[], side: 1 | 2): string {
  const at = side === 1 ? 0 : col.Actor2Code - col.Actor1Code;
  const code = cells[col.Actor1Code + at];
  const country = cells[col.Actor1CountryCode + at];
  const knownGroup = cells[col.Actor1KnownGroupCode + at];
  const role = cells[col.Actor1Type1Code + at];
  if (knownGroup) return 'organisation';
  if (role) return GROUP_ROLES.has(role) ? 'group' : 'organisation';
  if (code.length === 3) return code === country ? 'state' : 'region';
  if (cells[col.Actor1EthnicCode + at] || cells[col.Actor1Religion1Code + at]) return 'group';
  return 'organisation';
}

/**
 * GDELT names the country for every role (USA and USAGOV are both UNITED STATES), so a
 * code that is more than its country keeps the code in its label: "United States (USAGOV)".
 */
function actorLabel(cells: string[], side: 1 | 2): string {
  const at = side === 1 ? 0 : col.Actor2Code - col.Actor1Code;
  const code = cells[col.Actor1Code + at].trim();
  const name = titleCase(cells[col.Actor1Name + at].trim());
  if (!name) return code;
  return code === cells[col.Actor1CountryCode + at].trim() || code.length <= 3 ? name : `${name} (${code})`;
}

function isoDate(yyyymmdd: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(yyyymmdd);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function detect(files: InputFile[]): number {
  let best = 0;
  for (const file of files) {
    if (/\.export\.csv$/i.test(file.path)) best = Math.max(best, 0.9);
    const first = head(file.bytes).split(/\r?\n/)[0].split('\t');
    if (first.length === GDELT_COLUMNS.length && /^\d+$/.test(first[0]) && /^\d{8}$/.test(first[1])) best = Math.max(best, 0.8);
  }
  return best;
}

function convert(files: InputFile[], options: ConvertOptions): ConvertResult {
  const out = new GraphDataBuilder('gdelt', readVocabulary(options.vocabulary));
  const seenEvents = new Set<string>();
  const typeOfCode = new Map<string, string>();
  const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const tick = progressTicker(options, totalBytes);
  let bytesBefore = 0;
  let rows = 0;
  let cancelled = false;

  for (const file of files) {
    const { text, issue } = decodeUtf8(file.path, file.bytes, 'gdelt');
    if (issue) {
      out.issues.push(issue);
      continue;
    }
    forEachTsvLine(text, (cells, line, offset) => {
      rows++;
      if (!tick(rows, bytesBefore + offset)) {
        cancelled = true;
        return false;
      }
      if (cells.length !== GDELT_COLUMNS.length) {
        const hint = cells.length === 57 || cells.length === 58 ? ' (a GDELT 1.0 events file? only 2.0 exports are read)' : '';
        out.issue(file.path, line, '', `${cells.length} columns where a GDELT 2.0 events row has ${GDELT_COLUMNS.length}${hint}`, 'column-count');
        return;
      }
      const eventId = cells[col.GLOBALEVENTID].trim();
      if (!/^\d+$/.test(eventId)) {
        out.issue(file.path, line, 'GLOBALEVENTID', `"${eventId}" is not a GDELT event id`);
        return;
      }
      if (seenEvents.has(eventId)) {
        out.skip('duplicate GLOBALEVENTID merged');
        return;
      }
      seenEvents.add(eventId);
      const code1 = cells[col.Actor1Code].trim();
      const code2 = cells[col.Actor2Code].trim();
      if (!code1 || !code2) {
        out.skip('rows without two actors');
        return;
      }
      if (code1 === code2) {
        out.skip('rows with the same actor on both sides');
        return;
      }
      const date = isoDate(cells[col.SQLDATE].trim());
      if (!date) {
        out.issue(file.path, line, 'SQLDATE', `"${cells[col.SQLDATE]}" is not a YYYYMMDD date`);
        return;
      }
      const code = cells[col.EventCode].trim();
      if (!/^\d{2,4}$/.test(code)) {
        out.issue(file.path, line, 'EventCode', `"${code}" is not a CAMEO event code (2 to 4 digits)`);
        return;
      }
      let type = typeOfCode.get(code);
      const known = type ? null : typeForCameo(out.vocabulary, code);
      if (type) {
        // seen before
      } else if (known) type = out.useType(known.type);
      else {
        const root = code.slice(0, 2);
        const label = CAMEO_ROOTS[root];
        if (!label) {
          out.issue(file.path, line, 'EventCode', `"${code}" has no CAMEO root category (01 to 20)`);
          return;
        }
        type = out.typeForUnmapped({ label, directed: true, temporal: 'event', cameo: root, plover: '', description: `CAMEO root ${root} (${label}), from GDELT; no type of the vocabulary has this code.` });
      }
      typeOfCode.set(code, type);

      // Labels, kinds and source fields are worked out once per actor and per article, not per row.
      const key1 = `gdelt:${code1}`;
      const key2 = `gdelt:${code2}`;
      const subject = out.actorId(key1) ?? out.actor(key1, actorLabel(cells, 1), actorKind(cells, 1), [code1]);
      const object = out.actorId(key2) ?? out.actor(key2, actorLabel(cells, 2), actorKind(cells, 2), [code2]);

      const url = cells[col.SOURCEURL].trim();
      const sourceKey = url || `gdelt-export:${file.path}`;
      const source =
        out.sourceId(sourceKey) ??
        out.source(sourceKey, {
          title: isHttpUrl(url) ? url.replace(/^https?:\/\//i, '').slice(0, 160) : url || `GDELT export ${fileName(file.path)}`,
          outlet: hostOf(url) || 'GDELT',
          published: isoDate(cells[col.DATEADDED].trim()) ?? date,
          url: isHttpUrl(url) ? url : '',
          coding: CODING.gdelt,
        });
      const quad = cells[col.QuadClass].trim();
      out.relation(source, {
        subject,
        object,
        type,
        date,
        note: `GDELT event ${eventId}; CAMEO ${code}${quad && QUAD_CLASSES[quad] ? `; ${QUAD_CLASSES[quad]}` : ''}`,
        attrs: {
          [GOLDSTEIN]: cells[col.GoldsteinScale].trim(),
          [QUAD_CLASS]: quad,
          [NUM_MENTIONS]: cells[col.NumMentions].trim(),
        },
      });
    });
    bytesBefore += file.bytes.length;
    if (cancelled) break;
  }
  if (cancelled) out.issue(files[0]?.path ?? '', 0, '', 'import cancelled', 'cancelled');
  options.onProgress?.({ bytes: bytesBefore, totalBytes, rows });
  if (out.relationCount === 0 && out.issues.length === 0) out.issue(files[0]?.path ?? '', 0, '', 'no event with two actors in the file');
  out.note(`${out.relationCount} events from ${rows} rows; CAMEO codes mapped through the vocabulary's cameo column, then their root.`);
  return out.result();
}

export const gdeltFormat: InputFormat = { id: 'gdelt', label: 'GDELT 2.0 events export', detect, convert };
