/**
 * @module run/snapshot
 * `backproof snapshot <run-dir> --bar K`: checks a strategy's state after event K without a full
 * replay. It re-executes only until the Merkle leaf that holds the snapshot record is complete, then
 * checks, in order: the recomputed state hash equals the one in the re-executed stream; that
 * stream's leaf hashes to the recorded leaf (trace-leaves.bin); that leaf is included in the
 * recorded trace root (an RFC 9162 inclusion proof over the stored leaf hashes).
 */
import { AuditError, UsageError } from '../errors.ts';
import { openData, sourceOfFeed } from '../data/load.ts';
import { Backtest } from '../engine/backtest.ts';
import { compileGuest, GuestInstance } from '../sandbox/index.ts';
import { equalBytes, hashLeaf, inclusionProofFromLeafHashes, sha256, toHex, verifyInclusion } from '../../traces/index.ts';
import { engineConfigFor, sandboxConfigFor } from './config.ts';
import { guestHostFor } from './guest-host.ts';
import { FILES, readRunFile } from './rundir.ts';
import { configFromRecord, dataOptionsFromRecord, openRecord, type RecordedDataFile } from './verify.ts';

export interface SnapshotCheck {
  bar: number;
  stateSha256: string;
  leafIndex: number;
  leaves: number;
  /** Events executed to reach the end of the leaf (vs the run's total). */
  eventsExecuted: number;
  eventsTotal: number;
}

class Stop extends Error {}

export async function checkSnapshot(opts: { dir: string; bar: number }): Promise<SnapshotCheck> {
  const rec = await openRecord(opts.dir, null);
  const config = configFromRecord(rec.bodies.config);
  if (config.snapshotEvery <= 0 || config.trace === 'off') throw new UsageError('USAGE', 'this run took no snapshots (it needs --snapshot-every and a trace)');
  if (!Number.isInteger(opts.bar) || opts.bar < 0 || (opts.bar + 1) % config.snapshotEvery !== 0)
    throw new UsageError('USAGE', `--bar must be an event index after which a snapshot was taken (every ${config.snapshotEvery}: ${config.snapshotEvery - 1}, ${2 * config.snapshotEvery - 1}, …)`);
  const wasm = await readRunFile(opts.dir, FILES.wasm, 'strategy');
  const leavesRaw = await readRunFile(opts.dir, FILES.leaves, 'trace');
  const leafHashes: Uint8Array[] = [];
  for (let i = 0; i < leavesRaw.length; i += 32) leafHashes.push(leavesRaw.subarray(i, i + 32));
  if (!equalBytes(rec.bodies.trace.leafHashesSha256 as Uint8Array, sha256(leavesRaw)))
    throw new AuditError('VERIFY_FAILED', 'trace', `${FILES.leaves} is not the recorded list of leaf hashes`);
  const feeds = [];
  for (const f of rec.bodies.data.files as RecordedDataFile[]) feeds.push(sourceOfFeed(await openData(f.path, dataOptionsFromRecord(f))));

  // Re-execute, keeping the stream from the start of the leaf that will hold the record.
  const chunk = config.chunkSize;
  let offset = 0; // stream bytes so far
  let recordAt = -1; // stream offset of the snapshot record
  let kept: Uint8Array[] = [];
  let keptFrom = 0;
  const onTrace = (bytes: Uint8Array): void => {
    kept.push(bytes.slice());
    offset += bytes.length;
    // Forget whole leaves before the one we need (or before the current one, until we know it).
    const leafStart = recordAt >= 0 ? Math.floor(recordAt / chunk) * chunk : Math.floor(offset / chunk) * chunk;
    if (keptFrom < leafStart) {
      const all = Buffer.concat(kept);
      kept = [new Uint8Array(all.subarray(leafStart - keptFrom))];
      keptFrom = leafStart;
    }
    if (recordAt >= 0 && offset >= Math.floor(recordAt / chunk) * chunk + chunk) throw new Stop();
  };
  const sandbox = { ...sandboxConfigFor(config), onTrace };
  const guest = compileGuest(wasm, sandbox);
  const backtest = new Backtest({ sources: feeds }, engineConfigFor(config));
  const instance = new GuestInstance(guest, guestHostFor(backtest, config.params), sandbox);
  let recomputed: Uint8Array | null = null;
  let events = 0;
  const port = {
    onBar: (t: bigint, o: number, h: number, l: number, c: number, v: number) => {
      events++;
      instance.onBar(t, o, h, l, c, v);
    },
    onOrder: instance.onOrder?.bind(instance),
    onTrade: instance.onTrade?.bind(instance),
    snapshot: (k: number) => {
      const before = offset;
      const h = instance.snapshot(k);
      if (k === opts.bar) {
        recomputed = h;
        recordAt = before + (offset - before) - 48; // the record is the last 48 bytes written
      }
      return h;
    },
  };
  instance.init();
  try {
    backtest.run(port);
    instance.finish(); // the record's leaf is the last, partial one: the whole run was needed
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  if (!recomputed || recordAt < 0) throw new AuditError('VERIFY_FAILED', 'snapshot', `no snapshot was taken after event ${opts.bar}`);
  const leafIndex = Math.floor(recordAt / chunk);
  const stream = new Uint8Array(Buffer.concat(kept));
  const leafBytes = stream.subarray(leafIndex * chunk - keptFrom, leafIndex * chunk - keptFrom + chunk);
  // The committed record inside the leaf carries the same hash.
  const inLeaf = leafBytes.subarray(recordAt - leafIndex * chunk + 16, recordAt - leafIndex * chunk + 48);
  if (!equalBytes(inLeaf, recomputed)) throw new AuditError('VERIFY_FAILED', 'snapshot', `the stream's record holds ${toHex(inLeaf)}, the state hashes to ${toHex(recomputed)}`);
  const leafHash = hashLeaf(leafBytes);
  if (!equalBytes(leafHash, leafHashes[leafIndex] ?? new Uint8Array(0)))
    throw new AuditError('VERIFY_FAILED', 'snapshot', `leaf ${leafIndex} re-executes to ${toHex(leafHash)}, ${FILES.leaves} says ${toHex(leafHashes[leafIndex] ?? new Uint8Array(0))}`);
  const proof = inclusionProofFromLeafHashes(leafIndex, leafHashes);
  if (!verifyInclusion(leafHash, leafIndex, leafHashes.length, proof, rec.bodies.trace.root as Uint8Array))
    throw new AuditError('VERIFY_FAILED', 'snapshot', `leaf ${leafIndex} is not included in the recorded trace root`);
  return {
    bar: opts.bar, stateSha256: toHex(recomputed), leafIndex, leaves: leafHashes.length,
    eventsExecuted: events, eventsTotal: (rec.bodies.data.files as { bars: unknown }[]).reduce((n, f) => n + Number(String(f.bars)), 0),
  };
}
