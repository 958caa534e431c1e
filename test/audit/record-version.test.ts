// Record version 3 (the toolchain link names the strategy project's lockfile, or "absent") is written;
// version 2 records are still read (record.json rendered as version 2 had it); the lockfile fields must agree.
import { describe, expect, it } from 'vitest';
import { chainLinks, decodeSignedRecord, renderRecordJson, signedRecordBytes, RECORD_VERSION } from '../../host/audit/record.ts';
import { encode, pb, uint64 } from '../../host/audit/codec.ts';
import { missingLockfile } from '../../host/run/toolchain.ts';
import { AuditError } from '../../host/errors.ts';

const h = (b: number): Uint8Array => new Uint8Array(32).fill(b);
const TOOLCHAIN = { node: 'v24.0.0', assemblyscript: '0.28.20', instrumenter: 'backproof-instrument/1', backproof: '0.1.0', ascFlags: ['-O3'], sdk: 'sha256:00' };
const bodies = (toolchain: Record<string, unknown>): Parameters<typeof chainLinks>[0] => ({
  toolchain,
  strategy: { sources: [], wasmSha256: h(4), wasmSize: uint64(100), instrumentedSha256: h(5), instrumentedSize: uint64(300) },
  data: { files: [{ path: 'GOOG.csv', sha256: h(6), size: uint64(10), bars: uint64(2) }] },
  config: { cash: 10000 },
  trace: { root: h(7) },
  result: { sha256: h(9) },
});

function recordPb(version: number, toolchain: Record<string, unknown>): Uint8Array {
  const links = chainLinks(bodies(toolchain));
  const record = encode(pb.Record, { version, runId: '0123456789abcdef', links: links.map((l) => ({ kind: l.kind, prev: l.prev, body: l.body })), head: links.at(-1)!.hash });
  return signedRecordBytes(record, null);
}

const refusal = (raw: Uint8Array): AuditError => {
  try {
    decodeSignedRecord(raw);
  } catch (e) {
    return e as AuditError;
  }
  throw new Error('accepted');
};

describe('record versions', () => {
  it('writes version 3; reads a version 2 record, rendering its record.json without the version 3 fields', () => {
    expect(RECORD_VERSION).toBe(3);
    const v2 = decodeSignedRecord(recordPb(2, { ...TOOLCHAIN, lockfileSha256: new Uint8Array(32) }));
    expect(v2.version).toBe(2);
    const body = JSON.parse(renderRecordJson(v2)).links[0].body;
    expect(Object.keys(body).sort()).toEqual(['ascFlags', 'assemblyscript', 'backproof', 'instrumenter', 'lockfileSha256', 'node', 'sdk']);
    expect(body.lockfileSha256).toBe('00'.repeat(32));
    // Version 2 wrote 32 zero bytes for a missing lockfile: verify names it as version 3's "absent".
    expect(missingLockfile(v2.bodies.toolchain)).toMatch(/^the toolchain link records no lockfile/);
    expect(missingLockfile(decodeSignedRecord(recordPb(2, { ...TOOLCHAIN, lockfileSha256: h(1) })).bodies.toolchain)).toBeNull();
    const v3 = decodeSignedRecord(recordPb(3, { ...TOOLCHAIN, lockfile: 'absent' }));
    expect(JSON.parse(renderRecordJson(v3)).links[0].body).toMatchObject({ lockfile: 'absent', lockfileSha256: '', installedBackproof: '', installedIntegrity: '' });
    expect(missingLockfile(v3.bodies.toolchain)).toMatch(/^the toolchain link records no lockfile/);
    expect(missingLockfile(decodeSignedRecord(recordPb(3, { ...TOOLCHAIN, lockfile: 'package-lock.json', lockfileSha256: h(1), installedBackproof: '0.1.0' })).bodies.toolchain)).toBeNull();
  });

  it('refuses versions 1 and 4, version 3 fields in a version 2 record, and lockfile fields that disagree', () => {
    for (const v of [1, 4]) expect(refusal(recordPb(v, TOOLCHAIN))).toMatchObject({ code: 'VERIFY_FAILED', step: 'record', message: `version ${v}, this verifier reads versions 2 and 3 (record.pb)` });
    const cases: [number, Record<string, unknown>, string][] = [
      [2, { lockfileSha256: h(1), lockfile: 'package-lock.json' }, 'a version 2 record\'s toolchain link has lockfile, which version 3 introduced'],
      [3, {}, 'the toolchain link\'s lockfile is "", expected "package-lock.json" or "absent"'],
      [3, { lockfile: 'yarn.lock', lockfileSha256: h(1) }, 'the toolchain link\'s lockfile is "yarn.lock", expected "package-lock.json" or "absent"'],
      [3, { lockfile: 'package-lock.json' }, 'the toolchain link names lockfile package-lock.json with a 0-byte hash, not 32'],
      [3, { lockfile: 'absent', lockfileSha256: new Uint8Array(32) }, 'the toolchain link says the lockfile is absent but records its hash or installed Backproof'],
      [3, { lockfile: 'absent', installedIntegrity: 'sha512-AA' }, 'the toolchain link says the lockfile is absent but records its hash or installed Backproof'],
    ];
    for (const [version, fields, message] of cases)
      expect(refusal(recordPb(version, { ...TOOLCHAIN, ...fields }))).toMatchObject({ code: 'VERIFY_FAILED', step: 'chain', message: `${message} (record.pb)` });
  });
});
