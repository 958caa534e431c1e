/**
 * @module cli/audit
 * The auditor's commands beyond verify: replay (with the toolchain check and the divergence finder),
 * diff, prove, verify-proof, attest, verify-attestation.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  attestRun, createLogger, describeDivergence, diffRuns, EXIT, keyFingerprint, loadPrivateKey, loadPublicKeyRaw, proveInstruction, replayRun,
  UsageError, verifyAttestation, verifyProofBundle, type Envelope, type ProofBundle,
} from '../index.ts';
import { DEFAULT_KEY_DIR, numberOption } from './args.ts';
import { str, type CommandSpec } from './command.ts';
import { PROGRESS_OPTIONS, progressFor } from './progress.ts';

const json = (v: unknown): string => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x), 2) + '\n';

const replay: CommandSpec = {
  name: 'replay',
  summary: 're-execute a run and compare; on a mismatch, name the first differing instruction',
  usage: '<run-dir> [--data FILE…] [--allow-toolchain-mismatch] [--isolation v8|wasi|process] [--report FILE]',
  about: `Re-executes the run from its folder and prints MATCH, or MISMATCH naming the fields that differ
(trace root, result, instructions, fuelUsed, trace bytes: what verify cannot check without executing) with both
values and the first differing instruction (exit 5): its leaf, trace byte and index, and on each side the bar and
callback it ran in, the function, byte offset, opcode, stack height and address.
Refuses (exit 5) when this toolchain (Node, AssemblyScript, instrumenter, Backproof, asc flags, SDK)
differs from the recorded one, naming each difference (the strategy project's lockfile is not compared).`,
  options: [
    { name: 'data', type: 'string', multiple: true, arg: 'FILE', help: `a copy of a data file moved from its recorded path (which is relative to the folder the run was made in): one per recorded file, in record order or as SYMBOL=FILE (the recorded side of a
divergence is then re-executed from the recorded files, if they still match their hashes)` },
    { name: 'allow-toolchain-mismatch', type: 'boolean', help: 'replay under a different toolchain anyway; the override is printed and reported' },
    str('isolation', 'v8|wasi|process', `where the re-executed guest runs: v8 (this process, default), wasi (Wasmer in a worker thread) or
process (a child process under Node's permission model); the replay is the same under each (docs/RUNTIMES.md)`),
    str('report', 'FILE', 'also write the whole report as JSON to FILE'),
    ...PROGRESS_OPTIONS,
  ],
  positionals: 1,
  examples: ['backproof replay runs/demo', 'backproof replay runs/demo --isolation process --json'],
  exits: [0, 2, 3, 4, [5, 'mismatch, or a different toolchain']],
  schema: 'replay@1',
  async run({ values, positionals, text, ctx }) {
    if (!positionals[0]) throw new UsageError('USAGE', 'replay needs a run folder: backproof replay <run-dir>');
    const bar = progressFor('replay', values, ctx);
    const r = await replayRun({
      dir: positionals[0], dataPath: values.data as string[] | undefined, logger: createLogger({ level: ctx.logLevel }), logLevel: ctx.logLevel,
      allowToolchainMismatch: values['allow-toolchain-mismatch'] === true, isolation: values.isolation as string | undefined, progress: bar.counter, onPhase: bar.onPhase,
    }).finally(bar.stop);
    if (values.report) await writeFile(values.report as string, json(r));
    for (const d of r.toolchainDifferences) text.log(`toolchain override: ${d}`);
    for (const note of r.notes) text.log(`note: ${note}`);
    const doc = {
      runId: r.runId, match: r.match, mismatches: r.mismatches, notes: r.notes, toolchainOverride: r.toolchainOverride, toolchainDifferences: r.toolchainDifferences,
      recorded: { traceRoot: r.recordedRoot, result: r.recordedResult, instructions: r.recordedInstructions, fuelUsed: r.recordedFuelUsed, traceBytes: r.recordedTraceBytes },
      replayed: { traceRoot: r.replayedRoot, result: r.replayedResult, instructions: r.replayedInstructions, fuelUsed: r.replayedFuelUsed, traceBytes: r.replayedTraceBytes },
      divergence: r.divergence,
    };
    if (r.match) {
      text.log(`MATCH trace root ${r.replayedRoot}, result ${r.replayedResult}`);
      return { exit: EXIT.ok, json: doc };
    }
    text.log('MISMATCH');
    text.log(`  trace root  recorded ${r.recordedRoot}`);
    text.log(`              replayed ${r.replayedRoot}`);
    text.log(`  result      recorded ${r.recordedResult}`);
    text.log(`              replayed ${r.replayedResult}`);
    if (r.recordedInstructions !== r.replayedInstructions) text.log(`  instructions recorded ${r.recordedInstructions}, replayed ${r.replayedInstructions}`);
    if (r.recordedFuelUsed !== r.replayedFuelUsed) text.log(`  fuelUsed    recorded ${r.recordedFuelUsed}, replayed ${r.replayedFuelUsed}`);
    if (r.recordedTraceBytes !== r.replayedTraceBytes) text.log(`  bytes       recorded ${r.recordedTraceBytes}, replayed ${r.replayedTraceBytes}`);
    text.log(`  differ      ${r.mismatches.join(', ')}`);
    if (r.divergence) for (const line of describeDivergence(r.divergence)) text.log(line);
    return { exit: EXIT.verification, json: doc };
  },
};

const diff: CommandSpec = {
  name: 'diff',
  summary: 'the first instruction where two runs\' traces differ',
  usage: '<run-a> <run-b>',
  about: `Compares two runs' committed traces (their stored leaf hashes), then re-executes each only as far as
the first differing leaf and prints the first differing instruction on both sides.`,
  options: [],
  positionals: 2,
  examples: ['backproof diff runs/demo runs/fast11', 'backproof diff runs/demo runs/fast11 --json'],
  exits: [[0, 'the traces are identical'], 2, 3, [5, 'they differ']],
  schema: 'diff@1',
  async run({ positionals, text }) {
    if (positionals.length !== 2) throw new UsageError('USAGE', 'diff needs two run folders: backproof diff <run-a> <run-b>');
    const r = await diffRuns(positionals[0]!, positionals[1]!);
    for (const note of r.notes) text.log(`note: ${note}`);
    const doc = { same: r.divergence === null, notes: r.notes, divergence: r.divergence };
    if (!r.divergence) {
      text.log('SAME trace');
      return { exit: EXIT.ok, json: doc };
    }
    text.log('DIFFERENT');
    for (const line of describeDivergence(r.divergence)) text.log(line);
    return { exit: EXIT.verification, json: doc };
  },
};

async function readJson<T>(file: string, what: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError('USAGE', `cannot read ${what} ${file}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new UsageError('USAGE', `${file} is not JSON: ${(e as Error).message}`);
  }
}

const prove: CommandSpec = {
  name: 'prove',
  summary: 'a proof bundle for one instruction (--instruction N or --order K)',
  usage: '<run-dir> (--instruction N | --order K) [--out FILE]',
  about: `Writes a self-contained proof bundle for instruction N of the run, or for the call instruction that
placed order K: the signed record, the module, the Merkle leaves that show the instruction ran with
their inclusion paths (trace format 6: from the last keyframe before it, and the keyframe table's leaf;
format 4: the leaf holding its region record; format 5: from the first), the claim verify-proof checks
(index, stream word, function and its name, byte offset, opcode, stack height, address; formats 5 and 6:
the callback the host entered) and the context it cannot check (the order placed, the bar's event, time
and symbol: they come from the data and the broker, not the trace; format 4: the callback too).
Re-executes the run (format 6 with a keyframe: to its end, for the table; otherwise only as far as those
leaves). Check it with verify-proof.`,
  options: [
    str('instruction', 'N', 'the instruction to prove'),
    str('order', 'K', 'prove the call instruction that placed order K'),
    str('out', 'FILE', 'where to write the bundle (default <run-dir>/proof-<N>.json)'),
  ],
  positionals: 1,
  examples: ['backproof prove runs/demo --order 3 --out runs/order3.json', 'backproof prove runs/demo --instruction 1000 --json'],
  exits: [0, 2, 3, 5],
  schema: 'prove@2',
  async run({ values, positionals, text }) {
    if (!positionals[0]) throw new UsageError('USAGE', 'prove needs a run folder: backproof prove <run-dir> --instruction N');
    const instruction = values.instruction === undefined ? undefined : numberOption('instruction', values.instruction as string, 0);
    const order = values.order === undefined ? undefined : numberOption('order', values.order as string, 0);
    const bundle = await proveInstruction({ dir: positionals[0], instruction, order });
    const target = (values.out as string | undefined) ?? path.join(positionals[0], `proof-${bundle.claim.instruction}.json`);
    await writeFile(target, JSON.stringify(bundle, null, 2) + '\n');
    const c = bundle.claim, x = bundle.context!;
    const callback = c.callback ?? x.callback;
    text.log(`instruction ${c.instruction}: f${c.func}${c.functionName ? ` ${c.functionName}` : ''} @${c.offset} ${c.name}${c.address === null ? '' : ` addr=${c.address}`}${c.callback ? `, in ${c.callback}` : ''}`);
    const seen = [x.order !== null ? `placed order ${x.order}` : '', x.callback ? `in ${x.callback}` : '', x.barTime ? `bar ${x.barTime}${x.event !== null ? ` (event ${x.event}${x.symbol ? `, ${x.symbol}` : ''})` : ''}` : callback === 'init' ? 'before the first bar' : ''].filter(Boolean);
    if (seen.length) text.log(`context (from re-executing with the data; the bundle does not prove it): ${seen.join(', ')}`);
    const table = bundle.tableLeaves?.map((l) => l.index);
    const from = c.keyframe ? ` from keyframe ${c.keyframe.index} (word ${c.keyframe.word})` : '';
    text.log(`leaf ${bundle.leaves.map((l) => l.index).join('+')}${from}${table ? `, keyframe table in leaf ${table.join('+')}` : ''} of ${bundle.treeSize}, root ${bundle.root}`);
    text.log(`wrote ${target}`);
    return {
      exit: EXIT.ok,
      json: { file: target, claim: c, context: x, leaves: bundle.leaves.map((l) => l.index), ...(table ? { tableLeaves: table } : {}), treeSize: bundle.treeSize, root: bundle.root },
    };
  },
};

/** A claim's or context's value as the text output prints it. */
const shown = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

