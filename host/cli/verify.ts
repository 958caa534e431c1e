/**
 * @module cli/verify
 * `backproof verify`: its command, and a command line that runs it alone. bin/backproof.js imports this module
 * (not cli/main) for `backproof verify ...`, so the command loads what verify needs (inspect/index.ts and the
 * CLI's shared parts), not every command's modules (the engine, the worker, the build cache, the logger: ~60 ms
 * CPU and ~10 MB a verify); cli/main lists the same command among the others, for help and in-process use.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXIT, UsageError, loadPublicKeyRaw, verifyRun } from '../inspect/index.ts';
import { vkeyOption, type Out } from './args.ts';
import { str, type CommandSpec } from './command.ts';
import { commonOptions, runCommand } from './dispatch.ts';
import { PROGRESS_OPTIONS, progressFor } from './progress.ts';

export const verify: CommandSpec = {
  name: 'verify',
  summary: 'check every hash and the signature of a run, without re-executing',
  usage: '<run-dir|sweep-dir> [--pubkey FILE] [--data FILE…] [--strict] [--rebuild] [--vkey VKEY [--log-proof FILE]]',
  about: `Checks the record's signature and hash chain and every file it names, without re-executing.
Names the first broken link and exits 5 on failure. Every file in the folder is accounted for: a file
the record does not bind is printed as UNVERIFIED (--strict makes that a failure). A log-inclusion.json
in the folder is always checked against record.pb. A sweep or walk-forward folder is checked as a whole:
its signed record, every run, the root, the summary and the report (docs/SWEEP.md); --strict applies there too.`,
  options: [
    str('pubkey', 'FILE', 'require the record to be signed by this public key'),
    { name: 'data', type: 'string', multiple: true, arg: 'FILE', help: 'a copy of a data file moved from its recorded path (which is relative to the folder the run was made in): one per recorded file, in record order or as SYMBOL=FILE' },
    { name: 'strict', type: 'boolean', help: 'fail on files the record does not bind (UNVERIFIED)' },
    { name: 'rebuild', type: 'boolean', help: `rebuild the module from the folder's sources/ with this asc and the recorded flags
and require the recorded module's bytes` },
    str('vkey', 'VKEY', `a log's verifier key: also check that this record (SHA-256 of record.pb) is in that
transparency log, under its signed checkpoint`),
    str('log-proof', 'FILE', 'the inclusion proof ("backproof log prove"); default: the folder\'s log-inclusion.json'),
    ...PROGRESS_OPTIONS,
  ],
  positionals: 1,
  examples: ['backproof verify runs/demo --pubkey .backproof/backproof.pub', 'backproof verify runs/demo --strict --json'],
  exits: [0, 2, 3, [5, 'a link does not check out']],
  schema: 'verify@1',
  async run({ values, positionals, text, ctx }) {
    if (!positionals[0]) throw new UsageError('USAGE', 'verify needs a run folder: backproof verify <run-dir>');
    // A sweep folder (it holds sweep.json) is verified by host/sweep: its record, root, summary and every run.
    if (existsSync(path.join(positionals[0], 'sweep.json'))) return (await import('./sweep.ts')).verifySweepCommand({ values, positionals, text, ctx });
    // A walk-forward folder (it holds walk-forward.json) is verified by host/walk-forward: its plan, every window's sweeps, root and stitched equity.
    if (existsSync(path.join(positionals[0], 'walk-forward.json'))) return (await import('./walk-forward.ts')).verifyWalkForwardCommand({ values, positionals, text, ctx });
    const vkey = values['log-proof'] || values.vkey ? vkeyOption(values.vkey, '--log-proof needs the log\'s verifier key: --vkey <name>+<keyID>+<key> (printed by "backproof log vkey <log-dir>")') : null;
    const trustedKey = values.pubkey ? await loadPublicKeyRaw(values.pubkey as string) : null;
    const bar = progressFor('verify', values, ctx, 'steps');
    const r = await verifyRun({
      dir: positionals[0], trustedKey, dataPath: values.data as string[] | undefined, strict: values.strict === true, rebuild: values.rebuild === true,
      log: vkey, logProof: values['log-proof'] as string | undefined, progress: bar.counter,
    }).finally(bar.stop);
    text.log(`OK run ${r.runId}: ${r.steps.join(' → ')}`);
    text.log(r.signed ? `signed by key ${r.keyFingerprint}${trustedKey ? ' (the trusted key)' : ' (not pinned: pass --pubkey to require a key)'}` : 'UNSIGNED: integrity checked, but nobody vouches for this record');
    text.log(`trace root ${r.traceRoot}`);
    text.log(`result     ${r.resultSha256}`);
    if (r.logged) text.log(`logged     entry ${r.logged.index} of ${r.logged.origin}, in its checkpoint of size ${r.logged.size}${r.logged.signedBy === 'vkey' ? ' (signed under --vkey)' : r.logged.signedBy === 'record key' ? ' (signed by the record\'s key)' : ''}`);
    for (const u of r.unverified) text.log(`UNVERIFIED ${u.file}: ${u.why} (--strict fails on it)`);
    for (const d of r.toolchainDifferences) text.log(`note: toolchain differs (replay would refuse without --allow-toolchain-mismatch): ${d}`);
    return {
      exit: EXIT.ok,
      json: {
        ok: true, runId: r.runId, steps: r.steps, signed: r.signed, keyFingerprint: r.keyFingerprint, keyPinned: trustedKey !== null,
        traceRoot: r.traceRoot, resultSha256: r.resultSha256, logged: r.logged, unverified: r.unverified, toolchainDifferences: r.toolchainDifferences,
      },
    };
  },
};

/**
 * `backproof verify ...` (argv without the program: "verify" first), as cli/main's `main` runs it: the same
 * output and exit code. Anything but "verify" first is left to cli/main (bin/backproof.js sends only this).
 */
export async function main(argv: string[], out: Out = { log: (s) => console.log(s) }, err: Out = { log: (s) => console.error(s) }): Promise<number> {
  const common = await commonOptions(argv, out, err);
  if (typeof common === 'number') return common;
  const [command, ...rest] = common.argv;
  if (command !== verify.name) throw new Error(`cli/verify runs "verify" only, not "${command}"`);
  return runCommand(verify, rest, common, out, err);
}

/** What bin/backproof.js does on SIGINT or SIGTERM during a verify: exit as shells expect, 130 or 143 (verify writes no run folder, so there is no partial one to remove, as cli/main's onInterrupt does). */
export function onInterrupt(signal: 'SIGINT' | 'SIGTERM'): never {
  process.exit(signal === 'SIGINT' ? 130 : 143);
}
