/**
 * Issue lists for people: the capped view the app shows, and the full plain-text
 * report it offers for download, in the same `file:line: column: message [code]`
 * lines that `check-data` prints.
 */
import { MAX_ISSUES_SHOWN } from './limits';
import { formatIssue, type DataIssue } from './model';

export { formatIssue } from './model';

export function countText(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}

/** "first 200 of 41,877", or "" when every issue is shown. */
export function shownText(total: number, shown = MAX_ISSUES_SHOWN): string {
  return total > shown ? `first ${shown.toLocaleString('en')} of ${total.toLocaleString('en')}` : '';
}

/** The full report: a heading, the count, then one line per issue. */
export function issueReport(heading: string, lines: readonly string[]): string {
  return `${heading}\n${countText(lines.length, 'problem')}\n\n${lines.join('\n')}\n`;
}

export function formatIssues(issues: readonly DataIssue[]): string[] {
  return issues.map(formatIssue);
}