const verifyProof: CommandSpec = {
  name: 'verify-proof',
  summary: 'check a proof bundle offline',
  usage: '<proof.json> [--pubkey FILE]',
  about: `Checks a bundle offline, from the bundle alone: the record's signature and hash chain, that the module
is the recorded one, that each leaf is included in the recorded trace root, and that the leaves decode to
the claimed instruction: its function and the function's name in the module, byte offset, opcode, stack
height and address; trace formats 5 and 6 also its index, the stream word where the expansion reaches it
and the callback the host entered. Exit 5 naming the failed step and field.
Prints what the bundle does not prove, as context: the order placed, the bar's event, time and symbol
(they come from the data and the broker, not the trace), and for format 4 the index, that the word starts
a region record, and the callback. Re-run \`backproof prove\` or \`backproof trace\` on the run with its data
to check them. Reads format /2 bundles and /1 (whose claim holds the context; its format 5/6 word is not proven).`,
  options: [str('pubkey', 'FILE', 'require the record to be signed by this public key')],
  positionals: 1,
  examples: ['backproof verify-proof runs/order3.json', 'backproof verify-proof runs/order3.json --pubkey .backproof/backproof.pub --json'],
  exits: [0, 2, [5, 'the bundle does not check out']],
  schema: 'verify-proof@1',
  async run({ values, positionals, text }) {
    if (!positionals[0]) throw new UsageError('USAGE', 'verify-proof needs a bundle: backproof verify-proof <proof.json>');
    const trusted = values.pubkey ? await loadPublicKeyRaw(values.pubkey as string) : null;
    const r = verifyProofBundle(await readJson<ProofBundle>(positionals[0], 'proof bundle'), trusted);
    const fingerprint = r.signed ? keyFingerprint(r.publicKey) : null;
    const indexProven = r.proven.instruction !== undefined;
    text.log(`OK instruction ${r.instruction}${indexProven ? '' : ' (index not proven, below)'} of run ${r.runId}: ${r.steps.join(' → ')}`);
    text.log(`proven: ${Object.entries(r.proven).map(([k, v]) => `${k} ${shown(v)}`).join(', ')}`);
    if (r.unproven.length) {
      text.log(UNPROVEN_HEADING);
      for (const u of r.unproven) text.log(`  ${u.field} ${shown(u.value)}: ${u.why}`);
    }
    text.log(r.signed ? `record signed by key ${fingerprint}${trusted ? ' (the trusted key)' : ' (not pinned: pass --pubkey)'}` : 'UNSIGNED record: integrity only, nobody vouches for it');
    return {
      exit: EXIT.ok,
      json: { ok: true, runId: r.runId, instruction: r.instruction, steps: r.steps, proven: r.proven, unproven: r.unproven, signed: r.signed, keyFingerprint: fingerprint, keyPinned: trusted !== null },
    };
  },
};

