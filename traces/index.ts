/**
 * @module traces
 * Standalone trace commitments for auditors: RFC 9162 Merkle trees over SHA-256, proofs and their
 * verification, and the chunker that turns a trace stream into leaves. Imports nothing from the host.
 * Encodings: docs/TRACE.md.
 */
export { sha256, hashLeaf, hashChildren, emptyRoot, equalBytes, toHex, fromHex, HASH_SIZE } from './hash.ts';
export {
  merkleRoot,
  firstDifferingLeaf,
  rootFromLeafHashes,
  inclusionProof,
  inclusionProofFromLeafHashes,
  rootFromInclusionProof,
  verifyInclusion,
  assertInclusion,
  consistencyProof,
  consistencyProofFromLeafHashes,
  verifyConsistency,
} from './merkle.ts';
export { TraceChunker, DEFAULT_CHUNK_SIZE, type TraceCommitment } from './chunker.ts';
export { TraceError, type TraceErrorCode } from './errors.ts';
export { TraceExpander, expandTrace, type StaticMap, type InstructionRecord, type TraceStop } from './expand.ts';
export { ParallelChunker, prewarmHashWorker } from './parallel-chunker.ts';
export { EXIT_JUMP, EXIT_COND, EXIT_TABLE, EXIT_CALL, EXIT_INDIRECT, EXIT_TRAP, hasKeyframes, predictorWords } from './expand.ts';
export {
  HOST_SNAPSHOT, HOST_STOP, HOST_END, HOST_KEYFRAME, HOST_KEYFRAME_TABLE, STOP_TRAP, STOP_FUEL, SNAPSHOT_WORDS, STOP_WORDS, END_WORDS,
  keyframeTableWords, snapshotRecord, stopRecord, endRecord, keyframeRecord, keyframeTable,
} from './records.ts';
