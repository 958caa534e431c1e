/**
 * @module audit/number-text
 * String(x) of a double, written as ASCII bytes without making a string: the CSV renderers'
 * hot path (V8's String(x) takes 200–460 ns a double, most of a trades.csv row). The digits are
 * ECMAScript's Number::toString: the fewest significant digits k (15, 16 or 17 tried in turn)
 * whose decimal reads back as x, of those the one closest to x. Each try scales x by an exact
 * power of ten (10^0…10^22) into an exact double-double (Dekker's product), so the distance from
 * the nearest integer and the half-gap to x's neighbours (an exact power of two times the same
 * power of ten) are known to ~2^-50; a try whose rounding or whose read-back is closer than 2^-40
 * to a boundary is not decided here, and String(x) writes that number instead. So is any x
 * outside 1e-6 ≤ |x| < 1e15 (other notations, subnormals), a power of two (its lower gap is half
 * its upper one), NaN and the infinities. test/audit/number-text.test.ts compares it with String
 * on millions of doubles.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI_WORD = LE ? 1 : 0;
const LO_WORD = 1 - HI_WORD;

/** 10^i exactly (i ≤ 22), and its Veltkamp halves for Dekker's product. */
const SPLIT = 134217729; // 2^27 + 1
const POW10: number[] = [];
const POW10_HI: number[] = [];
const POW10_LO: number[] = [];
for (let i = 0; i <= 22; i++) {
  const p = Number(`1e${i}`);
  const c = SPLIT * p;
  const hi = c - (c - p);
  POW10.push(p);
  POW10_HI.push(hi);
  POW10_LO.push(p - hi);
}
/** 2^k for the half-gaps (k from -1100 to 100, indexed k + 1100). */
const POW2_BIAS = 1100;
const POW2: number[] = [];
for (let k = -POW2_BIAS; k <= 100; k++) POW2.push(2 ** k);

/** Below this distance from a boundary (in units of the last digit) a try is not decided here: the computed distances are within 2^-50 of the true ones. */
const MARGIN = 2 ** -40;

const DIGITS = new Uint8Array(20);
const TENS = new Uint8Array(100).map((_, i) => (i / 10) | 0);
const ONES = new Uint8Array(100).map((_, i) => i % 10);
const NONE = 1000;
const UNDECIDED = 2000;

/**
 * How far (-rem or unit - rem) the multiple of `unit` nearest to v = m + d lies from m (mLo = m mod 10^9,
 * an int32), when v is within `halfUlp` of it; NONE when it is not, UNDECIDED when too close to call.
 */
function nearestMultiple(mLo: number, d: number, halfUlp: number, unit: number): number {
  const rem = mLo % unit; // (int32: a double's % is a slow fmod)
  const below = rem + d; // v's distance above the multiple below
  const above = unit - below;
  const near = below < above ? below : above;
  if (near > halfUlp - MARGIN && near < halfUlp + MARGIN) return UNDECIDED;
  if (near >= halfUlp) return NONE;
  if (below > above - MARGIN && below < above + MARGIN) return UNDECIDED; // (near) a tie between two multiples
  return below < above ? -rem : unit - rem;
}

/**
 * Writes String(x) at `at` in `out` (room for 25 bytes needed) and returns the end, or returns -1 when it
 * leaves x to String (see the module's comment).
 */
