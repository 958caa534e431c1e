/**
 * @module sweep/space
 * The parameter space of a sweep and its combinations in canonical order (docs/SWEEP.md): `--grid`
 * specs parsed into exact decimal values, the cartesian product with the last name fastest, random
 * search by a seeded partial Fisher–Yates shuffle over the product's indices (SplitMix64), and the
 * `--where` filter. Pure: the same options give the same combinations on every machine.
 */
import { UsageError } from '../errors.ts';
import { RESERVED_PARAM } from '../run/config.ts';
import { compileWhere } from './where.ts';
import type { Combination, GridAxis, SweepSpace } from './types.ts';

/** A parameter name: what the guest SDK's param("…") can read and --where can name. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A decimal number as --grid takes it: no exponent, no hex, no leading '+'. */
const DECIMAL = /^-?(?:\d+)(?:\.\d+)?$/;
/** Most values one axis may list or a range may produce. */
const MAX_AXIS_VALUES = 100_000;
/** Most draws random search makes before it stops (each a --where test). */
const MAX_DRAWS = 10_000_000;

/** A decimal as an integer scaled by 10^scale (exact). */
interface Scaled { int: bigint; scale: number }

function decimal(text: string, option: string, at: number): Scaled {
  if (!DECIMAL.test(text)) throw new UsageError('USAGE', `${option}: "${text}" at character ${at + 1} is not a decimal number (e.g. 5, -0.5, 12.25)`);
  const neg = text.startsWith('-');
  const [whole, frac = ''] = (neg ? text.slice(1) : text).split('.');
  const int = BigInt(whole! + frac);
  return { int: neg ? -int : int, scale: frac.length };
}

const rescale = (d: Scaled, scale: number): bigint => d.int * 10n ** BigInt(scale - d.scale);

/** The double of a scaled decimal, read from its decimal text (exact decimal → nearest double). */
function toNumber(int: bigint, scale: number): number {
  const neg = int < 0n;
  const digits = (neg ? -int : int).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  const n = Number(neg ? `-${text}` : text);
  return Object.is(n, -0) ? 0 : n;
}

/**
 * One `--grid NAME=SPEC` (docs/SWEEP.md, "Grids"): `A..B:STEP`, `A..B`, `V1,V2,…` or `V`. Errors
 * name the option and the character position in it.
 */
export function parseGrid(text: string): GridAxis {
  const option = `--grid ${text}`;
  const eq = text.indexOf('=');
  if (eq < 0) throw new UsageError('USAGE', `${option}: expected NAME=SPEC, e.g. fast=5..50:5 or fast=5,10,20`);
  const name = text.slice(0, eq);
  if (name === '__proto__') throw new UsageError('UNKNOWN_PARAM', `${option}: ${RESERVED_PARAM}`);
  if (!NAME.test(name)) throw new UsageError('USAGE', `${option}: "${name}" at character 1 is not a parameter name (ASCII letters, digits and _, not starting with a digit; a strategy reading another name always gets its default: docs/ABI.md)`);
  const spec = text.slice(eq + 1);
  const base = eq + 1;
  let values: number[];
  const dots = spec.indexOf('..');
  if (dots >= 0) {
    const a = spec.slice(0, dots);
    const colon = spec.indexOf(':', dots + 2);
    const b = colon < 0 ? spec.slice(dots + 2) : spec.slice(dots + 2, colon);
    const s = colon < 0 ? undefined : spec.slice(colon + 1);
    const from = decimal(a, option, base);
    const to = decimal(b, option, base + dots + 2);
    const step = s === undefined ? { int: 1n, scale: 0 } : decimal(s, option, base + colon + 1);
    const scale = Math.max(from.scale, to.scale, step.scale);
    const lo = rescale(from, scale), hi = rescale(to, scale), st = rescale(step, scale);
    if (st <= 0n) throw new UsageError('USAGE', `${option}: the step ${s} at character ${base + colon + 2} must be greater than 0`);
    if (hi < lo) throw new UsageError('USAGE', `${option}: the range ${a}..${b} at character ${base + 1} ends below its start`);
    const count = (hi - lo) / st + 1n;
    if (count > BigInt(MAX_AXIS_VALUES)) throw new UsageError('USAGE', `${option}: the range has ${count} values; an axis may have at most ${MAX_AXIS_VALUES}`);
    values = [];
    for (let k = 0n; k < count; k++) values.push(toNumber(lo + k * st, scale));
  } else {
    const items = spec.split(',');
    if (items.length > MAX_AXIS_VALUES) throw new UsageError('USAGE', `${option}: ${items.length} values; an axis may have at most ${MAX_AXIS_VALUES}`);
    let at = base;
    values = items.map((item) => {
      const d = decimal(item, option, at);
      at += item.length + 1;
      return toNumber(d.int, d.scale);
    });
  }
  // ascending, each once (1 and 1.0 are one value)
  values = [...new Set(values)].sort((x, y) => x - y);
  return { name, spec, values };
}

