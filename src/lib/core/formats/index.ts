/** Every input format the importer knows, in the order detection prefers them on a tie. */
import { graphDataFormat } from './graph-data';
import type { InputFormat } from './types';

export const INPUT_FORMATS: InputFormat[] = [graphDataFormat];