export function writeShortestDouble(out: Uint8Array, at: number, x: number): number {
  const a = x < 0 ? -x : x;
  if (!(a >= 1e-6 && a < 1e15)) return -1;
  f64[0] = a;
  const hiWord = u32[HI_WORD]!;
  const exp = hiWord >>> 20; // the sign bit is 0 (a > 0)
  if ((hiWord & 0xfffff) === 0 && u32[LO_WORD] === 0) return -1; // a power of two
  // v = a·10^(16-e) = vh + vl exactly (Dekker), with e the decimal exponent (10^e ≤ a < 10^(e+1), so
  // 10^16 ≤ v < 10^17): estimated from the binary exponent (log10(2) ≈ 0.30103, at most one off) and corrected
  let e = Math.floor((exp - 1023) * 0.30103);
  if (e < -6) e = -6;
  else if (e > 14) e = 14;
  const c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  let vh = 0, vl = 0;
  for (let tries = 0; ; tries++) {
    if (e < -6 || e > 14 || tries > 2) return -1;
    const s = 16 - e;
    const ph = POW10_HI[s]!, pl = POW10_LO[s]!;
    vh = a * POW10[s]!;
    vl = ((ah * ph - vh) + ah * pl + al * ph) + al * pl;
    if (vh < 1e16 || (vh === 1e16 && vl < 0)) e--;
    else if (vh > 1e17 || (vh === 1e17 && vl >= 0)) e++;
    else break;
  }
  const halfUlp = POW2[exp - 1076 + POW2_BIAS]! * POW10[16 - e]!; // half of ulp(a) = 2^(exp - 1075), scaled as v: exact
  // the nearest integer m17 = A + b, and v's distance d from it (within 2^-50: d = r - b exactly, r = (vh - A) + vl rounded once)
  const A = Math.floor(vh);
  const r = (vh - A) + vl;
  const b = Math.floor(r + 0.5);
  const d = r - b;
  // m17 = hi·10^9 + lo (A may be above 2^53: split exactly; both parts below 2^31)
  let hi = Math.floor(A / 1e9);
  let lo = A - hi * 1e9 + b;
  while (lo < 0) {
    hi--;
    lo += 1e9;
  }
  while (lo >= 1e9) {
    hi++;
    lo -= 1e9;
  }
  // the fewest digits: 15 when a multiple of 100 lies within the half-gap of v, else 16 for a multiple of 10, else 17;
  // each time the nearest such multiple (v - m17 = d, so v lies rem + d above the multiple below it)
  // the fewest digits: 15 when a multiple of 100 lies within the half-gap of v, else 16 for a multiple of 10, else 17;
  // each time the nearest such multiple (v lies rem + d above the multiple below m17, rem = m17 mod unit)
  let mHi = hi | 0, mLo = lo | 0;
  let k = 17;
  const step = nearestMultiple(mLo, d, halfUlp, 100);
  if (step === UNDECIDED) return -1;
  if (step !== NONE) k = 15;
  else {
    const step10 = nearestMultiple(mLo, d, halfUlp, 10);
    if (step10 === UNDECIDED) return -1;
    if (step10 !== NONE) k = 16;
    else if (d > 0.5 - MARGIN || d < -0.5 + MARGIN || (d < 0 ? -d : d) > halfUlp - MARGIN) return -1;
    if (k === 16) mLo += step10;
  }
  if (k === 15) mLo += step;
  if (mLo >= 1e9) {
    mHi++;
    mLo -= 1e9;
  }
  // the digits (hi has at most 9, lo 9 with its zeros), the last nonzero one, and the decimal point's place
  // two digits at a time: lo's nine into DIGITS[11…19], hi's into DIGITS[first…10]
  for (let j = 18; j > 11; j -= 2) {
    const q = (mLo / 100) | 0;
    const pair = mLo - q * 100;
    DIGITS[j] = TENS[pair]!;
    DIGITS[j + 1] = ONES[pair]!;
    mLo = q;
  }
  DIGITS[11] = mLo;
  let first = 11;
  for (let j = 10; mHi > 0; j--) {
    const q = (mHi / 10) | 0;
    DIGITS[j] = mHi - q * 10;
    mHi = q;
    first = j;
  }
  // m17 (or the multiple) stands for m·10^(e-16): the point falls after e + 1 digits, one more when it has 18 (rounded up to 10^17)
  const n = e + 1 + (20 - first - 17);
  let last = 19;
  while (last > first && DIGITS[last] === 0) last--;
  const digits = last - first + 1;
  let pos = at;
  if (x < 0) out[pos++] = 45;
  if (n >= digits) {
    for (let j = first; j <= last; j++) out[pos++] = 48 + DIGITS[j]!;
    for (let j = digits; j < n; j++) out[pos++] = 48;
  } else if (n > 0) {
    for (let j = 0; j < n; j++) out[pos++] = 48 + DIGITS[first + j]!;
    out[pos++] = 46;
    for (let j = first + n; j <= last; j++) out[pos++] = 48 + DIGITS[j]!;
  } else {
    out[pos++] = 48;
    out[pos++] = 46;
    for (let j = n; j < 0; j++) out[pos++] = 48;
    for (let j = first; j <= last; j++) out[pos++] = 48 + DIGITS[j]!;
  }
  return pos;
}
