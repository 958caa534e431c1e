// Builds every example strategy in strategies-as/ with `backproof build`.
import { readdir } from 'node:fs/promises';
import { main } from '../host/cli/main.ts';

const files = (await readdir('strategies-as')).filter((f) => f.endsWith('.ts')).sort();
for (const f of files) {
  const code = await main(['build', `strategies-as/${f}`]);
  if (code !== 0) process.exit(code);
}
