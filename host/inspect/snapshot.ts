/**
 * @module inspect/snapshot
 * `backproof snapshot <run-dir> --bar K`: checks a strategy's state after event K without a full
 * replay. It re-executes only until the snapshot record of event K is in the stream (the record
 * holds the state hash: SHA-256 of memory and globals), then — keeping just the leaf or two that
 * hold the record — until those leaves are complete, and checks: each re-executed leaf hashes to
 * the stored leaf hash (trace-leaves.bin) and is included in the recorded trace root (RFC 9162
 * inclusion proofs), and the record inside them carries the state hash.
 */
import { AuditError, UsageError } from '../errors.ts';
import { equalBytes, hashLeaf, inclusionProofFromLeafHashes, toHex, verifyInclusion } from '../../traces/index.ts';
import { loadRecordedRun, openRecordedData, reexecute } from './reexecute.ts';

export interface SnapshotCheck {
  bar: number;
  stateSha256: string;
  /** The leaf holding the record (the first of two when it straddles a boundary). */
  leafIndex: number;
  leafCount: number;
  leaves: number;
  /** Events executed to reach the end of the leaf (vs the run's total). */
  eventsExecuted: number;
  eventsTotal: number;
}

const RECORD_BYTES = 48;

export async function checkSnapshot(opts: { dir: string; bar: number }): Promise<SnapshotCheck> {
  const run = await loadRecordedRun(opts.dir);
  const config = run.config;
  if (config.snapshotEvery <= 0 || config.trace === 'off') throw new UsageError('USAGE', 'this run took no snapshots (it needs --snapshot-every and a trace)');
  if (!Number.isInteger(opts.bar) || opts.bar < 0 || (opts.bar + 1) % config.snapshotEvery !== 0)
    throw new UsageError('USAGE', `--bar must be an event index after which a snapshot was taken (every ${config.snapshotEvery}: ${config.snapshotEvery - 1}, ${2 * config.snapshotEvery - 1}, …)`);
  const data = await openRecordedData(run);
  if (!data.matches) throw new AuditError('VERIFY_FAILED', 'data', `the recorded data cannot be re-read: ${data.notes.join('; ')}`);
  const base = { wasm: run.wasm, feeds: data.feeds, config, instrumenter: run.instrumenter };

  // Where the record of event K starts in the stream.
  const found = (await reexecute({ ...base, keepFrom: Number.MAX_SAFE_INTEGER, hostRecords: true, stopAtSnapshot: opts.bar }))
    .hostRecords.find((r) => r.words[1] === opts.bar);
  const startWord = found ? found.startWord : -1;
  const stateWords = found ? found.words.slice(3) : [];
  if (startWord < 0) throw new AuditError('VERIFY_FAILED', 'snapshot', `no snapshot was taken after event ${opts.bar}`);
  const state = new Uint8Array(32); // the hash as streamed: eight little-endian words
  const view = new DataView(state.buffer);
  stateWords.forEach((w, i) => view.setUint32(4 * i, w, true));
  const chunk = config.chunkSize;
  const first = Math.floor((4 * startWord) / chunk), last = Math.floor((4 * startWord + RECORD_BYTES - 1) / chunk);

  // The leaves that hold it, re-executed only as far as their end.
  const x = await reexecute({ ...base, keepFrom: first * chunk, stopAt: (last + 1) * chunk });
  const inStream = x.kept.subarray(4 * startWord - first * chunk + 16, 4 * startWord - first * chunk + RECORD_BYTES);
  if (!equalBytes(inStream, state)) throw new AuditError('VERIFY_FAILED', 'snapshot', `the re-executed stream holds ${toHex(inStream)} where the state hash ${toHex(state)} was written`);
  const root = run.record.bodies.trace.root as Uint8Array;
  for (let i = first; i <= last; i++) {
    const leafHash = hashLeaf(x.kept.subarray((i - first) * chunk, (i - first + 1) * chunk));
    if (!equalBytes(leafHash, run.leafHashes[i] ?? new Uint8Array(0)))
      throw new AuditError('VERIFY_FAILED', 'snapshot', `leaf ${i} re-executes to ${toHex(leafHash)}, trace-leaves.bin says ${toHex(run.leafHashes[i] ?? new Uint8Array(0))}`);
    if (!verifyInclusion(leafHash, i, run.leafHashes.length, inclusionProofFromLeafHashes(i, run.leafHashes), root))
      throw new AuditError('VERIFY_FAILED', 'snapshot', `leaf ${i} is not included in the recorded trace root`);
  }
  return {
    bar: opts.bar, stateSha256: toHex(state), leafIndex: first, leafCount: last - first + 1, leaves: run.leafHashes.length,
    eventsExecuted: x.calls.filter((c) => c.callback === 'on_bar').length,
    eventsTotal: run.files.reduce((n, f) => n + Number(String((f as unknown as { bars: unknown }).bars)), 0),
  };
}
