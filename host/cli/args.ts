/**
 * @module cli/args
 * Argument parsing shared by the commands: strict flags, positional counts, numbers.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DataOptions } from '../index.ts';
import { AuditError, parseVerifierKey, UsageError } from '../inspect/index.ts';

/** Where keygen writes and backtest/attest look for the signing key. */
export const DEFAULT_KEY_DIR = '.backproof';

export type Values = Record<string, string | boolean | string[] | undefined>;

/** The signing key's default file (keygen writes it). */
export const DEFAULT_SIGNING_KEY = path.join(DEFAULT_KEY_DIR, 'backproof.key');

/** The signing key's file as --key and --unsigned say (backtest, sweep): --key, else DEFAULT_SIGNING_KEY when it exists; none with --unsigned. */
export function signingKeyFile(values: Values): string | null {
  return values.unsigned ? null : ((values.key as string | undefined) ?? (existsSync(DEFAULT_SIGNING_KEY) ? DEFAULT_SIGNING_KEY : null));
}

/** The data's read options from --timezone, --date-format and --duplicates (backtest, sweep), each checked. */
export function dataOptionsOf(values: Values): DataOptions {
  const dataOptions: DataOptions = {};
  if (values.timezone !== undefined) dataOptions.timezone = values.timezone as string;
  if (values['date-format'] !== undefined) {
    if (values['date-format'] !== 'dmy' && values['date-format'] !== 'mdy') throw new UsageError('USAGE', `--date-format must be dmy or mdy, got "${values['date-format']}"`);
    dataOptions.dateFormat = values['date-format'];
  }
  if (values.duplicates !== undefined) {
    if (values.duplicates !== 'keep' && values.duplicates !== 'error') throw new UsageError('USAGE', `--duplicates must be keep or error, got "${values.duplicates}"`);
    dataOptions.duplicates = values.duplicates;
  }
  return dataOptions;
}

/**
 * `args` with each value that begins with "-" joined to its option (`--seed -1` → `--seed=-1`): node's
 * parseArgs takes such a token for an option and refuses the pair as ambiguous, yet negative numbers and
 * `--where "-fast < -10"` are ordinary values. A token that is one of the command's own options (or `--`)
 * is never taken as a value, so a forgotten value still fails as one.
 */
export function joinDashValues(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const known = (token: string): boolean => {
    if (token === '--') return true;
    if (token.startsWith('--')) return Object.hasOwn(options, token.slice(2).split('=')[0]!);
    return token.length === 2 && Object.values(options).some((o) => o.short === token[1]);
  };
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    if (token === '--') {
      out.push(...args.slice(i));
      break;
    }
    const next = args[i + 1];
    const name = token.startsWith('--') && !token.includes('=') ? token.slice(2) : null;
    if (name !== null && Object.hasOwn(options, name) && options[name]!.type === 'string' && next !== undefined && next.startsWith('-') && next !== '-' && !known(next)) {
      out.push(`${token}=${next}`);
      i++;
    } else out.push(token);
  }
  return out;
}

