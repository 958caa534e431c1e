// A real writer process for the concurrent --out test: runs a .wasm strategy on GOOG, waits until
// the barrier file exists (so both writers publish at once), writes the run folder, prints the outcome.
import { existsSync, readFileSync } from 'node:fs';
import { executeRun } from '../../host/run/execute.ts';
import { openData } from '../../host/data/load.ts';
import { DEFAULT_CONFIG } from '../../host/run/config.ts';
import { writeRunDir } from '../../host/run/rundir.ts';
import { BackproofError } from '../../host/errors.ts';

const [wasmFile, out, barrier, force] = process.argv.slice(2);
const strategy = { wasm: new Uint8Array(readFileSync(wasmFile!)), sources: [] };
const config = { ...DEFAULT_CONFIG, params: { fast: 10, slow: 20 } };
const outcome = executeRun({ strategy, data: await openData('data/GOOG.csv', {}), config });
while (!existsSync(barrier!)) await new Promise((r) => setTimeout(r, 5));
try {
  await writeRunDir({ dir: out!, force: force === 'force', outcome, strategy, config, key: null });
  console.log('OK');
} catch (e) {
  console.log(e instanceof BackproofError ? e.code : `INTERNAL ${(e as Error).message}`);
}
