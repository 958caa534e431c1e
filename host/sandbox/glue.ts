/**
 * @module sandbox/glue
 * A small wasm module of host code, instantiated beside each guest instance, through which the host
 * charges fuel and delivers on_order / on_trade without allocating. From JS, an i64 global's value
 * is a BigInt (a heap object) and a double passed to wasm is boxed; the glue does the i64 arithmetic
 * in wasm and takes the events' arguments from its own memory, as the instrumenter's bar trampoline
 * does for on_bar. It is host code: not metered, traced or depth-counted; the guest's exports see
 * exactly the calls the host would have made, and its fuel globals exactly the same arithmetic.
 * The guest imports nothing from it (nothing new reaches the guest): the glue only calls the
 * guest's exports and updates its fuel globals, as the host did from JS.
 *
 * Imports: g.fuel, g.bulk (mutable i64, the instrumenter's __bp_fuel and __bp_bulk), f.on_order and
 * f.on_trade (the guest's exports), m.memory (one page: the thread's scratch, below). Exports:
 * - charge(units: u32) → 1 if fuel ≥ units (signed i64 compare, as the host's BigInt check), then
 *   fuel -= units and bulk += units; else 0 and nothing changed;
 * - order() → on_order(i32 at 0, i32 at 4, f64 at 8, f64 at 16) of its memory;
 * - trade() → on_trade(f64 at 8, 16, 24, 32);
 * - memory: the imported page, which never grows (the host's views of it stay valid).
 *
 * Every glue of a thread shares one scratch memory: a memory made per run was a reservation of
 * 8 GiB mapped and unmapped each time, and each unmapping flushes the TLB of every core running one of
 * the process's threads (a sweep's other workers). Sharing it is safe: the host writes an event's
 * arguments and calls order()/trade() at once, and those read all of them before calling the guest.
 */

const I32 = 0x7f, I64 = 0x7e, F64 = 0x7c;

function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}
const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const name = (s: string): number[] => [...leb(s.length), ...Buffer.from(s, 'latin1')];
const section = (id: number, content: number[]): number[] => [id, ...leb(content.length), ...content];
const body = (code: number[]): number[] => [...leb(code.length + 1), 0, ...code]; // no locals

const cost = [0x20, 0, 0xad]; // local.get 0; i64.extend_i32_u
const load = (op: number, align: number, offset: number): number[] => [0x41, 0, op, align, ...leb(offset)]; // i32.const 0; <op> align offset

function glueBytes(): Uint8Array {
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([
      [0x60, 1, I32, 1, I32], // 0: (i32) → i32
      [0x60, 4, I32, I32, F64, F64, 0], // 1: on_order
      [0x60, 4, F64, F64, F64, F64, 0], // 2: on_trade
      [0x60, 0, 0], // 3: () → ()
    ])),
    ...section(2, vec([
      [...name('g'), ...name('fuel'), 3, I64, 1],
      [...name('g'), ...name('bulk'), 3, I64, 1],
      [...name('f'), ...name('on_order'), 0, 1],
      [...name('f'), ...name('on_trade'), 0, 2],
      [...name('m'), ...name('memory'), 2, 1, 1, 1], // one page, max one
    ])),
    ...section(3, vec([[0], [3], [3]])),
    ...section(7, vec([
      [...name('charge'), 0, 2],
      [...name('order'), 0, 3],
      [...name('trade'), 0, 4],
      [...name('memory'), 2, 0],
    ])),
    ...section(10, vec([
      body([
        0x23, 0, ...cost, 0x53, 0x04, 0x40, 0x41, 0, 0x0f, 0x0b, // if (fuel < cost) return 0
        0x23, 0, ...cost, 0x7d, 0x24, 0, // fuel -= cost
        0x23, 1, ...cost, 0x7c, 0x24, 1, // bulk += cost
        0x41, 1, 0x0b,
      ]),
      body([...load(0x28, 2, 0), ...load(0x28, 2, 4), ...load(0x2b, 3, 8), ...load(0x2b, 3, 16), 0x10, 0, 0x0b]),
      body([...load(0x2b, 3, 8), ...load(0x2b, 3, 16), ...load(0x2b, 3, 24), ...load(0x2b, 3, 32), 0x10, 1, 0x0b]),
    ])),
  ]);
}

let compiled: WebAssembly.Module | null = null;
let scratch: { memory: WebAssembly.Memory; words: Int32Array; values: Float64Array } | null = null;

export interface Glue {
  /** Takes `units` (0..2^32-1) from the fuel into the bulk charges; 0 (and nothing taken) when the fuel cannot cover it. */
  charge(units: number): number;
  /** Calls on_order with the event written at `words[0..1]`, `values[1..2]`. */
  order(): void;
  /** Calls on_trade with `values[1..4]`. */
  trade(): void;
  /** The glue memory as i32 words and as f64 values (values[k] is at byte 8k). */
  words: Int32Array;
  values: Float64Array;
}

type Fn = (...args: never[]) => void;
const never: Fn = () => {
  throw new Error('the guest does not export this callback');
};

/** The glue for one guest instance. Without fuel globals (uninstrumented), charge works on globals of its own. */
export function glueFor(fuel: WebAssembly.Global | null, bulk: WebAssembly.Global | null, onOrder: Fn | undefined, onTrade: Fn | undefined): Glue {
  compiled ??= new WebAssembly.Module(glueBytes() as BufferSource);
  if (scratch === null) {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
    scratch = { memory, words: new Int32Array(memory.buffer, 0, 2), values: new Float64Array(memory.buffer, 0, 5) };
  }
  const own = () => new WebAssembly.Global({ value: 'i64', mutable: true }, 0n);
  const ex = new WebAssembly.Instance(compiled, {
    g: { fuel: fuel ?? own(), bulk: bulk ?? own() },
    f: { on_order: onOrder ?? never, on_trade: onTrade ?? never },
    m: { memory: scratch.memory },
  }).exports;
  return {
    charge: ex.charge as unknown as Glue['charge'],
    order: ex.order as unknown as Glue['order'],
    trade: ex.trade as unknown as Glue['trade'],
    words: scratch.words,
    values: scratch.values,
  };
}
