/**
 * @module build/cache-root
 * Backproof's cache folder: BACKPROOF_CACHE_DIR ("off" disables every cache; a relative path is
 * resolved against the working folder), else $XDG_CACHE_HOME/backproof when it is absolute (a
 * relative one is ignored, per the XDG spec), else ~/.cache/backproof (docs/DATA.md). Built strategies go in its builds/ (build/cache)
 * and the launcher keeps Node's compile cache in its node/ (bin/backproof.js). Imports nothing of the
 * host: the launcher reads it before anything else is loaded.
 */
import { homedir } from 'node:os';
import path from 'node:path';

/** The cache folder, or null when BACKPROOF_CACHE_DIR is "off". */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env.BACKPROOF_CACHE_DIR;
  if (dir === 'off') return null;
  if (dir) return path.resolve(dir);
  // XDG: a relative XDG_CACHE_HOME is invalid and ignored.
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.cache'), 'backproof');
}
