/**
 * @module cli/audit
 * The auditor's commands beyond verify: replay (with the toolchain check and the divergence finder)
 * and diff.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  attestRun, createLogger, describeDivergence, diffRuns, EXIT, keyFingerprint, loadPrivateKey, loadPublicKeyRaw, proveInstruction, replayRun,
  UsageError, verifyAttestation, verifyProofBundle, type Envelope, type ProofBundle,
} from '../index.ts';
import { DEFAULT_KEY_DIR, numberOption, parse, type Command, type Context, type Out } from './args.ts';

export const AUDIT_HELP: Record<string, string> = {
  replay: `Usage: backproof replay <run-dir> [--data FILE] [--allow-toolchain-mismatch] [--report FILE]

Re-executes the run from its folder and prints MATCH, or MISMATCH naming the fields that differ
(trace root, result, instructions, fuelUsed, trace bytes: what verify cannot check without executing) with both
values and the first differing instruction (exit 5): its leaf, trace byte and index, and on each side the bar and
callback it ran in, the function, byte offset, opcode, stack height and address.
--data reads the data from FILE instead of the recorded path (the recorded side of the divergence is
then re-executed from the recorded file, if it still matches its hash).
Refuses (exit 5) when this toolchain (lockfile, Node, AssemblyScript, instrumenter, Backproof, asc
flags, SDK) differs from the recorded one, naming each difference; --allow-toolchain-mismatch
replays anyway and the override is printed and written to the report.
--report FILE writes the whole report as JSON.`,
  diff: `Usage: backproof diff <run-a> <run-b>

Compares two runs' committed traces (their stored leaf hashes), then re-executes each only as far as
the first differing leaf and prints the first differing instruction on both sides. Exit 0 when the
traces are identical, 5 when they differ.`,
  prove: `Usage: backproof prove <run-dir> (--instruction N | --order K) [--out FILE]

Writes a self-contained proof bundle (default <run-dir>/proof-<N>.json) for instruction N of the
run, or for the call instruction that placed order K: the signed record, the module, the Merkle
leaf holding the instruction's trace record with its inclusion path, and the claim (function, byte
offset, opcode, stack height, address, and the bar and callback it ran in). Re-executes the run only
as far as that leaf. Check it with verify-proof.`,
  'verify-proof': `Usage: backproof verify-proof <proof.json> [--pubkey FILE]

Checks a bundle offline, from the bundle alone: the record's signature and hash chain (--pubkey
requires the record to be signed by that key), that the module is the recorded one, that each leaf
is included in the recorded trace root, and that the leaf decodes to the claimed instruction.
Exit 5 naming the failed step.`,
  attest: `Usage: backproof attest <run-dir> [--key FILE] [--out FILE]

Writes the run's record as an in-toto Statement v1 (subject: result.pb by SHA-256) in a DSSE
envelope signed with the Ed25519 key (default ${DEFAULT_KEY_DIR}/backproof.key), to
<run-dir>/attestation.dsse.json unless --out says otherwise.`,
  'verify-attestation': `Usage: backproof verify-attestation <envelope.json> --pubkey FILE

Checks the DSSE signature (over PAE), the statement's type, the embedded record's chain and
signature, that the envelope's signer is the record's signer (--pubkey must be that key), and that
the payload is exactly the statement rebuilt from the embedded record.pb (so its subject is the
record's result). verify checks an attestation.dsse.json in a run folder the same way.`,
};

const json = (v: unknown): string => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x), 2) + '\n';

async function cmdReplay(args: string[], out: Out, ctx: Context): Promise<number> {
  const { values, positionals } = parse(args, { data: { type: 'string' }, 'allow-toolchain-mismatch': { type: 'boolean' }, report: { type: 'string' } }, 1);
  if (values.help) return out.log(AUDIT_HELP.replay!), EXIT.ok;
  if (!positionals[0]) throw new UsageError('USAGE', 'replay needs a run folder: backproof replay <run-dir>');
  const r = await replayRun({
    dir: positionals[0], dataPath: values.data as string | undefined, logger: createLogger({ level: ctx.logLevel }), logLevel: ctx.logLevel,
    allowToolchainMismatch: values['allow-toolchain-mismatch'] === true,
  });
  if (values.report) await writeFile(values.report as string, json(r));
  for (const d of r.toolchainDifferences) out.log(`toolchain override: ${d}`);
  for (const note of r.notes) out.log(`note: ${note}`);
  if (r.match) {
    out.log(`MATCH trace root ${r.replayedRoot}, result ${r.replayedResult}`);
    return EXIT.ok;
  }
  out.log('MISMATCH');
  out.log(`  trace root  recorded ${r.recordedRoot}`);
  out.log(`              replayed ${r.replayedRoot}`);
  out.log(`  result      recorded ${r.recordedResult}`);
  out.log(`              replayed ${r.replayedResult}`);
  if (r.recordedInstructions !== r.replayedInstructions) out.log(`  instructions recorded ${r.recordedInstructions}, replayed ${r.replayedInstructions}`);
  if (r.recordedFuelUsed !== r.replayedFuelUsed) out.log(`  fuelUsed    recorded ${r.recordedFuelUsed}, replayed ${r.replayedFuelUsed}`);
  if (r.recordedTraceBytes !== r.replayedTraceBytes) out.log(`  bytes       recorded ${r.recordedTraceBytes}, replayed ${r.replayedTraceBytes}`);
  out.log(`  differ      ${r.mismatches.join(', ')}`);
  if (r.divergence) for (const line of describeDivergence(r.divergence)) out.log(line);
  return EXIT.verification;
}

async function cmdDiff(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, {}, 2);
  if (values.help) return out.log(AUDIT_HELP.diff!), EXIT.ok;
  if (positionals.length !== 2) throw new UsageError('USAGE', 'diff needs two run folders: backproof diff <run-a> <run-b>');
  const r = await diffRuns(positionals[0]!, positionals[1]!);
  for (const note of r.notes) out.log(`note: ${note}`);
  if (!r.divergence) {
    out.log('SAME trace');
    return EXIT.ok;
  }
  out.log('DIFFERENT');
  for (const line of describeDivergence(r.divergence)) out.log(line);
  return EXIT.verification;
}

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

async function cmdProve(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, { instruction: { type: 'string' }, order: { type: 'string' }, out: { type: 'string' } }, 1);
  if (values.help) return out.log(AUDIT_HELP.prove!), EXIT.ok;
  if (!positionals[0]) throw new UsageError('USAGE', 'prove needs a run folder: backproof prove <run-dir> --instruction N');
  const instruction = values.instruction === undefined ? undefined : numberOption('instruction', values.instruction as string, 0);
  const order = values.order === undefined ? undefined : numberOption('order', values.order as string, 0);
  const bundle = await proveInstruction({ dir: positionals[0], instruction, order });
  const target = (values.out as string | undefined) ?? path.join(positionals[0], `proof-${bundle.claim.instruction}.json`);
  await writeFile(target, JSON.stringify(bundle, null, 2) + '\n');
  const c = bundle.claim;
  out.log(`instruction ${c.instruction}${c.order !== null ? ` (placed order ${c.order})` : ''}: f${c.func}${c.functionName ? ` ${c.functionName}` : ''} @${c.offset} ${c.name}${c.address === null ? '' : ` addr=${c.address}`}${c.barTime ? `, ${c.callback} of bar ${c.barTime}` : c.callback ? `, ${c.callback}` : ''}`);
  out.log(`leaf ${bundle.leaves.map((l) => l.index).join('+')} of ${bundle.treeSize}, root ${bundle.root}`);
  out.log(`wrote ${target}`);
  return EXIT.ok;
}

async function cmdVerifyProof(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, { pubkey: { type: 'string' } }, 1);
  if (values.help) return out.log(AUDIT_HELP['verify-proof']!), EXIT.ok;
  if (!positionals[0]) throw new UsageError('USAGE', 'verify-proof needs a bundle: backproof verify-proof <proof.json>');
  const trusted = values.pubkey ? await loadPublicKeyRaw(values.pubkey as string) : null;
  const r = verifyProofBundle(await readJson<ProofBundle>(positionals[0], 'proof bundle'), trusted);
  out.log(`OK instruction ${r.instruction} of run ${r.runId}: ${r.steps.join(' → ')}`);
  out.log(r.signed ? `record signed by key ${keyFingerprint(r.publicKey)}${trusted ? ' (the trusted key)' : ' (not pinned: pass --pubkey)'}` : 'UNSIGNED record: integrity only, nobody vouches for it');
  return EXIT.ok;
}

async function cmdAttest(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, { key: { type: 'string' }, out: { type: 'string' } }, 1);
  if (values.help) return out.log(AUDIT_HELP.attest!), EXIT.ok;
  if (!positionals[0]) throw new UsageError('USAGE', 'attest needs a run folder: backproof attest <run-dir>');
  const key = await loadPrivateKey((values.key as string | undefined) ?? path.join(DEFAULT_KEY_DIR, 'backproof.key'));
  const env = await attestRun(positionals[0], key);
  const target = (values.out as string | undefined) ?? path.join(positionals[0], 'attestation.dsse.json');
  await writeFile(target, JSON.stringify(env, null, 2) + '\n');
  out.log(`wrote ${target} (in-toto Statement v1 in a DSSE envelope, key ${env.signatures[0]!.keyid})`);
  return EXIT.ok;
}

async function cmdVerifyAttestation(args: string[], out: Out): Promise<number> {
  const { values, positionals } = parse(args, { pubkey: { type: 'string' } }, 1);
  if (values.help) return out.log(AUDIT_HELP['verify-attestation']!), EXIT.ok;
  if (!positionals[0] || !values.pubkey) throw new UsageError('USAGE', 'verify-attestation needs an envelope and a key: backproof verify-attestation <file> --pubkey FILE');
  const r = verifyAttestation(await readJson<Envelope>(positionals[0], 'envelope'), await loadPublicKeyRaw(values.pubkey as string));
  out.log(`OK run ${r.runId}: result sha256 ${r.subjectSha256}`);
  return EXIT.ok;
}

export const AUDIT_COMMANDS: Record<string, Command> = {
  replay: cmdReplay, diff: cmdDiff, prove: cmdProve, 'verify-proof': cmdVerifyProof, attest: cmdAttest, 'verify-attestation': cmdVerifyAttestation,
};
