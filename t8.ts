import { readFileSync } from 'node:fs';
import { gdeltAggregateQuery, polecatAggregateQuery, bigQueryGdeltSql, cameoCodeTable, ploverCodeTable, parquetCopySql, resolvePolecatColumns, POLECAT_COLUMNS } from './src/lib/core/aggregate-sql';
const vocab = readFileSync('graph-data/relation-types.csv', 'utf8');
const q = gdeltAggregateQuery({ inputs: ['exports/*.export.CSV'], kind: 'csv', by: 'month', actors: ['ARM', 'AZE', 'RUS'], cameo: cameoCodeTable(vocab) });
const w = (name: string, t: string) => require('node:fs').writeFileSync(`/tmp/h8/${name}.sql`, t);
w('gdelt', [...q.statements, q.stats, q.result, parquetCopySql(q.result, 'aggregate.parquet')].join(';\n\n') + ';\n');
const p = polecatAggregateQuery({ inputs: ['polecat/*.tsv'], kind: 'csv', by: 'week', columns: resolvePolecatColumns(Object.values(POLECAT_COLUMNS)).columns, plover: ploverCodeTable(vocab) });
w('polecat', [...p.statements].join(';\n\n') + ';\n');
w('bq', bigQueryGdeltSql({ by: 'month', actors: ['ARM', 'AZE', 'RUS'], cameo: cameoCodeTable(vocab), from: '2020-01-01', to: '2023-12-31' }) + ';\n');