const UNPROVEN_HEADING = 'not proven by this bundle (context: re-run `backproof prove` or `backproof trace` on the run with its data to check):';

const attest: CommandSpec = {
  name: 'attest',
  summary: 'the record as an in-toto statement in a signed DSSE envelope',
  usage: '<run-dir> [--key FILE] [--out FILE]',
  about: `Writes the run's record as an in-toto Statement v1 (subject: result.pb by SHA-256) in a DSSE
envelope signed with the Ed25519 key.`,
  options: [
    str('key', 'FILE', `the signing key (default ${DEFAULT_KEY_DIR}/backproof.key)`),
    str('out', 'FILE', 'where to write the envelope (default <run-dir>/attestation.dsse.json)'),
  ],
  positionals: 1,
  examples: ['backproof attest runs/demo --out runs/demo.dsse.json'],
  exits: [0, 2, 5],
  schema: 'attest@1',
  async run({ values, positionals, text }) {
    if (!positionals[0]) throw new UsageError('USAGE', 'attest needs a run folder: backproof attest <run-dir>');
    const key = await loadPrivateKey((values.key as string | undefined) ?? path.join(DEFAULT_KEY_DIR, 'backproof.key'));
    const env = await attestRun(positionals[0], key);
    const target = (values.out as string | undefined) ?? path.join(positionals[0], 'attestation.dsse.json');
    await writeFile(target, JSON.stringify(env, null, 2) + '\n');
    text.log(`wrote ${target} (in-toto Statement v1 in a DSSE envelope, key ${env.signatures[0]!.keyid})`);
    return { exit: EXIT.ok, json: { file: target, payloadType: env.payloadType, keyid: env.signatures[0]!.keyid } };
  },
};

