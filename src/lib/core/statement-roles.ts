/**
 * Most statements are visible all at once or not at all: their rows share one group, lie next to each
 * other in it and have the same span and modality. Such a statement is counted at its first row (its
 * head), the others count nothing, and no stamp is needed. Only the rest are deduplicated with a stamp
 * per statement.
 */
import type { RelationIndex } from './relation-index';

export const STATEMENT_REST = 0;
/** A single bit, so a scan adds `role & STATEMENT_HEAD` instead of branching. */
export const STATEMENT_HEAD = 1;
export const STATEMENT_STAMPED = 2;

interface RoleGroup {
  rows: Int32Array;
  statements: Int32Array;
  roles: Uint8Array;
}

/** Statements whose rows all sit in one run of one group with one span and modality, and how many rows each group holds of it. */
function simpleStatements(index: RelationIndex, ends: Int32Array, groups: RoleGroup[]): { simple: Uint8Array; seen: Int32Array } {
  const { starts, modalityOf, statementCount } = index;
  const seen = new Int32Array(statementCount);
  const simple = new Uint8Array(statementCount).fill(1);
  for (const { rows, statements } of groups) {
    for (let k = 0; k < rows.length; k++) {
      const st = statements[k];
      if (k > 0 && statements[k - 1] === st) {
        const r = rows[k];
        const p = rows[k - 1];
        if (starts[r] !== starts[p] || ends[r] !== ends[p] || modalityOf[r] !== modalityOf[p]) simple[st] = 0;
      } else if (seen[st] > 0) simple[st] = 0;
      seen[st]++;
    }
  }
  return { simple, seen };
}

export function assignStatementRoles(index: RelationIndex, ends: Int32Array, groups: RoleGroup[]): void {
  const { statementOf, statementCount } = index;
  const rowsOf = new Int32Array(statementCount);
  for (let i = 0; i < index.relationCount; i++) rowsOf[statementOf[i]]++;
  const { simple, seen } = simpleStatements(index, ends, groups);
  for (const { statements, roles } of groups) {
    for (let k = 0; k < statements.length; k++) {
      const st = statements[k];
      if (!simple[st] || seen[st] !== rowsOf[st]) roles[k] = STATEMENT_STAMPED;
      else roles[k] = k > 0 && statements[k - 1] === st ? STATEMENT_REST : STATEMENT_HEAD;
    }
  }
}
