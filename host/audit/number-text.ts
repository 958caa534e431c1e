/**
 * @module audit/number-text
 * String(x) of a double, written as ASCII bytes without making a string: the CSV renderers'
 * hot path (V8's String(x) takes 200–460 ns a double, most of a trades.csv row). The digits are
 * ECMAScript's Number::toString: the fewest significant digits k (15, 16 or 17 tried in turn)
 * whose decimal reads back as x, of those the one closest to x. x is scaled by an exact power of
 * ten (10^0…10^20) into an exact double-double (Dekker's product) v = I + f between 10^14 and 10^15,
 * I an integer (the first 15 digits) and f its fraction to ~2^-52; the 15-digit candidate is I or
 * I + 1, the 16- and 17-digit ones I followed by f·10 or f·100 rounded, and the half-gap to x's
 * neighbours (an exact power of two times the same power of ten) says which of them read back as x.
 * A try whose rounding or whose read-back is closer than 2^-40 (in units of its last digit) to a
 * boundary is not decided here, and String(x) writes that number instead. So is any x outside
 * 1e-6 ≤ |x| < 1e15 (other notations, subnormals), a power of two (its lower gap is half its
 * upper one), NaN and the infinities. Before all that, a double of six decimals or fewer (a price;
 * small powers of two too) is found by one multiplication and checked by one division (writeMicros),
 * and writeNumber writes an int32 by its digits. Digits are written four at a time as one word
 * (fourDigits). test/audit/number-text.test.ts compares it with String on millions of doubles.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI_WORD = LE ? 1 : 0;
const LO_WORD = 1 - HI_WORD;

/** 10^i exactly (i ≤ 22), and its Veltkamp halves for Dekker's product. */
const SPLIT = 134217729; // 2^27 + 1
const POW10 = new Float64Array(23);
const POW10_HI = new Float64Array(23);
const POW10_LO = new Float64Array(23);
for (let i = 0; i <= 22; i++) {
  const p = Number(`1e${i}`);
  const c = SPLIT * p;
  const hi = c - (c - p);
  POW10[i] = p;
  POW10_HI[i] = hi;
  POW10_LO[i] = p - hi;
}
/** The binary exponents (biased) of doubles from 1e-6 to 1e15, and each one's half-ulp 2^(exp - 1076). */
const EXP_MIN = 1003;
const EXP_MAX = 1072;
const HALF_ULP = new Float64Array(EXP_MAX - EXP_MIN + 1).map((_, i) => 2 ** (i + EXP_MIN - 1076));
/**
 * The scale s = 14 - e to try first for a binary exponent (e the decimal exponent of its smallest
 * double, from log10(2)), and the double at which e grows by one within it (10^(e+1) as read, or
 * Infinity): a guess that is off, as it can be at a decimal power that is not a double, is mended below.
 */
const SCALE = new Int8Array(EXP_MAX - EXP_MIN + 1);
const NEXT_DECADE = new Float64Array(EXP_MAX - EXP_MIN + 1);
for (let exp = EXP_MIN; exp <= EXP_MAX; exp++) {
  const e = Math.floor((exp - 1023) * Math.log10(2) + 1e-9);
  SCALE[exp - EXP_MIN] = 14 - e;
  const next = Number(`1e${e + 1}`);
  NEXT_DECADE[exp - EXP_MIN] = next < 2 ** (exp - 1022) ? next : Infinity;
}

/** Below this distance from a boundary (in units of the last digit) a try is not decided here: the computed distances are within 2^-45 of the true ones. */
const MARGIN = 2 ** -40;
const HALF = 0.5 - MARGIN;

/**
 * Writes String(x) at `at` in `out` and returns the end, or returns -1 when it leaves x to String (see
 * the module's comment). Needs room for 25 bytes from `at`: the bytes past the end within them may be
 * overwritten (digits are written four at a time).
 */
export function writeNumber(out: Uint8Array, at: number, x: number): number {
  if ((x | 0) === x) return writeInt32(out, at, x); // (-0 too: String(-0) is "0")
  return writeShortestDouble(out, at, x);
}

