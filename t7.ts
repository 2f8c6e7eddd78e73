import { DuckDBInstance } from '@duckdb/node-api';
import { formulaFixtureSql, formulaExpected } from './bench/gdelt-fixture';
import { readFileSync } from 'node:fs';
import { gdeltAggregateQuery, cameoCodeTable, parquetCopySql } from './src/lib/core/aggregate-sql';
import { readAggregateParquet } from './src/lib/core/formats/parquet';
const N = Number(process.argv[2]);
const vocab = readFileSync('graph-data/relation-types.csv', 'utf8');
const db = await DuckDBInstance.create(':memory:'); const c = await db.connect();
let t = performance.now();
await c.run(formulaFixtureSql('/tmp/h8/f.export.CSV', N)); console.log('gen', performance.now() - t);
t = performance.now(); const exp = formulaExpected(N, vocab, 'month'); console.log('js', performance.now() - t);
const q = gdeltAggregateQuery({ inputs: ['/tmp/h8/f.export.CSV'], kind: 'csv', by: 'month', cameo: cameoCodeTable(vocab) });
for (const s of q.statements) { t = performance.now(); await c.run(s); console.log(s.slice(0, 50).replace(/\n/g,' '), performance.now() - t); }
t = performance.now(); await c.run(parquetCopySql(q.result, '/tmp/h8/f.parquet')); console.log('copy', performance.now() - t);
t = performance.now(); const rows = readAggregateParquet(readFileSync('/tmp/h8/f.parquet')); console.log('read', performance.now() - t, rows.length);
