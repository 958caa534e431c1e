/**
 * @module component/wat
 * A module as WAT (jco's `print`, wasm-tools' printer) with our byte offset beside each instruction:
 * the offsets the trace, its static map, faults and proofs name (decimal, from the start of the
 * module). The offsets come from the sandbox's own decoder, walking each function body as the
 * printer does, one instruction a line; the function's final `end`, which the printer leaves out, is
 * not printed either.
 */
import { parseModule } from '../sandbox/instrument/module.ts';
import { Reader } from '../sandbox/instrument/bytes.ts';
import { decode } from '../sandbox/instrument/opcodes.ts';
import { jcoTools } from './jco.ts';

/**
 * Offsets of every instruction of each function body, in order, without the body's final `end`.
 * The producers section is not read: inspect reports its errors itself and still prints the code.
 */
export function instructionOffsets(wasm: Uint8Array): number[][] {
  const m = parseModule(wasm, { producers: false });
  return m.bodies.map(({ start, end }) => {
    const r = new Reader(wasm, start, end);
    const decls = r.u32();
    for (let i = 0; i < decls; i++) {
      r.u32();
      r.u8();
    }
    const offsets: number[] = [];
    while (r.pos < end) offsets.push(decode(r).start);
    offsets.pop(); // the body's own end
    return offsets;
  });
}

/** The width of the offset column: the module's size in decimal digits. */
const width = (wasm: Uint8Array) => String(wasm.length).length;

/**
 * The WAT text, each instruction line prefixed by its byte offset and every other line by as many
 * spaces; with `locate` (the module's source map), an instruction whose position differs from the
 * one before it is followed by `;; file.ts:line:col`. Throws (an internal error: a bug here) when the printer's lines and the decoder's
 * instructions do not pair up, rather than print offsets that are wrong.
 */
export async function watWithOffsets(wasm: Uint8Array, file: string, locate?: ((offset: number) => string | null) | null): Promise<string> {
  const offsets = instructionOffsets(wasm);
  const wat = await (await jcoTools()).print(wasm);
  const pad = width(wasm);
  const blank = ' '.repeat(pad + 2);
  const out: string[] = [];
  let func = -1;
  let pending: number[] = [];
  let inBody = false;
  let lastWhere: string | null = null;
  for (const line of wat.split('\n')) {
    if (/^ {2}\(func /.test(line)) {
      if (pending.length > 0) throw misaligned(file, func, pending.length);
      func++;
      pending = [...(offsets[func] ?? [])];
      inBody = true;
      out.push(blank + line);
      continue;
    }
    // A body's lines are indented 4 or more; its locals come first; `  )` (or any line at 2) closes it.
    if (inBody && /^ {4}/.test(line) && !/^ {4}\(local /.test(line)) {
      const at = pending.shift();
      if (at === undefined) throw misaligned(file, func, -1);
      // The source position, where the map gives one and it is not the previous instruction's.
      const where = locate?.(at) ?? null;
      const note = where !== null && where !== lastWhere ? `  ;; ${where}` : '';
      if (where !== null) lastWhere = where;
      out.push(String(at).padStart(pad) + '  ' + line + note);
      continue;
    }
    if (inBody && !/^ {4}/.test(line)) inBody = false;
    out.push(blank + line);
  }
  if (pending.length > 0 || func + 1 !== offsets.length) throw misaligned(file, func, pending.length);
  return out.join('\n').trimEnd() + '\n';
}

function misaligned(file: string, func: number, left: number): Error {
  const what = left < 0 ? 'more lines than instructions' : `${left} instructions without a line`;
  return new Error(`${file}: the printed WAT and the decoded instructions of defined function ${func} do not pair up (${what}); use wasm-tools print --print-offsets`);
}
