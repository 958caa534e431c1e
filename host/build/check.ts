/**
 * @module build/check
 * A built module against the ABI, at build time: the sandbox's own check (sandbox/runtime
 * checkAbi), made right after asc so that a strategy reaching for the clock, `trace()` or the
 * system, or one that forgot the SDK's exports, fails at `build` (BUILD_FAILED, exit 6) with what to
 * write instead and the source line that did it, rather than at `backtest`.
 */
import { BuildError } from '../errors.ts';
import { checkAbi, type AbiViolation } from '../sandbox/runtime.ts';
import { SandboxError } from '../errors.ts';
import { parseModule, type WasmModule } from '../sandbox/instrument/module.ts';
import { Reader } from '../sandbox/instrument/bytes.ts';
import { decode, Kind } from '../sandbox/instrument/opcodes.ts';
import { formatPosition, WasmSourceMap, type SourcePosition } from './sourcemap.ts';

/** How a strategy exports the ABI when it imports the SDK by package name. */
const SDK_ABI_EXPORT = 'export * from "backproof/guest-sdk/abi"';

export interface CheckedBuild {
  wasm: Uint8Array;
  /** Entry first, as BuildResult has them. */
  sources: readonly { path: string; text: string }[];
  sourceMap?: string;
}

/** What to do instead of an import the sandbox refuses, by "module.field", and how source code reaches it. */
const IMPORT_HINTS: { name: RegExp; use?: RegExp; hint: string }[] = [
  { name: /^env\.Date\.now$/, use: /\bDate\.now\s*\(/, hint: 'a backtest has no wall clock: use bar.time (the bar\'s time, i64 nanoseconds since the Unix epoch, UTC)' },
  { name: /^env\.performance\.now$/, use: /\bperformance\.now\s*\(/, hint: 'a backtest has no wall clock: use bar.time (the bar\'s time, i64 nanoseconds since the Unix epoch, UTC)' },
  { name: /^env\.trace$/, use: /(?<![\w.])trace\s*\(/, hint: 'print with this.log("...") (the SDK\'s Strategy.log): its lines go to the run\'s log, charged and capped' },
  { name: /^env\.console\.\w+$/, use: /\bconsole\.\w+\s*\(/, hint: 'print with this.log("...") (the SDK\'s Strategy.log): its lines go to the run\'s log, charged and capped' },
  { name: /^env\.Math\.\w+$/, hint: 'use AssemblyScript\'s own Math (built in; do not build with --use Math=JSMath)' },
  { name: /^wasi/, hint: 'a strategy has no system access (files, clock, environment, exit) inside the sandbox' },
  { name: /^backproof\./, hint: 'declare it as the SDK does (guest-sdk/env.ts): same name, same signature — or import it from the SDK' },
];
const DEFAULT_IMPORT_HINT = 'a strategy may import only the SDK\'s host functions (guest-sdk/env.ts) and AssemblyScript\'s env.abort and env.seed';

/** Throws BuildError when the module would be refused by the sandbox, naming the import or export, where, and what to do. */
export function checkBuild(build: CheckedBuild): void {
  const entry = build.sources[0]?.path ?? 'the strategy';
  let parsed: WasmModule;
  try {
    parsed = parseModule(build.wasm);
    checkAbi(parsed);
    return;
  } catch (e) {
    // A module past a limit of the sandbox (e.g. block nesting) is the build's failure too, with what to change.
    if (e instanceof SandboxError && e.code === 'MODULE_LIMIT')
      throw new BuildError('BUILD_FAILED', `${entry}: ${e.message}; hint: keep the module within the sandbox's limits (docs/TRACE.md, "Other limits"): split a function that is too large or too deeply nested (a very large switch)`, { cause: e });
    if (!(e instanceof SandboxError) || !('subject' in e)) throw e;
    const v = e as AbiViolation;
    if ('export' in v.subject) throw new BuildError('BUILD_FAILED', `${entry}: ${v.message}; hint: ${exportHint(build, v.subject.export, v.message)}`, { cause: e });
    const imp = v.subject.import;
    const known = IMPORT_HINTS.find((h) => h.name.test(`${imp.module}.${imp.field}`));
    // The sandbox's message lists every allowed import; here the hint says what to use instead.
    const what = /has signature/.test(v.message) ? v.message : `import "${imp.module}"."${imp.field}" is not part of the Backproof ABI`;
    const use = usedAt(known?.use, build) ?? calledAt(parsed!, imp, build);
    // No location at the call (the optimizer may drop it): the declaration that names the import, then.
    const declared = use ? null : declaredAt(imp, build);
    const where = use ? `, used at ${use}` : declared ? `, declared at ${declared}` : '';
    throw new BuildError('BUILD_FAILED', `${entry}: ${what}${where}; hint: ${known?.hint ?? DEFAULT_IMPORT_HINT}`, { cause: e });
  }
}

/**
 * The first line of the strategy's own sources (not the SDK's, not asc's) that `use` matches:
 * optimized code often has no location of its own at a host call, so the text is the surer guide.
 */
function usedAt(use: RegExp | undefined, build: CheckedBuild): string | null {
  if (!use) return null;
  for (const s of build.sources) {
    if (/(^|\/)guest-sdk\//.test(s.path)) continue;
    const lines = s.text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = use.exec(lines[i]!);
      if (m && !/^\s*\/\//.test(lines[i]!)) return `${s.path}:${i + 1}:${m.index + 1} (${lines[i]!.trim()})`;
    }
  }
  return null;
}

/** `file.ts:L:C (<line>)` of the strategy's `@external("module", "field")` that declares the import (not the SDK's). */
function declaredAt(imp: { module: string; field: string }, build: CheckedBuild): string | null {
  const q = (text: string): string => `["']${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`;
  return usedAt(new RegExp(`@external\\(\\s*${q(imp.module)}\\s*,\\s*${q(imp.field)}\\s*\\)`), build);
}

/** The SDK's declarations of the callbacks (guest-sdk/abi.ts), for a strategy that exports its own with another signature. */
const SDK_CALLBACKS: Record<string, string> = {
  on_bar: 'export function on_bar(time: i64, open: f64, high: f64, low: f64, close: f64, volume: f64): void',
  on_order: 'export function on_order(id: i32, status: i32, price: f64, units: f64): void',
  on_trade: 'export function on_trade(size: f64, entryPrice: f64, exitPrice: f64, pnl: f64): void',
};

function exportHint(build: CheckedBuild, name: string, message: string): string {
  if (!['on_bar', 'on_order', 'on_trade', 'init', 'memory'].includes(name)) return 'export only what the SDK exports';
  const entry = build.sources[0];
  // Say it the way the strategy imports the SDK: "../guest-sdk/index" → "../guest-sdk/abi".
  const sdk = entry ? /\bfrom\s+["']([^"']*guest-sdk)(?:\/index)?["']/.exec(entry.text)?.[1] : undefined;
  const line = sdk ? `export * from "${sdk}/abi"` : SDK_ABI_EXPORT;
  // Exported, but not as the ABI has it: the strategy's own declaration is what to change.
  if (/has signature|is not a function/.test(message) && SDK_CALLBACKS[name] !== undefined)
    return `declare it as the SDK does (\`${SDK_CALLBACKS[name]}\`), or export the SDK's own (\`${line};\`)`;
  return `add \`${line};\` to ${entry?.path ?? 'the strategy'} (the SDK's exports, which the host calls)`;
}

/** `file.ts:L:C (<line>)` of the first call of the import, when the source map has a location at that very call. */
function calledAt(m: WasmModule, imp: { module: string; field: string }, build: CheckedBuild): string | null {
  if (!build.sourceMap) return null;
  let funcIndex = 0, found = -1;
  for (const i of m.imports) {
    if (i.kind !== 'func') continue;
    if (i.module === imp.module && i.field === imp.field) found = funcIndex;
    funcIndex++;
  }
  if (found < 0) return null;
  const map = WasmSourceMap.parse(build.sourceMap);
  for (const { start, end } of m.bodies) {
    const r = new Reader(build.wasm, start, end);
    const decls = r.u32();
    for (let i = 0; i < decls; i++) {
      r.u32();
      r.u8();
    }
    while (r.pos < end) {
      const ins = decode(r);
      if (ins.kind !== Kind.call || ins.func !== found) continue;
      const at = map.locate(ins.start, ins.start);
      return at ? `${formatPosition(at)}${quote(at, build)}` : null;
    }
  }
  return null;
}

function quote(at: SourcePosition, build: CheckedBuild): string {
  const text = build.sources.find((s) => s.path === at.file)?.text.split('\n')[at.line - 1]?.trim();
  return text ? ` (${text})` : '';
}
