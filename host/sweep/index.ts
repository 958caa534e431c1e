/**
 * @module sweep
 * Parameter sweeps (docs/SWEEP.md): the plan and its canonical combinations, one combination's run
 * (runCombination, which other runners call too), the local pool, the summary and signed sweep
 * record (assembleSweep), verify and inclusion proofs of a sweep folder, and its report.
 */
export { sweep, sweepOptions, checkNewOutDir, removeSweepPartials, defaultWorkers, type SweepRequest, type SweepReport } from './sweep.ts';
export { makePlan, readPlan, planText, planSha256, paramsText, runConfigOf, dataOptionsOf, parseObjective, OBJECTIVE_STATS, type PlanInput } from './plan.ts';
export { parseGrid, parseGrids, parseSeed, combinationsOf, gridSize } from './space.ts';
export { compileWhere } from './where.ts';
export { prepareSweep, runCombination, runCombinations, stopWriters, runDirOf, runFolderName, type SweepContext, type RunCombinationOptions } from './run.ts';
export { assembleSweep, sweepOf, type AssembledSweep } from './assemble.ts';
export { sweepRoot, sweepInclusionProof, sweepRecordBytes, makeSweepRecord, sweepRecordText, readSweepRecord } from './record.ts';
export { summaryRows, summaryJson, summaryCsv, ranked } from './summary.ts';
export { renderSweepReport, writeSweepReport, heatmapAxes, TOP_RUNS, MAX_HEATMAP_CELLS } from './report.ts';
export * from './types.ts';
export { verifySweep, isSweepFolder, readSweepFile, expectText, failIfUnverified, fail as verifyFail, type SweepVerifyOptions, type SweepVerifyReport } from './verify.ts';
export { proveSweepRun, verifySweepProof, SWEEP_PROOF_FORMAT, type SweepProofBundle, type SweepProofCheck } from './prove.ts';
