/**
 * How the filter engine lays out the rows, once per choice of ends (as attested, or carried forward):
 * grouped by type, modality and how long they last, each group sorted by start; and per type and
 * modality (a kind), once more sorted by end, for counting from the outside of a window.
 */
import { MODALITIES } from './model';
import type { RelationIndex } from './relation-index';
import { assignStatementRoles, STATEMENT_HEAD, STATEMENT_STAMPED } from './statement-roles';
import { gather, stableOrderBy } from './stable-order';
import { headBitsOf, headsBefore, type HeadBits } from './head-bits';
import type { DayColumn } from './sorted-search';

/** Edge numbers less a base, in 16 bits when they fit. */
export type EdgeColumn = Int32Array | Uint16Array;

/**
 * Upper bounds of span lengths (days) that share a group: short events never wait behind decade-long
 * states, and the rows a window scans before its start, in case they reach into it, mostly do.
 */
const LENGTH_CLASSES = [0, 31, 91, 183, 366, 731, 1461, 2922, 5844, Infinity];

export const MODALITY_COUNT = MODALITIES.length;

export interface SpanGroup {
  type: number;
  modality: number;
  maxLength: number;
  /**
   * Starts and ends as days after dayBase, the group's earliest day: in 16 bits when its last end is fewer than 65,536
   * days (179 years) after it, as in any group but of the longest-lasting states, which saves 4 MB a layout at a million rows.
   */
  dayBase: number;
  starts: DayColumn;
  ends: DayColumn;
  rows: Int32Array;
  /**
   * Each row's edge, less edgeBase, the group's least: in 16 bits when its edges lie within 65,536 of each other, as a type's
   * do when it has fewer (edges are numbered type by type), which saves 2 MB a layout at a million rows.
   */
  edgeBase: number;
  edges: EdgeColumn;
  /**
   * The two actors of each row's edge, so a scan counts into actors as it goes, without a pass over its edges.
   * 16 bits when every actor number fits, as with the dataset's id columns: 4 MB less at a million rows.
   */
  sources: Uint16Array | Int32Array;
  targets: Uint16Array | Int32Array;
  /**
   * The rows counted as a statement's head (statement-roles.ts), and the heads before each position, so a run of sure rows
   * counts its heads in one subtraction. The other roles are not kept: the stamped rows are listed below, and the rest count
   * nothing. No column of the rows' statements either: only a masked count reads them, from the index's column through `rows`.
   */
  heads: HeadBits;
  /** Positions of the rows whose statement is stamped, ascending, with their ends and stamped statements (below), side by side so a scan of them reads memory in order. */
  stamped: Int32Array;
  stampedEnds: Int32Array;
  stampedIds: Int32Array;
}

/** The rows of one type and modality. */
export interface Kind {
  groups: SpanGroup[];
  rowCount: number;
  /** Rows counted as a statement's head. */
  heads: number;
  /** The earliest start and the latest end: a window covering both holds every row. */
  minStart: number;
  maxEnd: number;
  /** Sorted by end: ends (days after endBase, in 16 bits when they fit, as in groups), edges (less endEdgeBase, likewise), and which are heads, with the heads before each position. */
  endBase: number;
  ends: DayColumn;
  endEdgeBase: number;
  endEdges: EdgeColumn;
  endHeads: HeadBits;
  /** The rows whose statement is stamped: their spans and stamped statements. */
  stampedStarts: Int32Array;
  stampedEnds: Int32Array;
  stampedStatements: Int32Array;
}

export interface SpanLayout {
  /** Index type * MODALITY_COUNT + modality. */
  kinds: Kind[];
  /**
   * Statements that need a stamp, numbered 0 to stampedCount - 1 in the order their rows first appear
   * (`stampedIds`, `stampedStatements`): a few percent of all statements, so their stamps stay in the
   * cache, where stamps by statement number missed it on about every stamped row.
   */
  stampedCount: number;
}

function lengthClass(length: number): number {
  let c = 0;
  while (length > LENGTH_CLASSES[c]) c++;
  return c;
}

