/** The SQL builders are pure: code tables from the vocabulary by column name, and the documented queries. */
import { describe, expect, it } from 'vitest';
import { bigQueryGdeltSql, cameoCodeTable, gdeltAggregateQuery, periodSql, ploverCodeTable, resolvePolecatColumns, sqlString } from '../../../src/lib/core/aggregate-sql';

const VOCABULARY = 'description,plover,id,cameo,directed\nx,CONSULT/visit,visit,042,true\ny,CONSULT,meeting,040,false\nz,"REQUEST/assist; REQUEST/yield",ask,0232|0233,true\n';

describe('aggregate-sql', () => {
  it('reads cameo and plover codes by column name, several per cell', () => {
    expect(cameoCodeTable(VOCABULARY)).toEqual([
      { code: '042', type: 'visit', directed: true },
      { code: '040', type: 'meeting', directed: false },
      { code: '0232', type: 'ask', directed: true },
      { code: '0233', type: 'ask', directed: true },
    ]);
    expect(ploverCodeTable(VOCABULARY).map((r) => `${r.code}=${r.type}`)).toEqual(['CONSULT:visit=visit', '~CONSULT=visit', 'CONSULT=meeting', 'REQUEST:assist=ask', '~REQUEST=ask', 'REQUEST:yield=ask']);
  });

  it('finds POLECAT columns ignoring case and spacing, and names the missing required ones', () => {
    expect(resolvePolecatColumns(['event_id', 'EVENT DATE', 'Event Type', 'actor name']).missing).toEqual(['Recipient Name']);
    expect(resolvePolecatColumns(['event_id']).columns.eventId).toBe('event_id');
  });

  it('quotes strings and periods as SQL', () => {
    expect(sqlString("O'Brien")).toBe("'O''Brien'");
    expect(periodSql('week', 'd').label).toBe("strftime(d, '%G-W%V')");
    const query = gdeltAggregateQuery({ inputs: ["it's.CSV"], kind: 'csv', by: 'month', actors: ['rus'], cameo: cameoCodeTable(VOCABULARY) });
    expect(query.statements[0]).toContain("['it''s.CSV']");
    expect(query.statements[0]).toContain("list_contains(['RUS']");
    expect(query.statements[2]).toContain("('0232', 'ask', true)");
  });

  it('documents the BigQuery adaptation against the public table, marked untested', () => {
    const sql = bigQueryGdeltSql({ by: 'week', actors: ['ARM'], cameo: cameoCodeTable(VOCABULARY), from: '2023-01-01' });
    expect(sql).toContain('`gdelt-bq.gdeltv2.events`');
    expect(sql).toContain('untested');
    expect(sql).toContain('SQLDATE >= 20230101');
    expect(sql).toContain('DATE_TRUNC(date, ISOWEEK)');
    expect(sql).toContain("STRUCT('0232' AS code, 'ask' AS type, true AS directed)");
  });
});
