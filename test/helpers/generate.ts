// A generator of valid wasm modules (as WAT) for conformance: nested blocks, bounded loops, br_if,
// br_table, if/else, direct and indirect calls, loads and stores of every width, float and i64
// arithmetic, and operations that may trap (division, out-of-bounds access, a bad table index).

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What a generated module has besides `run` (WAT, two-space indented inside the module): one page of
 * memory, the global $g, the type $t of the helpers $h0-$h2 and their table of 3 (a 4th slot traps).
 */
export const GENERATED_PRELUDE = `(memory (export "memory") 1)
  (global $g (mut i32) (i32.const 7))
  (type $t (func (param i32) (result i32)))
  (table 3 funcref) (elem (i32.const 0) $h0 $h1 $h2)
  (func $h0 (type $t) (i32.add (local.get 0) (i32.const 3)))
  (func $h1 (type $t) (i32.store offset=100 (i32.const 0) (local.get 0)) (i32.load8_u offset=101 (i32.const 0)))
  (func $h2 (type $t) (if (result i32) (i32.lt_s (local.get 0) (i32.const 0)) (then (i32.sub (i32.const 0) (local.get 0))) (else (i32.mul (local.get 0) (global.get $g)))))`;

export function generateModule(seed: number): string {
  const r = rng(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (n: number) => Math.floor(r() * n);
  let labels = 0;
  let loops = 0;

  const addr = (d = 1): string => (r() < 0.02 ? `(i32.const 65530)` : `(i32.and ${expr(d)} (i32.const 4088))`);
  function expr(depth: number): string {
    if (depth <= 0 || r() < 0.25) return pick([`(i32.const ${int(2000) - 1000})`, `(local.get $l${int(4)})`, `(local.get $a)`, `(local.get $b)`, `(global.get $g)`]);
    const d = depth - 1;
    switch (int(11)) {
      case 0: case 1: return `(${pick(['i32.add', 'i32.sub', 'i32.mul', 'i32.and', 'i32.or', 'i32.xor', 'i32.shl', 'i32.shr_u', 'i32.rotl', 'i32.lt_s', 'i32.ge_u'])} ${expr(d)} ${expr(d)})`;
      case 2: return `(i32.eqz ${expr(d)})`;
      case 3: return `(select ${expr(d)} ${expr(d)} ${expr(d)})`;
      case 4: return pick([`(i32.load offset=${int(8) * 4} ${addr(d)})`, `(i32.load8_s ${addr(d)})`, `(i32.load8_u offset=3 ${addr(d)})`, `(i32.load16_s ${addr(d)})`, `(i32.load16_u offset=2 ${addr(d)})`]);
      case 5: return pick([`(i32.wrap_i64 (i64.load ${addr(d)}))`, `(i32.wrap_i64 (i64.load8_u ${addr(d)}))`, `(i32.wrap_i64 (i64.load16_s ${addr(d)}))`, `(i32.wrap_i64 (i64.load32_u ${addr(d)}))`, `(i32.wrap_i64 (i64.load32_s ${addr(d)}))`, `(i32.wrap_i64 (i64.load8_s ${addr(d)}))`, `(i32.wrap_i64 (i64.load16_u ${addr(d)}))`]);
      case 6: return `(i32.trunc_sat_f64_s (f64.add (f64.load ${addr(d)}) (f64.convert_i32_s ${expr(d)})))`;
      case 7: return `(i32.trunc_sat_f32_u (f32.mul (f32.load ${addr(d)}) (f32.const 1.5)))`;
      case 8: return `(call $h${int(3)} ${expr(d)})`;
      case 9: return r() < 0.3 ? `(i32.div_s ${expr(d)} ${expr(d)})` : `(i32.rem_u ${expr(d)} (i32.or ${expr(d)} (i32.const 1)))`;
      default: return `(call_indirect (type $t) ${expr(d)} (i32.const ${r() < 0.03 ? 3 : int(3)}))`;
    }
  }
  function stmt(depth: number): string {
    const d = depth - 1;
    const k = depth <= 0 ? int(4) : int(11);
    switch (k) {
      case 0: return `(local.set $l${int(4)} ${expr(3)})`;
      case 1: return pick([
        `(i32.store offset=${int(4) * 4} ${addr()} ${expr(2)})`, `(i32.store8 ${addr()} ${expr(2)})`, `(i32.store16 offset=6 ${addr()} ${expr(2)})`,
        `(i64.store ${addr()} (i64.extend_i32_s ${expr(2)}))`, `(i64.store8 ${addr()} (i64.extend_i32_u ${expr(2)}))`,
        `(i64.store16 ${addr()} (i64.const ${int(9999)}))`, `(i64.store32 ${addr()} (i64.mul (i64.extend_i32_s ${expr(1)}) (i64.const 3)))`,
        `(f64.store ${addr()} (f64.div (f64.convert_i32_s ${expr(2)}) (f64.const 7)))`, `(f32.store ${addr()} (f32.sqrt (f32.convert_i32_u ${expr(2)})))`,
      ]);
      case 2: return `(global.set $g ${expr(2)})`;
      case 3: return `(drop ${expr(2)})`;
      case 4: case 5: {
        const l = `$b${labels++}`;
        return `(block ${l} ${stmts(d)} (br_if ${l} ${expr(2)}) ${stmts(d)})`;
      }
      case 6: {
        const l = `$L${loops}`;
        const c = `$c${loops++ % 2}`;
        return `(local.set ${c} (i32.const ${1 + int(5)})) (loop ${l} ${stmts(d)} (local.set ${c} (i32.sub (local.get ${c}) (i32.const 1))) (br_if ${l} (i32.gt_s (local.get ${c}) (i32.const 0))))`;
      }
      case 7: return `(if ${expr(2)} (then ${stmts(d)}) (else ${stmts(d)}))`;
      case 8: {
        const [x, y, z] = [labels++, labels++, labels++];
        return `(block $b${x} (block $b${y} (block $b${z} (br_table $b${z} $b${y} $b${x} $b${y} (i32.and ${expr(2)} (i32.const 3))) ${stmts(d)}) ${stmts(d)}) ${stmts(d)})`;
      }
      case 9: return `(if (i32.eqz ${expr(1)}) (then (return ${expr(2)})))`;
      default: return `(memory.fill (i32.const ${int(2000)}) ${expr(1)} (i32.const ${int(64)}))`;
    }
  }
  function stmts(depth: number): string {
    return Array.from({ length: 1 + int(3) }, () => stmt(depth)).join(' ');
  }
  const body = stmts(3);
  return `(module
  ${GENERATED_PRELUDE}
  (func (export "run") (param $a i32) (param $b i32) (result i32)
    (local $l0 i32) (local $l1 i32) (local $l2 i32) (local $l3 i32) (local $c0 i32) (local $c1 i32)
    ${body}
    (i32.xor (i32.add (local.get $l0) (local.get $l1)) (i32.add (local.get $l2) (local.get $l3)))))`;
}

/** Where generatedStrategyWat's on_bar stores run's result (generated code never touches it). */
export const GENERATED_RESULT_AT = 60000;

/** The generated module made a strategy (WAT): on_bar(t, o, …) stores run(i32(t), i32(o)) at GENERATED_RESULT_AT. */
export function generatedStrategyWat(seed: number): string {
  const text = generateModule(seed).replace('(func (export "run")', '(func $run (export "run")');
  return `${text.slice(0, text.lastIndexOf(')'))}
  (func (export "on_bar") (param i64 f64 f64 f64 f64 f64)
    (i32.store (i32.const ${GENERATED_RESULT_AT}) (call $run (i32.wrap_i64 (local.get 0)) (i32.trunc_sat_f64_s (local.get 1))))))`;
}