const verifyAttestationCmd: CommandSpec = {
  name: 'verify-attestation',
  summary: 'check an attestation envelope',
  usage: '<envelope.json> --pubkey FILE',
  about: `Checks the DSSE signature (over PAE), the statement's type, the embedded record's chain and
signature, that the envelope's signer is the record's signer (--pubkey must be that key), and that
the payload is exactly the statement rebuilt from the embedded record.pb (so its subject is the
record's result). verify checks an attestation.dsse.json in a run folder the same way.`,
  options: [str('pubkey', 'FILE', 'the signer\'s public key (required)')],
  positionals: 1,
  examples: ['backproof verify-attestation runs/demo.dsse.json --pubkey .backproof/backproof.pub'],
  exits: [0, 2, [5, 'the envelope does not check out']],
  schema: 'verify-attestation@1',
  async run({ values, positionals, text }) {
    if (!positionals[0] || !values.pubkey) throw new UsageError('USAGE', 'verify-attestation needs an envelope and a key: backproof verify-attestation <file> --pubkey FILE');
    const r = verifyAttestation(await readJson<Envelope>(positionals[0], 'envelope'), await loadPublicKeyRaw(values.pubkey as string));
    text.log(`OK run ${r.runId}: result sha256 ${r.subjectSha256}`);
    return { exit: EXIT.ok, json: { ok: true, runId: r.runId, subjectSha256: r.subjectSha256 } };
  },
};

export const AUDIT_COMMANDS: CommandSpec[] = [replay, diff, prove, verifyProof, attest, verifyAttestationCmd];
