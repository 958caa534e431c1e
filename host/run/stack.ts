/**
 * @module run/stack
 * The one stack every guest runs on, and the limits that keep a guest inside it (docs/TRACE.md,
 * "Call depth and the stack"). Every execution — backtest, replay, each re-execution of an
 * inspector — runs on a worker thread with GUEST_STACK_MB of stack (run/worker). A guest's depth is
 * capped by `--max-call-depth` ≤ MAX_CALL_DEPTH, and no function's frame may hold more than
 * MAX_FRAME_SLOTS values (params + locals + the deepest operand stack), so the deepest guest the
 * limits allow needs at most MAX_CALL_DEPTH × FRAME_BYTES_BOUND: well inside the stack, and V8's own
 * stack limit is never what stops a guest. Both bounds are static, so a module is refused (or runs)
 * the same way everywhere.
 */
import { SandboxError } from '../errors.ts';
import { parseModule } from '../sandbox/instrument/module.ts';
import { Reader } from '../sandbox/instrument/bytes.ts';
import type { StaticMap } from '../../traces/index.ts';

/** Stack of every guest thread, in MB (Node's resourceLimits.stackSizeMb). */
export const GUEST_STACK_MB = 256;
/** Most values one guest frame may hold: params + locals + deepest operand stack. */
export const MAX_FRAME_SLOTS = 4096;
/** The largest `--max-call-depth`. */
export const MAX_CALL_DEPTH = 4096;
/**
 * Bytes of V8 stack per frame slot, and per frame on top, as an upper bound: frames measured on a
 * worker thread (Node 24, recursive functions with 100–10,000 live i64 locals) use 8 bytes per slot
 * and under 200 bytes of fixed overhead. Twice that leaves room for the compiler tier and host calls.
 */
export const FRAME_BYTES_BOUND = 2 * (8 * MAX_FRAME_SLOTS + 256);
// The deepest allowed guest (4096 × 66 KB ≈ 264 MB worst case at the bound, ≈ 134 MB measured)
// must fit with room for the host's frames below and above it.

/**
 * Refuses a module with a function whose frame could hold more than MAX_FRAME_SLOTS values.
 * `map` gives the operand-stack height before each live instruction (sandbox staticMap).
 */
export function checkFrames(wasm: Uint8Array, map: Pick<StaticMap, 'func' | 'stackHeight'>): void {
  const m = parseModule(wasm);
  const height = new Uint32Array(m.importedFuncs + m.bodies.length);
  for (let i = 0; i < map.func.length; i++) {
    const f = map.func[i]!;
    if (map.stackHeight[i]! > height[f]!) height[f] = map.stackHeight[i]!;
  }
  for (let d = 0; d < m.bodies.length; d++) {
    const f = m.importedFuncs + d;
    const { start, end } = m.bodies[d]!;
    const r = new Reader(wasm, start, end);
    let locals = 0;
    for (let n = r.u32(); n > 0; n--) {
      locals += r.u32();
      r.u8();
    }
    const type = m.types[m.funcTypes[d]!]!;
    // +1: the value an instruction pushes on top of the height before it.
    const slots = type.params.length + locals + height[f]! + 1;
    if (slots > MAX_FRAME_SLOTS) {
      const name = m.names.get(f);
      throw new SandboxError('MODULE_LIMIT', `function ${f}${name ? ` (${name})` : ''} has a frame of ${slots} values (${type.params.length} params, ${locals} locals, operand stack ${height[f]! + 1}); the limit is ${MAX_FRAME_SLOTS}, so that the deepest call chain allowed fits the guest stack`);
    }
  }
}
