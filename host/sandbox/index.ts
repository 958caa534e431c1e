/**
 * @module sandbox
 * The sandbox's public face: the instrumentation pass (pure bytes → bytes) and the runtime that
 * checks, compiles and runs a guest under fuel, memory limits and tracing. docs/ABI.md, docs/TRACE.md.
 */
export {
  instrument, INSTRUMENTER_VERSION, INSTRUMENTER_V4, INSTRUMENTER_V5, INSTRUMENTER_V6, INSTRUMENTER_V7, INSTRUMENTER_V8, SUPPORTED_INSTRUMENTERS, DEFAULT_FLUSH_THRESHOLD, traceFormatOf, EXPORT_BITS, EXPORT_BIT_SLOT, HOST_MODULE, EXPORT_BAR_TRAMPOLINE, EXPORT_BAR_MEMORY, EXPORT_FUEL, EXPORT_BULK, EXPORT_DEPTH, EXPORT_RESERVE, EXPORT_GLOBAL_PREFIX, EXPORT_TP, EXPORT_TRACE_MEMORY,
  type InstrumentOptions, type InstrumentMeta, type Instrumented, type RegionTable,
} from './instrument/instrument.ts';
export {
  compileGuest, GuestInstance, DEFAULT_SANDBOX, instrumentOptionsFor,
  type SandboxConfig, type CompileOptions, type GuestModule, type GuestRunStats, type InstrumentationMode, type GuestFault, type FaultSite, type GuestCallback,
} from './runtime.ts';
export { runtimeFor, availableIsolations, v8Runtime, ISOLATIONS, DEFAULT_ISOLATION, type Isolation, type GuestRuntime, type GuestSession } from './runtimes.ts';
export { staticMap } from './instrument/static-map.ts';
export { ALLOWED_IMPORTS, ORDER_KIND, type GuestHost } from './abi.ts';
export { mnemonic } from './instrument/mnemonics.ts';