/** The axes of several --grid options, sorted by name; a name given twice is an error. */
export function parseGrids(texts: readonly string[]): GridAxis[] {
  if (texts.length === 0) throw new UsageError('USAGE', 'a sweep needs at least one --grid NAME=SPEC');
  const axes = texts.map(parseGrid);
  const seen = new Set<string>();
  for (const a of axes) {
    if (seen.has(a.name)) throw new UsageError('USAGE', `--grid ${a.name} is given twice; give each parameter once (a list: --grid ${a.name}=1,2,3)`);
    seen.add(a.name);
  }
  return axes.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/** The number of the grid's combinations (the product of the axes' sizes), exact. */
export function gridSize(axes: readonly GridAxis[]): bigint {
  return axes.reduce((n, a) => n * BigInt(a.values.length), 1n);
}

/** Combination `k` of the product (last axis fastest) as params. */
function decode(axes: readonly GridAxis[], k: bigint): Record<string, number> {
  const out: number[] = new Array(axes.length);
  for (let i = axes.length - 1; i >= 0; i--) {
    const n = BigInt(axes[i]!.values.length);
    out[i] = axes[i]!.values[Number(k % n)]!;
    k /= n;
  }
  const params: Record<string, number> = {};
  axes.forEach((a, i) => (params[a.name] = out[i]!));
  return params;
}

const MASK64 = (1n << 64n) - 1n;

/** SplitMix64 (docs/SWEEP.md, "Random search"): a uint64 per call. */
export function splitMix64(seed: bigint): () => bigint {
  let state = seed & MASK64;
  return () => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  };
}

/** A seed as --seed takes it: a decimal uint64. */
export function parseSeed(text: string): string {
  if (!/^\d{1,20}$/.test(text) || BigInt(text) > MASK64) throw new UsageError('USAGE', `--seed ${text}: expected a whole number from 0 to 2^64-1`);
  return BigInt(text).toString();
}

/**
 * The combinations of `space` in canonical order (docs/SWEEP.md), at most `max` of them: more is a
 * UsageError naming the count and --max-combinations (or what `tooMany` throws: verify's plan step,
 * where the advice of the sweep command would be wrong), and so is an empty space.
 */
export function combinationsOf(space: SweepSpace, max: number, tooMany: (count: string) => never = (n) => {
  throw new UsageError('USAGE', `the sweep has ${n} combinations; --max-combinations is ${max}: narrow the grid, add --where or --samples, or raise --max-combinations`);
}): Combination[] {
  const axes = space.grids;
  const size = gridSize(axes);
  const accept = space.where === null ? () => true : compileWhere(space.where, axes.map((a) => a.name));
  const taken: { k: bigint; params: Record<string, number> }[] = [];
  if (space.random === null) {
    if (size > BigInt(MAX_DRAWS)) tooMany(`${size} (before --where)`);
    for (let k = 0n; k < size; k++) {
      const params = decode(axes, k);
      if (!accept(params)) continue;
      if (taken.length === max) tooMany(`more than ${max}`);
      taken.push({ k, params });
    }
  } else {
    const { samples } = space.random;
    if (samples > max) tooMany(`${samples} (--samples)`);
    // A partial Fisher–Yates shuffle over 0 … size−1: positions moved so far live in `moved`, the rest hold themselves.
    const next = splitMix64(BigInt(space.random.seed));
    const moved = new Map<bigint, bigint>();
    const at = (i: bigint): bigint => moved.get(i) ?? i;
    for (let i = 0n; i < size && taken.length < samples; i++) {
      if (i >= BigInt(MAX_DRAWS)) throw new UsageError('USAGE', `--where accepted ${taken.length} of ${MAX_DRAWS} random draws, fewer than --samples ${samples}; loosen --where or lower --samples`);
      const j = i + ((next() * (size - i)) >> 64n);
      const pick = at(j);
      moved.set(j, at(i));
      moved.delete(i); // position i is never read again
      const params = decode(axes, pick);
      if (accept(params)) taken.push({ k: pick, params });
    }
    taken.sort((x, y) => (x.k < y.k ? -1 : x.k > y.k ? 1 : 0));
  }
  if (taken.length === 0)
    throw new UsageError('USAGE', space.where === null ? 'the sweep has no combinations' : `--where "${space.where}" rejects every combination of the grid; the sweep would be empty`);
  return taken.map((t, index) => ({ index, params: t.params }));
}
