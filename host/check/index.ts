/**
 * @module check
 * The determinism checker (`backproof check-determinism`, docs/DETERMINISM.md): the same run made
 * several ways and compared hash by hash, the first difference located by inspect/divergence.
 */
export { checkDeterminism, DEFAULT_RUNS, MAX_RUNS, type DeterminismRequest, type DeterminismReport, type VariantRun, type Difference, type FirstDivergence } from './determinism.ts';
export { VARIANTS, VARIANT_NAMES, type Variant } from './variants.ts';
export type { Plant } from './job.ts';
