/** Every input format the importer knows, in the order detection prefers them on a tie. */
import { edgeListFormat } from './edge-list';
import { gdeltFormat } from './gdelt';
import { gexfFormat } from './gexf';
import { graphDataFormat } from './graph-data';
import { graphmlFormat } from './graphml';
import { parquetFormat } from './parquet';
import { ploverJsonFormat } from './plover-json';
import { polecatFormat } from './polecat';
import type { InputFormat } from './types';

export const INPUT_FORMATS: InputFormat[] = [graphDataFormat, gexfFormat, graphmlFormat, gdeltFormat, polecatFormat, ploverJsonFormat, parquetFormat, edgeListFormat];
