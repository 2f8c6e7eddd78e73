/**
 * POLECAT weekly event files (tab-separated, one header row), machine-coded in PLOVER.
 *
 * Columns read, by header name (case and spacing ignored), as in POLECAT's public codebook:
 *   Event ID, Event Date, Event Type, Event Mode, Event Intensity, Quad Code, Contexts,
 *   Actor Name, Actor Country, Primary Actor Sector,
 *   Recipient Name, Recipient Country, Primary Recipient Sector,
 *   Story ID, Source (publisher), Publication Date, and optionally Headline and URL.
 * Required: Event ID, Event Date, Event Type, Actor Name, Recipient Name. Other columns are ignored.
 * Compound actors are `;`-separated lists in the name columns (countries and sectors in parallel).
 *
 * - One event (Event ID) reported by several stories: every story becomes a source
 *   (coding `polecat`, no quote) and the event's rows in each share one `statement` id,
 *   `polecat-<Event ID>`, so counts can show events as well as rows. Compound actors
 *   become one row per pair under the same statement.
 * - The event type and mode map through the vocabulary's `plover` column.
 * - Mode, contexts, intensity and quad code travel as attr_ columns.
 */
import { attrColumn, CODING, GraphDataBuilder, progressTicker } from './builder';
import { laterDate, readDate } from './dates';
import { actorPairs, mentionKind, PLOVER_EVENTS, ploverType } from './plover';
import { decodeUtf8, fileName, forEachTsvLine, head, hostOf, isHttpUrl } from './text';
import type { ConvertOptions, ConvertResult, InputFile, InputFormat } from './types';
import { readVocabulary } from './vocabulary';

export const POLECAT_COLUMNS = {
  eventId: 'Event ID', date: 'Event Date', type: 'Event Type', mode: 'Event Mode', intensity: 'Event Intensity', quad: 'Quad Code', contexts: 'Contexts',
  actor: 'Actor Name', actorCountry: 'Actor Country', actorSector: 'Primary Actor Sector',
  recipient: 'Recipient Name', recipientCountry: 'Recipient Country', recipientSector: 'Primary Recipient Sector',
  story: 'Story ID', publisher: 'Source', published: 'Publication Date', headline: 'Headline', url: 'URL',
} as const;
type Key = keyof typeof POLECAT_COLUMNS;
const REQUIRED: Key[] = ['eventId', 'date', 'type', 'actor', 'recipient'];
const squash = (s: string) => s.toLowerCase().replace(/[\s_\-.]+/g, '');

function columnIndex(header: string[]): Partial<Record<Key, number>> {
  const squashed = header.map(squash);
  const index: Partial<Record<Key, number>> = {};
  for (const [key, name] of Object.entries(POLECAT_COLUMNS) as Array<[Key, string]>) {
    const i = squashed.indexOf(squash(name));
    if (i >= 0) index[key] = i;
  }
  return index;
}

const list = (cell: string) => cell.split(';').map((s) => s.trim());

function detect(files: InputFile[]): number {
  let best = 0;
  for (const file of files) {
    const first = head(file.bytes).split(/\r?\n/)[0].split('\t');
    const index = columnIndex(first);
    if (REQUIRED.every((k) => index[k] !== undefined)) best = Math.max(best, 0.85);
  }
  return best;
}

interface Story {
  key: string;
  title: string;
  outlet: string;
  published: string;
  url: string;
}

interface PendingEvent {
  id: string;
  file: string;
  line: number;
  type: string;
  date: string;
  pairs: Array<[string, string]>;
  attrs: Record<string, string>;
  stories: Story[];
}

