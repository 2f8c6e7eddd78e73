/**
 * The SQL behind `npm run aggregate`: GDELT 2.0 events exports or POLECAT weekly files,
 * aggregated by actor pair, relation type and period in DuckDB. Pure: these functions
 * only build SQL text (and the code tables it joins against), so the query can be read,
 * documented (docs/aggregate.md) and unit-tested without a database.
 *
 * Every statement produces the AGGREGATE schema (aggregate-schema.ts), which the Parquet output keeps
 * as is and `aggregateToGraphData` turns into graph-data.
 *
 * The query is split by concern: aggregate-schema.ts (output schema, SQL helpers),
 * aggregate-codes.ts (code tables), aggregate-gdelt-sql.ts and aggregate-polecat-sql.ts.
 */
export * from './aggregate-schema';
export * from './aggregate-codes';
export * from './aggregate-gdelt-sql';
export * from './aggregate-polecat-sql';
