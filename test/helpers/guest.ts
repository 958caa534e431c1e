// Runs original and instrumented modules side by side, outside the strategy ABI.
import { instrument, EXPORT_FUEL, EXPORT_TP, EXPORT_TRACE_MEMORY, HOST_MODULE, type InstrumentMeta } from '../../host/sandbox/index.ts';

export interface Metered {
  exports: WebAssembly.Exports;
  meta: InstrumentMeta;
  /** Fuel used since the last reset. */
  used(): bigint;
  reset(budget?: bigint): void;
  /** All trace bytes flushed so far plus those still buffered. */
  traceBytes(): Uint8Array;
}

export class OutOfFuel extends Error {
  readonly regionId: number;
  constructor(regionId: number) {
    super(`out of fuel in region ${regionId}`);
    this.regionId = regionId;
  }
}

export class StackExhausted extends Error {
  readonly func: number;
  constructor(func: number) {
    super(`call depth exhausted entering ${func}`);
    this.func = func;
  }
}

export function original(wasm: Uint8Array, imports: WebAssembly.Imports = {}): WebAssembly.Exports {
  return new WebAssembly.Instance(new WebAssembly.Module(wasm as BufferSource), imports).exports;
}

export function metered(wasm: Uint8Array, opts: { trace?: boolean; maxMemoryPages?: number; budget?: bigint; flushThreshold?: number } = {}, imports: WebAssembly.Imports = {}): Metered {
  // Trace format 4: its stream is whole at every flush (formats 5 and 6 need the host to close bit words and end the stream).
  const { wasm: out, meta } = instrument(wasm, { trace: opts.trace ?? true, format: 4, maxMemoryPages: opts.maxMemoryPages ?? 16, flushThreshold: opts.flushThreshold });
  new WebAssembly.Module(out as BufferSource); // throws with V8's reason if the output is invalid
  const flushed: Uint8Array[] = [];
  let exports!: WebAssembly.Exports;
  const inst = new WebAssembly.Instance(new WebAssembly.Module(out as BufferSource), {
    ...imports,
    [HOST_MODULE]: {
      out_of_fuel: (id: number) => {
        throw new OutOfFuel(id);
      },
      stack_exhausted: (func: number) => {
        throw new StackExhausted(func);
      },
      flush: (len: number) => {
        flushed.push(new Uint8Array((exports[EXPORT_TRACE_MEMORY] as WebAssembly.Memory).buffer, 0, len).slice());
      },
    },
  });
  exports = inst.exports;
  const fuel = exports[EXPORT_FUEL] as WebAssembly.Global;
  let budget = opts.budget ?? 1n << 40n;
  fuel.value = budget;
  return {
    exports,
    meta,
    used: () => budget - (fuel.value as bigint),
    reset: (b = 1n << 40n) => {
      budget = b;
      fuel.value = b;
    },
    traceBytes: () => {
      const parts = [...flushed];
      if (opts.trace ?? true) {
        const tp = (exports[EXPORT_TP] as WebAssembly.Global).value as number;
        parts.push(new Uint8Array((exports[EXPORT_TRACE_MEMORY] as WebAssembly.Memory).buffer, 0, tp).slice());
      }
      return new Uint8Array(Buffer.concat(parts));
    },
  };
}

export function words(bytes: Uint8Array): number[] {
  return Array.from(new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
}