export function parse(args: string[], options: ParseArgsConfig['options'], positionals: number): { values: Values; positionals: string[] } {
  let parsed;
  try {
    const all = { help: { type: 'boolean' as const, short: 'h' }, ...options };
    parsed = parseArgs({ args: joinDashValues(args, all), options: all, allowPositionals: positionals > 0, strict: true });
  } catch (e) {
    throw new UsageError('USAGE', (e as Error).message);
  }
  if (parsed.positionals.length > positionals) throw new UsageError('USAGE', `unexpected argument "${parsed.positionals[positionals]}"`);
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

/**
 * How the CLI reads numbers (said in every command's help, NUMBERS_HELP): plain decimal notation, an exponent
 * allowed — never Number()'s other forms (hex, binary, octal, surrounding spaces), which a typo can land on.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** A whole number: digits, optionally a fraction and a non-negative exponent (at most 4 digits) that leave no fraction. */
const WHOLE = /^(\d+)(?:\.(\d+))?(?:[eE]\+?(\d{1,4}))?$/;

/** The help's line on numbers (renderHelp prints it for a command with a numeric option). */
export const NUMBERS_HELP = `Numbers (N, S, MS) are plain decimals, an exponent allowed: 1000, 0.25, 1e3; where a whole number
is asked, any such whose value is whole (1e6, 2.5e3; not 1.5). Hex, separators and spaces are refused.`;

/** The value of a whole-number option's text (WHOLE), computed exactly; undefined when it is not one. */
export function wholeValue(text: string): bigint | undefined {
  const m = WHOLE.exec(text);
  if (!m) return undefined;
  const fraction = m[2] ?? '';
  const digits = BigInt(m[1]! + fraction);
  const shift = Number(m[3] ?? '0') - fraction.length;
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  const unit = 10n ** BigInt(-shift);
  return digits % unit === 0n ? digits / unit : undefined;
}

/**
 * A whole-number option from `min` to `max` (default: no upper bound), or `fallback` when not given; a usage
 * error names the option, the range and the form otherwise. `--fuel` and the like as bigint, the rest as number.
 */
export function wholeBigOption(name: string, text: unknown, fallback: bigint, min: bigint, max?: bigint): bigint {
  if (text === undefined) return fallback;
  const v = typeof text === 'string' ? wholeValue(text) : undefined;
  if (v === undefined || v < min || (max !== undefined && v > max))
    throw new UsageError('USAGE', `--${name} must be a whole number ${max === undefined ? `≥ ${min}` : `from ${min} to ${max}`} (decimal digits, an exponent allowed: 1e3), got "${String(text)}"`);
  return v;
}

/** wholeBigOption as a number: `max` at most Number.MAX_SAFE_INTEGER (the default). */
export function wholeOption(name: string, text: unknown, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  return Number(wholeBigOption(name, text, BigInt(fallback), BigInt(min), BigInt(max)));
}

export function numberOption(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!DECIMAL.test(text) || !Number.isFinite(v)) throw new UsageError('USAGE', `--${name} must be a number (decimal, e.g. 1000, 0.25 or 1e3), got "${text}"`);
  return v;
}

/** `--param k=v` values (repeatable) as the config's params: each a name, once, and a finite number's text. */
export function paramsOption(list: readonly string[] | undefined): Record<string, number> {
  const params: Record<string, number> = {};
  for (const kv of list ?? []) {
    const m = /^([^=]+)=(.*)$/.exec(kv);
    if (!m) throw new UsageError('USAGE', `--param must be name=value, got "${kv}"`);
    if (Object.hasOwn(params, m[1]!)) throw new UsageError('USAGE', `--param ${m[1]} given twice`);
    // Defined, not assigned: `params.__proto__ = v` would set the prototype and drop the param silently (run/config refuses that name).
    Object.defineProperty(params, m[1]!, { value: numberOption(`param ${m[1]}`, m[2], NaN), enumerable: true, writable: true, configurable: true });
  }
  return params;
}

export type Out = { log: (s: string) => void };

/**
 * A --vkey value. Missing, or not of the form <name>+<keyID>+<key>, is a usage error (exit 2). Of that form
 * but not checking out (a mistyped character: the key ID is not that of the name and key, or the key is not
 * an Ed25519 key) is a verification failure (exit 5), as a well-formed key of another log is.
 */
export function vkeyOption(text: unknown, usage: string): { name: string; publicKey: Uint8Array } {
  if (typeof text !== 'string' || !/^[^\s+]+\+[^\s+]+\+\S+$/.test(text.trim())) throw new UsageError('USAGE', usage);
  const key = parseVerifierKey(text);
  if (!key) throw new AuditError('VERIFY_FAILED', 'vkey', `the verifier key "${text.trim()}" does not check out: its key ID is not that of its name and key, or the key is not Ed25519 (mistyped? "backproof log vkey <log-dir>" prints the log's key)`);
  return key;
}

/** What every command gets besides its arguments: where warnings go (stderr), the log level set by --quiet or --log-level (undefined: BACKPROOF_LOG, else info), and whether --json was given. */
export type Context = { err: Out; logLevel: string | undefined; json?: boolean };
