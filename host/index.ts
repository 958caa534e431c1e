/**
 * @module backproof
 * The host's public face. The CLI uses only what is exported here (and verify's command module only host/inspect/index.ts).
 */
export { BackproofError, UsageError, DataError, BuildError, SandboxError, AuditError, EXIT, exitCodeOf, type ErrorCode } from './errors.ts';
export { createLogger, silentLogger, LOG_LEVELS, type Logger } from './log.ts';
export { buildStrategy, normalizeSource, ASC_FLAGS, type BuildResult, type SourceFile } from './build/asc.ts';
export { checkBuild } from './build/check.ts';
export { loadData, openData, parseData, STREAM_THRESHOLD, type LoadedData, type StreamedData, type DataFeed } from './data/load.ts';
export { parseDataSpec, type DataOptions } from './data/options.ts';
export type { Bars } from './model/bars.ts';
export type { BacktestResult, Stats, Trade } from './model/trade.ts';
export { renderStatsTable, statsObject, rejectionsByReason } from './audit/render.ts';
export { generateKeys, loadPrivateKey, loadPublicKeyRaw, keyFingerprint, rawPublicKey } from './audit/keys.ts';
export { DEFAULT_CONFIG, type RunConfig } from './run/config.ts';
export { toolchainMessage, toolchainDifferences, backproofVersion } from './run/toolchain.ts';
export { packageFile } from './paths.ts';
export { executeRun, checkIsolation, type RunInput, type RunOutcome, type StrategyArtifact, type SourceText } from './run/execute.ts';
export { writeRunDir, checkOutDir, removePartials, recordedResultSha256, FILES as RUN_FILES, CSV_KINDS, CSV_FILE, csvKinds, type CsvKind } from './run/rundir.ts';
export { hasInterruptCleanups, runInterruptCleanups } from './run/interrupt.ts';
export { verifyRun, type VerifyReport } from './inspect/verify.ts';
export { exportRun, EXPORT_KINDS, type ExportKind, type ExportOptions, type ExportedFile } from './inspect/export.ts';
export { replayRun, diffRuns, type ReplayReport } from './inspect/replay.ts';
export { proveInstruction, verifyProofBundle, PROOF_FORMAT, type ProofBundle, type ProofCheck } from './inspect/prove.ts';
export { attestRun, verifyAttestation, STATEMENT_TYPE, PREDICATE_TYPE } from './inspect/attest.ts';
export { pae, type Envelope } from './audit/dsse.ts';
export { findDivergence, describeDivergence, type Divergence } from './inspect/divergence.ts';
export { loadStrategy } from './run/strategy.ts';
export { boundMapBeside, locatorOf } from './run/source-map.ts';
export type { BacktestRequest, BacktestReport } from './run/backtest.ts';
export { backtest, backtestForCli, verify, DEFAULT_KEY_FILE, type BacktestOptions, type BacktestRun, type VerifyOptions } from './api.ts';
export { executeRunIsolated, type IsolatedRequest } from './run/worker.ts';
export { progressCounter, readProgress, type ProgressCounter, type Phase, type PhaseListener } from './engine/progress.ts';
export { traceWindow, type TraceWindow } from './inspect/trace.ts';
export { writeReport, readReportInput, renderReport, REPORT_FILE, type ReportInput } from './report/index.ts';
export { mnemonic } from './sandbox/index.ts';
export { checkSnapshot, type SnapshotCheck } from './inspect/snapshot.ts';
export * from './tlog/index.ts';
export { stampedBuild, componentOf, watWithOffsets, provenanceOf, producersOf, jcoTools, WIT_FILE, WIT_PACKAGE, WIT_WORLD, type Provenance, type BuildToolchain } from './component/index.ts';
export { sweep, runCombination, prepareSweep, assembleSweep, verifySweep, isSweepFolder, proveSweepRun, verifySweepProof, paramsText, removeSweepPartials, writeSweepReport, ranked, OBJECTIVE_STATS, TOP_RUNS, type SweepPlan, type CombinationResult, type SweepContext, type SweepRequest, type SweepReport } from './sweep/index.ts';
export { walkForward, verifyWalkForward, writeWalkForwardReport, proveWalkForwardRun, isWalkForwardFolder, removeWalkForwardPartials, type WalkForwardRequest, type WalkForwardReport, type WalkForwardVerifyReport } from './walk-forward/index.ts';
export { checkDeterminism, DEFAULT_RUNS, MAX_RUNS, VARIANTS, type DeterminismReport, type VariantRun } from './check/index.ts';
export { writeK8sManifests, runSweepWorker, runSweepOnQueue, K8S_DEFAULTS, FolderStore, redactedUrl, type ArtifactStore, type K8sOptions, type WorkerOptions, type WorkerSummary, type QueueSweepOptions } from './distributed/index.ts';
export { startServer, signUpload, registryServer, registryOpenApi, RegistryError, type ServeOptions, type RunningServer, type UploadKind, type UploadClaim } from './serve/index.ts';