/** The positions holding `role`, ascending. */
function positionsOf(roles: Uint8Array, role: number): Int32Array {
  let count = 0;
  for (let k = 0; k < roles.length; k++) if (roles[k] === role) count++;
  const out = new Int32Array(count);
  for (let k = 0, j = 0; k < roles.length; k++) if (roles[k] === role) out[j++] = k;
  return out;
}

/** The head bits of a list of roles. */
const headBitsOfRoles = (roles: Uint8Array) => headBitsOf(roles.length, (k) => roles[k] === STATEMENT_HEAD);

/** The rows of each group key, in dataset order. */
function membersByGroup(index: RelationIndex, ends: Int32Array): Map<number, number[]> {
  const { starts, typeOf, modalityOf, relationCount } = index;
  const members = new Map<number, number[]>();
  for (let i = 0; i < relationCount; i++) {
    const key = (typeOf[i] * MODALITY_COUNT + modalityOf[i]) * LENGTH_CLASSES.length + lengthClass(ends[i] - starts[i]);
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  }
  return members;
}

/** A group while it is built, with its rows' statements, which the layout does not keep. */
interface BuiltGroup {
  group: SpanGroup;
  rows: Int32Array;
  statements: Int32Array;
  roles: Uint8Array;
}

function buildGroups(index: RelationIndex, ends: Int32Array): BuiltGroup[] {
  const { starts, edgeOf, statementOf, edgeSourceIndex, edgeTargetIndex } = index;
  const actorColumn = (n: number) => (index.actorIds.length <= 0x10000 ? new Uint16Array(n) : new Int32Array(n));
  const built = [...membersByGroup(index, ends).entries()].map(([key, list]): BuiltGroup => {
    // A stable sort: rows of one statement, next to each other in the dataset, stay next to each other.
    const rows = stableOrderBy(Int32Array.from(list), starts);
    const n = rows.length;
    let maxLength = 0;
    for (let k = 0; k < n; k++) maxLength = Math.max(maxLength, ends[rows[k]] - starts[rows[k]]);
    const edges = gather(edgeOf, rows, new Int32Array(n));
    const kind = Math.floor(key / LENGTH_CLASSES.length);
    const group: SpanGroup = {
      type: Math.floor(kind / MODALITY_COUNT),
      modality: kind % MODALITY_COUNT,
      maxLength,
      dayBase: 0,
      starts: gather(starts, rows, new Int32Array(n)),
      ends: gather(ends, rows, new Int32Array(n)),
      rows,
      edgeBase: 0,
      edges,
      sources: gather(edgeSourceIndex, edges, actorColumn(n)),
      targets: gather(edgeTargetIndex, edges, actorColumn(n)),
      heads: headBitsOf(0, () => false),
      stamped: new Int32Array(0),
      stampedEnds: new Int32Array(0),
      stampedIds: new Int32Array(0),
    };
    return { group, rows, statements: gather(statementOf, rows, new Int32Array(n)), roles: new Uint8Array(n) };
  });
  assignStatementRoles(index, ends, built);
  for (const { group, roles } of built) {
    group.heads = headBitsOfRoles(roles);
    group.stamped = positionsOf(roles, STATEMENT_STAMPED);
    group.stampedEnds = gather(group.ends, group.stamped, new Int32Array(group.stamped.length));
  }
  return built;
}

/** Numbers the stamped statements densely; returns how many there are. */
function numberStamped(built: BuiltGroup[], statementCount: number): number {
  const idOf = new Int32Array(statementCount).fill(-1);
  let count = 0;
  for (const { group, statements } of built) {
    group.stampedIds = group.stamped.map((k) => {
      const st = statements[k];
      if (idOf[st] < 0) idOf[st] = count++;
      return idOf[st];
    });
  }
  return count;
}

