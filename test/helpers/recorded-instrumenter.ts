// The instrumenter a run folder's toolchain link names, read from its record.json (what a run was traced under).
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export async function recordedInstrumenter(dir: string): Promise<string> {
  const record = JSON.parse(await readFile(path.join(dir, 'record.json'), 'utf8')) as { links: { kind: string; body: { instrumenter?: string } }[] };
  return record.links.find((l) => l.kind === 'toolchain')!.body.instrumenter!;
}
