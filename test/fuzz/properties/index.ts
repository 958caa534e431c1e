// Every fuzzed property, in the order `npm run fuzz` runs them.
import { engineProperties } from './engine.ts';
import { instrumentProperties } from './instrument.ts';
import { loaderProperties } from './loaders.ts';
import type { FuzzProperty } from '../property.ts';

export const PROPERTIES: readonly FuzzProperty[] = [...engineProperties, ...instrumentProperties, ...loaderProperties];
