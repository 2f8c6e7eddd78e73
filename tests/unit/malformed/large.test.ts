/**
 * Large inputs: 200,000 valid rows used to crash the loader with "Maximum call
 * stack size exceeded" (spread push), and so did 120,000 errors. Both must load
 * or report in seconds.
 */
import { describe, expect, it } from 'vitest';
import { issueReport, formatIssues, shownText } from '../../../src/lib/core/data-issues';
import { loadDataset } from '../../../src/lib/core/load';
import { readCsvRecords } from '../../../src/lib/core/csv';
import { dataset, largeBadRelations, largeRelations } from './generate';

const ROWS = 200_000;
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

describe('large inputs', { timeout: 120_000 }, () => {
  it(`loads ${ROWS.toLocaleString('en')} valid rows`, () => {
    const files = dataset();
    files['relations/src-a.csv'] = largeRelations(ROWS);
    const start = performance.now();
    const result = loadDataset(files);
    console.log(`${ROWS} valid rows (${((files['relations/src-a.csv'] as string).length / 1e6).toFixed(1)} MB) loaded in ${seconds(start)} s`);
    expect(result.issues).toEqual([]);
    expect(result.dataset!.relations.length).toBe(ROWS + 1);
    expect(result.dataset!.relations[ROWS - 1]).toMatchObject({ source: 'src-a', line: ROWS + 1, note: `row ${ROWS - 1}, generated` });
  });

  it(`reports ${ROWS.toLocaleString('en')} bad rows, each at its line, and caps the display`, () => {
    const files = dataset();
    files['relations/src-a.csv'] = largeBadRelations(ROWS);
    const start = performance.now();
    const result = loadDataset(files);
    console.log(`${ROWS} bad rows reported in ${seconds(start)} s`);
    expect(result.ok).toBe(false);
    const issues = result.issues;
    expect(issues.length).toBe(ROWS);
    const byCode = new Map<string, number>();
    for (const issue of issues) byCode.set(issue.code, (byCode.get(issue.code) ?? 0) + 1);
    expect(Object.fromEntries(byCode)).toEqual({ 'load/unknown-actor': 66_667, 'load/bad-date': 66_667, 'load/required': 66_666 });
    expect(issues[0]).toMatchObject({ file: 'relations/src-a.csv', line: 2, column: 'subject' });
    expect(issues[ROWS - 1]).toMatchObject({ file: 'relations/src-a.csv', line: ROWS + 1 });
    expect(shownText(issues.length)).toBe('first 200 of 200,000');
    const report = issueReport('Entente: the dataset was not loaded.', formatIssues(issues));
    expect(report.split('\n').length).toBe(ROWS + 4);
  });

  it(`reads ${ROWS.toLocaleString('en')} malformed CSV rows without losing a line`, () => {
    const text = ['a,b', ...Array.from({ length: ROWS }, (_, i) => (i % 2 ? `x,"quoted" tail ${i}` : `y,stray " quote ${i}`))].join('\n');
    const { records, issues } = readCsvRecords(text);
    expect(records.length).toBe(1);
    expect(issues.length).toBe(ROWS);
    expect(issues[ROWS - 1].line).toBe(ROWS + 1);
  });
});
