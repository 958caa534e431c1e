/**
 * @module tlog
 * The transparency log of record hashes (docs/AUDIT.md): an append-only RFC 9162 tree with C2SP
 * signed-note checkpoints, inclusion and consistency proofs, crash-safe appends by any number of
 * concurrent writers (the lock: lock.ts).
 */
export {
  initLog, appendEntry, verifyLog, proveInclusion, proveConsistency, verifyInclusionProof, verifyEntryLogged, verifyConsistencyProof, findEntry, readMeta,
  readCheckpoint, LOG_FORMAT, ENTRY_SIZE, INCLUSION_FORMAT, CONSISTENCY_FORMAT,
  type AppendResult, type LogStatus, type InclusionProof, type ConsistencyProof, type LogMeta,
} from './log.ts';
export { signNote, openNote, noteSignatures, verifierKey, parseVerifierKey, noteKeyId, checkpointText, parseCheckpoint, type Checkpoint } from './note.ts';