/** writeNumber of an int32 (always decided here). */
export function writeInt32(out: Uint8Array, at: number, x: number): number {
  let v = x;
  if (v < 0) {
    out[at++] = 45;
    v = -v; // up to 2^31: written as the top digits and eight more
  }
  if (v < 10) {
    out[at] = 48 + v;
    return at + 1;
  }
  const view = out === viewOf ? viewBytes : viewOn(out);
  if (v < 10000) return writeUpTo4(view, at, v);
  if (v < 1e8) {
    const top = (v / 10000) | 0;
    at = writeUpTo4(view, at, top);
    view.setUint32(at, fourDigits(v - top * 10000), true);
    return at + 4;
  }
  const top = Math.floor(v / 1e8); // 1 to 21
  const rest = v - top * 1e8;
  const mid = (rest / 10000) | 0;
  at = writeUpTo4(view, at, top);
  view.setUint32(at, fourDigits(mid), true);
  view.setUint32(at + 4, fourDigits(rest - mid * 10000), true);
  return at + 8;
}

/** 0 ≤ v < 10^4 without leading zeros (the four bytes from `at` written). */
function writeUpTo4(view: DataView, at: number, v: number): number {
  const n = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : 4;
  view.setUint32(at, fourDigits(v) >>> (32 - 8 * n), true);
  return at + n;
}

/**
 * writeNumber of a double that is not an int32 (the same room needed).
 */
export function writeShortestDouble(out: Uint8Array, at: number, x: number): number {
  const a = x < 0 ? -x : x;
  if (!(a >= 1e-6 && a < 1e15)) return -1;
  // at most six decimals (prices): m·10^-6 reads back as a (the division rounds as reading the decimal does), and
  // m < 10^15, so no other decimal of 15 digits or fewer does (they lie ≥ 10^-15·a apart, a's neighbours
  // ≤ 2^-52·a): m's digits, less their trailing zeros, are the shortest
  const m = Math.floor(a * 1e6 + 0.5);
  if (m < 1e15 && m / 1e6 === a) return writeMicros(out, x < 0 ? writeMinus(out, at) : at, m);
  f64[0] = a;
  const hiWord = u32[HI_WORD]!;
  if ((hiWord & 0xfffff) === 0 && u32[LO_WORD] === 0) return -1; // a power of two
  const ix = (hiWord >>> 20) - EXP_MIN; // the sign bit is 0 (a > 0)
  let s = SCALE[ix]!;
  if (a >= NEXT_DECADE[ix]!) s--;
  // v = a·10^s = vh + vl exactly (Dekker), 10^14 ≤ v < 10^15: the guess mended when a decimal power lies near a
  const c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  let vh = 0, vl = 0;
  for (let tries = 0; ; tries++) {
    if (s < 0 || s > 20 || tries > 2) return -1;
    const ph = POW10_HI[s]!, pl = POW10_LO[s]!;
    vh = a * POW10[s]!;
    vl = ((ah * ph - vh) + ah * pl + al * ph) + al * pl;
    if (vh < 1e14 || (vh === 1e14 && vl < 0)) s++;
    else if (vh > 1e15 || (vh === 1e15 && vl >= 0)) s--;
    else break;
  }
  const half = HALF_ULP[ix]! * POW10[s]!; // half of ulp(a), scaled as v: exact (so are its products by 10 and 100 below)
  // v = I + f: I the first 15 digits, f (within 2^-52; -1/16 < f < 17/16) what follows them
  let I = Math.floor(vh);
  const f = (vh - I) + vl;
  // (branch-free where the data decides: abs and floor, and the 16-or-17 choice by arithmetic)
  const r15 = Math.floor(f + 0.5);
  const d15 = Math.abs(f - r15);
  let last2 = 0; // the 16th and 17th digits, as 0…99
  if (d15 < half - MARGIN) I += r15; // 15 digits (or fewer: their trailing zeros are dropped below)
  else {
    // 16 digits when the nearest multiple of 10^-1 reads back as x, else 17: the nearest multiple of 10^-2
    const t16 = f * 10, t17 = f * 100;
    const r16 = Math.floor(t16 + 0.5), r17 = Math.floor(t17 + 0.5);
    const d16 = Math.abs(t16 - r16), d17 = Math.abs(t17 - r17);
    const half16 = half * 10;
    const use16 = d16 < half16 ? 1 : 0;
    // undecided: near the 15-digit bound or the 16-digit one, a tie between two 16-digit multiples, or (17 digits)
    // between two 17-digit ones (d17 ≤ 1/2 < half·100, always within the half-gap)
    if (d15 <= half + MARGIN || Math.abs(d16 - half16) < MARGIN || d16 > HALF || (1 - use16) * d17 > HALF) return -1;
    let tail = r17 + use16 * (r16 * 10 - r17); // -10 ≤ tail ≤ 110
    if (tail < 0) {
      I--;
      tail += 100;
    } else if (tail >= 100) {
      I++;
      tail -= 100;
    }
    last2 = tail | 0;
  }
  let e = 14 - s; // the decimal exponent: the point falls after e + 1 digits
  if (I === 1e15) {
    // rounded up to 10^(e+1) (the tail is 0 then: v < 10^15)
    I = 1e14;
    e++;
  }
  // 17 digits (the 15- and 16-digit candidates padded with zeros) written at `start`, the 3-digit head's four bytes
  // from start - 1 (a byte the point or the shift below overwrites); then the trailing zeros dropped and the
  // integer digits moved one to the left to make room for the point
  const hi = (I / 1e8) | 0; // floor, exactly: I < 2^50, and I/10^8 cannot round up to the next integer
  const lo = (I - hi * 1e8) | 0;
  const head = (hi / 10000) | 0;
  const loHead = (lo / 10000) | 0;
  const point = e + 1; // digits before the point: -5 to 15
  let pos = at;
  if (x < 0) out[pos++] = 45;
  const start = point > 0 ? pos + 1 : pos + 2 - point;
  const view = out === viewOf ? viewBytes : viewOn(out);
  view.setUint32(start - 1, fourDigits(head), true);
  view.setUint32(start + 3, fourDigits(hi - head * 10000), true);
  view.setUint32(start + 7, fourDigits(loHead), true);
  view.setUint32(start + 11, fourDigits(lo - loHead * 10000), true);
  view.setUint16(start + 15, twoDigits(last2), true);
  // the significant digits: 17 less the trailing zeros (the first digit is not 0: I ≥ 10^14)
  const n = 17 - (last2 !== 0 ? trailingZeros(last2) : lo !== 0 ? 2 + trailingZeros(lo) : 10 + trailingZeros(hi));
  if (point > 0) {
    for (let j = 0; j < point; j++) out[start + j - 1] = out[start + j]!;
    if (n <= point) return start + point - 1;
    out[start + point - 1] = 46;
    return start + n;
  }
  out[pos] = 48;
  out[pos + 1] = 46;
  for (let j = pos + 2; j < start; j++) out[j] = 48;
  return start + n;
}

