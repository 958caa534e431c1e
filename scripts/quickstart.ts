// npm start: build the examples, make a signing key if there is none, run an audited SMA(10/20)
// crossover on the embedded GOOG data, print its stats, and verify the run folder.
import { existsSync } from 'node:fs';
import { main } from '../host/cli/main.ts';

process.env.BACKPROOF_LOG ??= 'warn';
const step = async (title: string, argv: string[]): Promise<void> => {
  console.log(`\n$ backproof ${argv.join(' ')}    # ${title}`);
  const code = await main(argv);
  if (code !== 0) process.exit(code);
};

await import('./build-strategies.ts');
if (!existsSync('.backproof/backproof.key')) await step('signing key for the records', ['keygen']);
await step('audited backtest on embedded real data', [
  'backtest', '--strategy', 'strategies-as/sma-cross.wasm', '--data', 'data/GOOG.csv',
  '--param', 'fast=10', '--param', 'slow=20', '--commission', '0.002', '--out', 'runs/quickstart', '--force',
]);
await step('check every hash and the signature', ['verify', 'runs/quickstart', '--pubkey', '.backproof/backproof.pub']);
await step('re-execute and compare the trace root', ['replay', 'runs/quickstart']);
