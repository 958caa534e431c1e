// Compute-heavy kernels (no host calls), instrumented three ways; ratios against the original
// module measured in the same process. Used by bench/throughput.ts.
import binaryen from 'binaryen';
import { instrument, EXPORT_BITS, EXPORT_BIT_SLOT, EXPORT_FUEL, EXPORT_TP, EXPORT_TRACE_MEMORY, type InstrumentMeta } from '../host/sandbox/index.ts';
import { ParallelChunker, TraceChunker } from '../traces/index.ts';
import { defaultTraceHashing, type TraceHashing } from '../host/sandbox/runtime.ts';

const KERNELS = `(module
  (memory (export "memory") 1)
  ;; integer mixing: a hash chain, all ALU
  (func (export "alu") (param $n i32) (result i64) (local $i i32) (local $x i32) (local $acc i64)
    (local.set $x (i32.const 12345))
    (loop $l
      (local.set $x (i32.xor (i32.mul (local.get $x) (i32.const -1640531535)) (i32.shr_u (local.get $x) (i32.const 13))))
      (local.set $x (i32.add (i32.rotl (local.get $x) (i32.const 7)) (local.get $i)))
      (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (local.get $x))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $acc))
  ;; memory: an exponential moving average written back over a 4096-element f64 array
  (func (export "mem") (param $n i32) (result f64) (local $i i32) (local $p i32) (local $acc f64)
    (loop $l
      (local.set $p (i32.shl (i32.and (local.get $i) (i32.const 4095)) (i32.const 3)))
      (local.set $acc (f64.add (f64.mul (local.get $acc) (f64.const 0.9)) (f64.load (local.get $p))))
      (f64.store (i32.xor (local.get $p) (i32.const 8)) (f64.add (local.get $acc) (f64.convert_i32_u (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $acc)))`;

export function assembleKernels(): Uint8Array {
  const m = binaryen.parseText(KERNELS);
  const bytes = m.emitBinary();
  m.dispose();
  return bytes;
}

export type Mode = 'none' | 'fuel' | 'trace';
export interface Compiled { module: WebAssembly.Module; meta: InstrumentMeta | null }

/** The kernels compiled for `mode` (instrumented unless 'none'). */
export function compileKernels(wasm: Uint8Array, mode: Mode, format?: 4 | 5 | 6 | 8): Compiled {
  if (mode === 'none') return { module: new WebAssembly.Module(wasm as BufferSource), meta: null };
  const out = instrument(wasm, { trace: mode === 'trace', maxMemoryPages: 1, format });
  return { module: new WebAssembly.Module(out.wasm as BufferSource), meta: out.meta };
}
/**
 * One instance of the kernels in `mode`; `finish` commits the trace (as a run's finish does) and
 * returns its byte length. `onTrace` sees each flushed piece (for counting, not kept).
 */
export function kernelInstance(
  wasm: Uint8Array, mode: Mode, onTrace?: (bytes: Uint8Array) => void, compiled?: Map<Mode, Compiled>, hashing: TraceHashing = defaultTraceHashing(),
): { ex: WebAssembly.Exports; finish: () => number; meta: InstrumentMeta | null } {
  const { module, meta } = compiled?.get(mode) ?? compileKernels(wasm, mode);
  if (mode === 'none') return { ex: new WebAssembly.Instance(module).exports, finish: () => 0, meta: null };
  const chunker = mode !== 'trace' ? null : hashing === 'worker' ? new ParallelChunker() : new TraceChunker();
  let ex!: WebAssembly.Exports;
  const write = (len: number): void => {
    const memory = (ex[EXPORT_TRACE_MEMORY] as WebAssembly.Memory).buffer;
    // Format 5: the open bit word goes to its reserved position first (as GuestInstance does).
    const bits = ex[EXPORT_BITS] as WebAssembly.Global | undefined;
    if (bits && bits.value !== 1) {
      new DataView(memory).setUint32((ex[EXPORT_BIT_SLOT] as WebAssembly.Global).value as number, (bits.value as number) >>> 0, true);
      bits.value = 1;
    }
    const bytes = new Uint8Array(memory, 0, len);
    chunker!.write(bytes);
    onTrace?.(bytes);
  };
  ex = new WebAssembly.Instance(module, {
    __backproof: {
      out_of_fuel: () => { throw new Error('fuel'); },
      stack_exhausted: () => { throw new Error('stack'); },
      flush: write,
    },
  }).exports;
  (ex[EXPORT_FUEL] as WebAssembly.Global).value = 1n << 50n;
  const finish = (): number => {
    if (!chunker) return 0;
    write((ex[EXPORT_TP] as WebAssembly.Global).value as number);
    return chunker.finish().byteLength;
  };
  return { ex, finish, meta };
}

export function runKernels(iterations: number): { kernel: string; mode: Mode; seconds: number; traceBytes: number }[] {
  const wasm = assembleKernels();
  const out: { kernel: string; mode: Mode; seconds: number; traceBytes: number }[] = [];
  for (const kernel of ['alu', 'mem']) {
    const best: Record<string, { seconds: number; traceBytes: number }> = {};
    for (let round = 0; round < 3; round++)
      for (const mode of ['none', 'fuel', 'trace'] as Mode[]) {
        const { ex, finish } = kernelInstance(wasm, mode);
        const t0 = process.hrtime.bigint();
        (ex[kernel] as Function)(iterations);
        const traceBytes = finish();
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        if (!best[mode] || seconds < best[mode]!.seconds) best[mode] = { seconds, traceBytes };
      }
    for (const mode of ['none', 'fuel', 'trace'] as Mode[]) out.push({ kernel, mode, ...best[mode]! });
  }
  return out;
}
