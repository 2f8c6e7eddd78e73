/**
 * PLOVER-coded records as JSON: an array of records (the PLOVER gold-standard files) or one
 * record per line (JSON Lines). A record has `id`, `date`, `event`, optional `mode` and
 * `context`, `source` and `target` (lists of `{actorText, code, sector}`), and the sentence
 * in `text`.
 *
 * - Actors are the mentions (`actorText`), with the CAMEO/ISO code as an alias.
 * - The event maps to a type through the vocabulary's `plover` column (`EVENT:mode` first).
 * - Compound actors become one row per pair; the rows of a record share its id as `statement`.
 * - Records are grouped into one source per publication; the sentences are the source text,
 *   so every quote (the sentence, or 200 characters of it around the event words) is checked verbatim.
 * - mode, context, location and casualty counts travel as attr_ columns.
 */
import { attrColumn, CODING, GraphDataBuilder, progressTicker } from './builder';
import { laterDate, readDate } from './dates';
import { actorPairs, mentionKind, PLOVER_EVENTS, ploverType, statementId } from './plover';
import { decodeUtf8, fileName, head, isHttpUrl, lineAt, quoteAround } from './text';
import type { ConvertOptions, ConvertResult, InputFile, InputFormat } from './types';
import { readVocabulary } from './vocabulary';

interface Mention {
  actorText?: unknown;
  code?: unknown;
  sector?: unknown;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

function mentions(value: unknown): Mention[] | null {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.every((m) => m && typeof m === 'object') ? (value as Mention[]) : null;
  if (typeof value === 'object') return [value as Mention];
  return null;
}

function records(file: InputFile, text: string, issue: (line: number, field: string, message: string) => void): Array<{ record: Record<string, unknown>; line: number }> {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const at = /position (\d+)/.exec(String(error))?.[1];
      issue(at ? lineAt(text, Number(at)) : 0, '', `not valid JSON: ${(error as Error).message}`);
      return [];
    }
    if (!Array.isArray(parsed)) return [];
    let from = 0;
    return parsed.map((record, i) => {
      // Find each record's line from its id, in order, so errors point into the file.
      const id = record && typeof record === 'object' ? str((record as Record<string, unknown>).id) : '';
      const at = id ? text.indexOf(JSON.stringify(id), from) : -1;
      if (at >= 0) from = at;
      return { record: record && typeof record === 'object' ? (record as Record<string, unknown>) : { __bad: i }, line: at >= 0 ? lineAt(text, at) : 0 };
    });
  }
  const out: Array<{ record: Record<string, unknown>; line: number }> = [];
  text.split('\n').forEach((lineText, i) => {
    if (!lineText.trim()) return;
    try {
      const record = JSON.parse(lineText);
      out.push({ record: record && typeof record === 'object' && !Array.isArray(record) ? record : { __bad: i }, line: i + 1 });
    } catch (error) {
      issue(i + 1, '', `not valid JSON: ${(error as Error).message}`);
    }
  });
  return out;
}

function detect(files: InputFile[]): number {
  let best = 0;
  for (const file of files) {
    if (!/\.(json|jsonl|ndjson)$/i.test(file.path)) continue;
    const start = head(file.bytes, 8192);
    best = Math.max(best, /"event"\s*:/.test(start) && /"(source|target)"\s*:/.test(start) ? 0.8 : 0.1);
  }
  return best;
}

