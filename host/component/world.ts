/**
 * @module component/world
 * The strategy contract as WIT (guest-sdk/strategy.wit, docs/WIT.md): a built module is checked
 * against the world by componentizing its renamed copy (component/adapt) with jco's API —
 * componentEmbed (the world into a custom section, strings UTF-16 as AssemblyScript has them),
 * then componentNew, which validates every import and export against the world. A module that does
 * not fit fails with BuildError naming the mismatch as wit-component states it.
 */
import { readFileSync } from 'node:fs';
import { BuildError, SandboxError } from '../errors.ts';
import { packageFile } from '../paths.ts';
import { adaptToWorld, WIT_PACKAGE, WIT_WORLD } from './adapt.ts';
import { jcoMessage, jcoTools } from './jco.ts';

/** The contract's file in the package. */
export const WIT_FILE = 'guest-sdk/strategy.wit';

let witText: string | null = null;
export function strategyWit(): string {
  witText ??= readFileSync(packageFile(WIT_FILE), 'utf8');
  return witText;
}

/**
 * The module as a component of the world `strategy`, or BuildError naming what does not fit
 * (`entry` names the strategy in the message). The component's core module is the renamed copy.
 */
export async function componentOf(wasm: Uint8Array, entry: string): Promise<Uint8Array> {
  let adapted: Uint8Array;
  try {
    adapted = adaptToWorld(wasm, entry);
  } catch (e) {
    if (e instanceof SandboxError) throw new BuildError('BUILD_FAILED', `${entry}: ${e.message}`, { cause: e });
    throw e;
  }
  const jco = await jcoTools();
  let embedded: Uint8Array;
  try {
    embedded = await jco.componentEmbed({ binary: adapted, witSource: strategyWit(), world: WIT_WORLD, stringEncoding: 'utf16' });
  } catch (e) {
    // The world itself did not parse: the package's own file is broken, not the strategy.
    throw new Error(`${WIT_FILE}: ${jcoMessage(e)}`, { cause: e });
  }
  try {
    return await jco.componentNew(embedded);
  } catch (e) {
    throw new BuildError('BUILD_FAILED', `${entry}: the module does not fit the WIT world ${WIT_PACKAGE}/${WIT_WORLD} (${WIT_FILE}): ${oneLine(jcoMessage(e))}`, { cause: e });
  }
}

/** wit-component's message is a chain of causes, one a line ("Caused by: …"): joined into one line. */
function oneLine(message: string): string {
  // wasm-tools' text has a stray "$" before its second line.
  return message.split('\n').map((l) => l.trim().replace(/^\$/, '')).filter((l) => l && l !== 'Caused by:').map((l) => l.replace(/^\d+:\s*/, '')).join(': ');
}