function convert(files: InputFile[], options: ConvertOptions): ConvertResult {
  const out = new GraphDataBuilder('polecat', readVocabulary(options.vocabulary));
  const events = new Map<string, PendingEvent>();
  const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const tick = progressTicker(options, totalBytes);
  let rows = 0;
  let bytesBefore = 0;
  let cancelled = false;

  for (const file of files) {
    const { text, issue } = decodeUtf8(file.path, file.bytes, 'polecat');
    if (issue) {
      out.issues.push(issue);
      continue;
    }
    let index: Partial<Record<Key, number>> | null = null;
    let width = 0;
    forEachTsvLine(text, (cells, line, offset) => {
      if (!index) {
        index = columnIndex(cells.map((c) => c.trim()));
        width = cells.length;
        const missing = REQUIRED.filter((k) => index![k] === undefined);
        if (missing.length) {
          out.issue(file.path, line, 'header', `missing column${missing.length > 1 ? 's' : ''} ${missing.map((k) => POLECAT_COLUMNS[k]).join(', ')}`, 'missing-column');
          return false;
        }
        return;
      }
      rows++;
      if (!tick(rows, bytesBefore + offset)) {
        cancelled = true;
        return false;
      }
      if (cells.length !== width) {
        out.issue(file.path, line, '', `${cells.length} columns where the header has ${width}`);
        return;
      }
      const cell = (k: Key) => (index![k] === undefined ? '' : cells[index![k]!].trim());
      const id = cell('eventId');
      if (!id) {
        out.issue(file.path, line, POLECAT_COLUMNS.eventId, 'required field is empty');
        return;
      }
      const story: Story = {
        key: cell('story') ? `story:${cell('story')}` : cell('url') ? `url:${cell('url')}` : `event:${id}`,
        title: cell('headline') || (cell('story') ? `Story ${cell('story')}` : `POLECAT event ${id}`),
        outlet: cell('publisher') || hostOf(cell('url')),
        published: readDate(cell('published')) ?? '',
        url: isHttpUrl(cell('url')) ? cell('url') : '',
      };
      const known = events.get(id);
      if (known) {
        if (known.stories.some((s) => s.key === story.key)) out.skip('rows repeating an event and story');
        else {
          known.stories.push(story);
          out.skip('rows repeating an event in another story (kept as a source)');
        }
        return;
      }
      const event = cell('type').toUpperCase();
      if (!PLOVER_EVENTS.includes(event)) {
        out.issue(file.path, line, POLECAT_COLUMNS.type, event ? `"${cell('type')}" is not a PLOVER event type` : 'required field is empty');
        return;
      }
      const date = readDate(cell('date'));
      if (!date) {
        out.issue(file.path, line, POLECAT_COLUMNS.date, cell('date') ? `"${cell('date')}" is not a date` : 'required field is empty');
        return;
      }
      if (cell('published') && !story.published) {
        out.issue(file.path, line, POLECAT_COLUMNS.published, `"${cell('published')}" is not a date`);
        return;
      }
      const side = (name: Key, country: Key, sector: Key) => {
        const names = list(cell(name));
        const countries = list(cell(country));
        const sectors = list(cell(sector));
        return names
          .map((n, i) => (n ? out.actor(`polecat:${n.toLowerCase()}`, n, mentionKind(n, sectors[i] ?? ''), [countries[i] ?? '']) : ''))
          .filter(Boolean);
      };
      const actors = side('actor', 'actorCountry', 'actorSector');
      const recipients = side('recipient', 'recipientCountry', 'recipientSector');
      if (!actors.length || !recipients.length) {
        out.skip('rows without two actors');
        return;
      }
      const pairs = actorPairs(actors, recipients);
      if (!pairs.length) {
        out.skip('rows with the same actor on both sides');
        return;
      }
      events.set(id, {
        id,
        file: file.path,
        line,
        type: ploverType(out, event, cell('mode')),
        date,
        pairs,
        attrs: {
          [attrColumn('mode')]: cell('mode'),
          [attrColumn('contexts')]: cell('contexts'),
          [attrColumn('intensity')]: cell('intensity'),
          [attrColumn('quad_code')]: cell('quad'),
        },
        stories: [story],
      });
    });
    bytesBefore += file.bytes.length;
    if (cancelled) break;
  }
  if (cancelled) {
    out.issue(files[0]?.path ?? '', 0, '', 'import cancelled', 'cancelled');
    return out.result();
  }

  let multiStory = 0;
  for (const event of events.values()) {
    if (event.stories.length > 1) multiStory++;
    for (const story of event.stories) {
      const source = out.source(story.key, { title: story.title, outlet: story.outlet || 'POLECAT', published: story.published || event.date, url: story.url, coding: CODING.polecat });
      const fields = out.sourceFields(story.key)!;
      if (!story.published) fields.published = laterDate(fields.published, event.date);
      for (const [subject, object] of event.pairs) {
        out.relation(source, { subject, object, type: event.type, date: event.date, note: `POLECAT event ${event.id}`, statement: `polecat-${event.id}`, attrs: event.attrs });
      }
    }
  }
  if (events.size === 0 && out.issues.length === 0) out.issue(files[0]?.path ?? '', 0, '', 'no event with two actors');
  out.note(`${events.size} events in ${out.relationCount} rows${multiStory ? `; ${multiStory} events reported by several stories, each kept as a source` : ''}.`);
  if (files.length === 1) out.note(`Read ${fileName(files[0].path)}.`);
  return out.result();
}

export const polecatFormat: InputFormat = { id: 'polecat', label: 'POLECAT weekly events (TSV)', detect, convert };
