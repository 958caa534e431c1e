// Runs the CLI in-process and captures what it prints.
import { main } from '../../host/cli/main.ts';

export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { log: (s) => out.push(s) }, { log: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