function buildKind(builtOwn: BuiltGroup[]): Kind {
  const own = builtOwn.map((b) => b.group);
  const rowCount = own.reduce((sum, g) => sum + g.rows.length, 0);
  const ends = new Int32Array(rowCount);
  const edges = new Int32Array(rowCount);
  const roles = new Uint8Array(rowCount);
  const stamped: number[] = [];
  let at = 0;
  let minStart = Infinity;
  let maxEnd = -Infinity;
  for (const { group: g, roles: groupRoles } of builtOwn) {
    ends.set(g.ends, at);
    edges.set(g.edges, at);
    roles.set(groupRoles, at);
    at += g.rows.length;
    for (let j = 0; j < g.stamped.length; j++) stamped.push(g.starts[g.stamped[j]], g.ends[g.stamped[j]], g.stampedIds[j]);
    if (g.rows.length > 0) minStart = Math.min(minStart, g.starts[0]);
    for (let k = 0; k < g.ends.length; k++) if (g.ends[k] > maxEnd) maxEnd = g.ends[k];
  }
  const positions = new Int32Array(rowCount);
  for (let k = 0; k < rowCount; k++) positions[k] = k;
  const order = stableOrderBy(positions, ends);
  const third = (offset: number) => {
    const out = new Int32Array(stamped.length / 3);
    for (let i = 0; i < out.length; i++) out[i] = stamped[3 * i + offset];
    return out;
  };
  const endHeads = headBitsOfRoles(gather(roles, order, new Uint8Array(rowCount)));
  return {
    groups: own,
    rowCount,
    heads: headsBefore(endHeads, rowCount),
    minStart,
    maxEnd,
    endBase: 0,
    ends: gather(ends, order, new Int32Array(rowCount)),
    endEdgeBase: 0,
    endEdges: gather(edges, order, new Int32Array(rowCount)),
    endHeads,
    stampedStarts: third(0),
    stampedEnds: third(1),
    stampedStatements: third(2),
  };
}

/** Days (or edge numbers) as offsets from their least, in 16 bits when they fit; hands over that least (0 for none) and the offsets. */
export function asOffsets(columns: Int32Array[], into: (base: number, narrowed: DayColumn[]) => void): void {
  let min = Infinity;
  let max = -Infinity;
  for (const column of columns) for (let k = 0; k < column.length; k++) {
    if (column[k] < min) min = column[k];
    if (column[k] > max) max = column[k];
  }
  const base = min <= max ? min : 0;
  const narrow = max - base <= 0xffff;
  into(base, columns.map((column) => {
    const out = narrow ? new Uint16Array(column.length) : new Int32Array(column.length);
    for (let k = 0; k < column.length; k++) out[k] = column[k] - base;
    return out;
  }));
}

/** The layout's day and edge columns as offsets from each group's and kind's least (after the kinds are built from the columns themselves). */
function narrowLayoutDays(kinds: Kind[]): void {
  for (const kind of kinds) {
    asOffsets([kind.ends as Int32Array], (base, [ends]) => {
      kind.endBase = base;
      kind.ends = ends;
    });
    asOffsets([kind.endEdges as Int32Array], (base, [edges]) => {
      kind.endEdgeBase = base;
      kind.endEdges = edges;
    });
    for (const group of kind.groups) {
      asOffsets([group.edges as Int32Array], (base, [edges]) => {
        group.edgeBase = base;
        group.edges = edges;
      });
      asOffsets([group.starts as Int32Array, group.ends as Int32Array], (base, [starts, ends]) => {
        group.dayBase = base;
        group.starts = starts;
        group.ends = ends;
      });
    }
  }
}

export function buildSpanLayout(index: RelationIndex, ends: Int32Array): SpanLayout {
  const built = buildGroups(index, ends);
  const stampedCount = numberStamped(built, index.statementCount);
  const kinds = Array.from({ length: index.typeIds.length * MODALITY_COUNT }, (_, kind) =>
    buildKind(built.filter(({ group: g }) => g.type * MODALITY_COUNT + g.modality === kind)),
  );
  narrowLayoutDays(kinds);
  return { kinds, stampedCount };
}
