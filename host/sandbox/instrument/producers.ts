/**
 * @module sandbox/instrument/producers
 * The one reader of a module's `producers` custom section (WebAssembly tool-conventions,
 * ProducersSection.md), where `backproof build` stamps a module's provenance (component/stamp).
 * Every reader of the section goes through it — the decoder (so build, every run, verify's
 * instrumentation and serve's upload), verify's and backtest's stamp check, `inspect` — so no two
 * readers can see different provenance in one module. It is strict, as the conventions (and
 * wasm-tools, jco's parser) are: at most one producers section; fields named `language`,
 * `processed-by` or `sdk`, each once; a value name once in its field; every count within the
 * section's bytes; nothing after the last field. Anything else is WASM_MALFORMED naming the problem
 * and its byte offset: a lenient reader would pick one of two answers (the first section, the first
 * entry) where another tool picks the other.
 */
import { SandboxError } from '../../errors.ts';
import { Reader, malformed, moduleHeader } from './bytes.ts';

/** The section's fields in order, each with its (name, version) pairs in order. */
export type ProducerFields = [string, [string, string][]][];

/** The field names the tool conventions define (and jco's metadataAdd accepts). */
const PRODUCER_FIELD_NAMES: readonly string[] = ['language', 'processed-by', 'sdk'];

const SECTION = 'producers';

/** Each custom section named "producers": its start (the id byte) and its payload after the name. */
function producersSections(bytes: Uint8Array): { at: number; start: number; end: number }[] {
  moduleHeader(bytes);
  const out: { at: number; start: number; end: number }[] = [];
  const top = new Reader(bytes, 8);
  while (!top.done) {
    const at = top.pos;
    const id = top.u8();
    const size = top.u32();
    const start = top.pos;
    top.skip(size);
    if (id !== 0) continue;
    const s = new Reader(bytes, start, start + size);
    if (s.name() === SECTION) out.push({ at, start: s.pos, end: start + size });
  }
  return out;
}

/**
 * The module's producers section, read strictly (none: []). Throws WASM_MALFORMED for a module whose
 * section headers cannot be walked, a second producers section, or a section that breaks the conventions.
 */
export function producersOf(bytes: Uint8Array): ProducerFields {
  const found = producersSections(bytes);
  if (found.length > 1)
    throw malformed(found[1]!.at, `a second producers section (the first is at byte offset ${found[0]!.at}); a module may have one`);
  const only = found[0];
  return only === undefined ? [] : readProducers(bytes, only);
}

function readProducers(bytes: Uint8Array, section: { at: number; start: number; end: number }): ProducerFields {
  const where = ` (the producers section at byte offset ${section.at})`;
  const r = new Reader(bytes, section.start, section.end);
  const bad = (offset: number, what: string) => malformed(offset, what + where);
  const left = (): string => (r.end - r.pos === 1 ? '1 byte' : `${r.end - r.pos} bytes`);
  // A count is checked against the bytes left before anything is read for it: a field, and a value,
  // takes at least 2 bytes (two lengths), so a count of 0xffffffff in a short section is refused at once.
  const count = (what: string): number => {
    const at = r.pos;
    const n = r.u32();
    if (n * 2 > r.end - r.pos) throw bad(at, `${what} count ${n}, but the section has ${left()} left`);
    return n;
  };
  const name = (what: string): string => {
    const at = r.pos;
    const length = r.u32();
    if (length > r.end - r.pos) throw bad(at, `${what} of ${length} bytes, but the section has ${left()} left`);
    r.pos = at;
    return r.name();
  };
  try {
    const fields: ProducerFields = [];
    for (let n = count('field'); n > 0; n--) {
      const at = r.pos;
      const field = name('a field name');
      if (!PRODUCER_FIELD_NAMES.includes(field)) throw bad(at, `unknown field name ${JSON.stringify(field)} (the tool conventions define ${PRODUCER_FIELD_NAMES.join(', ')})`);
      if (fields.some(([f]) => f === field)) throw bad(at, `field ${JSON.stringify(field)} appears a second time`);
      const values: [string, string][] = [];
      for (let k = count(`${field} value`); k > 0; k--) {
        const nameAt = r.pos;
        const tool = name(`a ${field} name`);
        if (values.some(([v]) => v === tool)) throw bad(nameAt, `${JSON.stringify(tool)} appears a second time in field ${JSON.stringify(field)}`);
        values.push([tool, name(`the version of ${tool}`)]);
      }
      fields.push([field, values]);
    }
    if (!r.done) throw bad(r.pos, `${left()} after its last field`);
    return fields;
  } catch (e) {
    // The reader's own errors (a LEB128 too long, a name not UTF-8) say where, not in which section.
    if (e instanceof SandboxError && !e.message.endsWith(where)) throw new SandboxError(e.code, e.message + where, { cause: e });
    throw e;
  }
}