function writeMinus(out: Uint8Array, at: number): number {
  out[at] = 45;
  return at + 1;
}

/** m·10^-6 (0 < m < 10^15, an integer) at `at`. */
function writeMicros(out: Uint8Array, at: number, m: number): number {
  const whole = (m / 1e6) | 0; // floor, exactly: below 10^9, and m/10^6 cannot round up to the next integer
  const micros = (m - whole * 1e6) | 0;
  const view = out === viewOf ? viewBytes : viewOn(out);
  at = whole < 10000 ? writeUpTo4(view, at, whole) : writeInt32(out, at, whole);
  if (micros === 0) return at;
  const high = (micros / 10000) | 0;
  const low = micros - high * 10000;
  out[at] = 46;
  view.setUint16(at + 1, twoDigits(high), true);
  view.setUint32(at + 3, fourDigits(low), true);
  return at + 7 - (low !== 0 ? trailingZeros(low) : 4 + trailingZeros(high));
}

let viewOf: Uint8Array | null = null;
let viewBytes: DataView = new DataView(new ArrayBuffer(0));
/** A DataView of `out` (kept for the next call, which is usually on the same buffer). */
function viewOn(out: Uint8Array): DataView {
  viewOf = out;
  return (viewBytes = new DataView(out.buffer, out.byteOffset, out.byteLength));
}

/** The decimal zeros that end 0 < v < 10^8. */
function trailingZeros(v: number): number {
  let z = 0;
  if (v % 10000 === 0) {
    z = 4;
    v = (v / 10000) | 0;
  }
  if (v % 100 === 0) {
    z += 2;
    v = (v / 100) | 0;
  }
  return v % 10 === 0 ? z + 1 : z;
}

/** 0 ≤ v < 10^4 as four ASCII digits in a little-endian word: v/100 and v%100 in two 16-bit lanes, then each lane's tens and ones (x·103 >> 10 = x/10 for x < 179). */
export function fourDigits(v: number): number {
  const hundreds = (v * 5243) >>> 19; // v/100 for v < 43,699
  const lanes = hundreds | ((v - hundreds * 100) << 16);
  const tens = (Math.imul(lanes, 103) >>> 10) & 0x000f000f;
  return (tens | ((lanes - tens * 10) << 8)) + 0x30303030;
}

/** 0 ≤ v < 100 as two ASCII digits in a little-endian 16-bit word. */
export function twoDigits(v: number): number {
  const tens = (v * 103) >>> 10;
  return (tens | ((v - tens * 10) << 8)) + 0x3030;
}