function convert(files: InputFile[], options: ConvertOptions): ConvertResult {
  const out = new GraphDataBuilder('plover-json', readVocabulary(options.vocabulary));
  const texts: Record<string, string[]> = {};
  const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const tick = progressTicker(options, totalBytes, 500);
  let count = 0;
  for (const file of files) {
    const { text, issue } = decodeUtf8(file.path, file.bytes, 'plover-json');
    if (issue) {
      out.issues.push(issue);
      continue;
    }
    const report = (line: number, column: string, message: string, code?: string) => out.issue(file.path, line, column, message, code);
    const list = records(file, text, report);
    for (const [i, { record, line }] of list.entries()) {
      if (!tick(++count, Math.round((file.bytes.length * i) / list.length))) {
        report(0, '', 'import cancelled', 'cancelled');
        return out.result();
      }
      if ('__bad' in record) {
        report(line, '', 'a record must be a JSON object');
        continue;
      }
      const event = str(record.event).toUpperCase();
      if (event === 'DOCUMENT') {
        out.skip('documentation records');
        continue;
      }
      if (!PLOVER_EVENTS.includes(event)) {
        report(line, 'event', event ? `"${event}" is not a PLOVER event type` : 'required field is empty');
        continue;
      }
      const date = readDate(str(record.date));
      if (!date) {
        report(line, 'date', str(record.date) ? `"${str(record.date)}" is not a date` : 'required field is empty');
        continue;
      }
      const src = mentions(record.source);
      const tar = mentions(record.target);
      if (!src || !tar) {
        report(line, !src ? 'source' : 'target', 'must be a list of actors ({actorText, code, sector})');
        continue;
      }
      const actorId = (m: Mention) => {
        const label = str(m.actorText) || str(m.code);
        if (!label) return '';
        const code = str(m.code);
        const sector = str(m.sector);
        return out.actor(`mention:${label.toLowerCase()}`, label, mentionKind(label, sector, code), [code && sector ? `${code}${sector}` : code]);
      };
      const sourceIds = src.map(actorId).filter(Boolean);
      const targetIds = tar.map(actorId).filter(Boolean);
      const pairs = actorPairs(sourceIds, targetIds);
      if (!pairs.length) {
        out.skip(sourceIds.length + targetIds.length <= 1 ? 'records with fewer than two actors' : 'records with the same actor on both sides');
        continue;
      }
      const mode = str(record.mode);
      const type = ploverType(out, event, mode);
      const sentence = str(record.text);
      const markup = str((record.textInfo as Record<string, unknown> | undefined)?.markup);
      const eventWords = /\(EVT: ([^)]+)\)/.exec(markup)?.[1] ?? '';
      const publication = str(record.publication) || options.name || fileName(file.path);
      const url = str(record.url);
      const sourceKey = `publication:${url || publication}`;
      const source = out.source(sourceKey, { title: publication, outlet: str(record.coder), published: date, url: isHttpUrl(url) ? url : '', coding: CODING['plover-json'] }, 'plover');
      const fields = out.sourceFields(sourceKey)!;
      fields.published = laterDate(fields.published, date);
      if (sentence) (texts[source] ??= []).includes(sentence) || texts[source].push(sentence);
      const quote = sentence ? quoteAround(sentence, eventWords) : '';
      const location = (record.eventLoc as Record<string, unknown> | undefined)?.name;
      const attrs: Record<string, string> = {
        [attrColumn('mode')]: mode,
        [attrColumn('context')]: str(record.context),
        [attrColumn('location')]: str(location),
        [attrColumn('dead')]: str(record.dead),
        [attrColumn('injured')]: str(record.injured),
        [attrColumn('size')]: str(record.size),
      };
      const statement = statementId(str(record.id) || `${fileName(file.path)}:${line}`);
      for (const [subject, object] of pairs) {
        out.relation(source, { subject, object, type, date, quote, note: str(record.eventText), statement, attrs });
      }
      if (!quote) out.note('Some records have no text, so their rows have no quote.');
    }
  }
  if (out.relationCount === 0 && out.issues.length === 0) out.issue(files[0]?.path ?? '', 0, '', 'no record with two actors');
  // Sentences become paragraphs of their publication's text, so no quote can cross from one to the next.
  const joined = Object.fromEntries(Object.entries(texts).map(([id, list]) => [id, list.join('\n\n')]));
  return out.result(joined);
}

export const ploverJsonFormat: InputFormat = { id: 'plover-json', label: 'PLOVER JSON records', detect, convert };
