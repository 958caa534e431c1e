/**
 * @module check/variants
 * The ways the determinism checker runs the same backtest (docs/DETERMINISM.md): where it executes
 * (this thread, a guest thread, a child process), under which environment (time zone, locale, no
 * cache folder), the data loaded or streamed, with which trace leaf size, traced or not. Each changes something a run could
 * depend on by mistake and nothing a run may depend on.
 */
import type { RunConfig } from '../run/config.ts';

export interface Variant {
  name: string;
  /** Where the run executes: this thread (executeRun), a guest thread (executeRunIsolated), or a child process (itself on a guest thread). */
  where: 'main' | 'worker' | 'process';
  /** A child process's environment, over this process's. */
  env?: Record<string, string>;
  /** What Node in that process must show for the environment to have taken effect (Intl's default time zone and locale). */
  shows?: { timeZone?: string; locale?: string };
  /** The data streamed from its file in chunks, as a CSV too large to hold is (data/load openData), not loaded whole. */
  stream?: boolean;
  /** The config fields it changes. */
  config?: Partial<Pick<RunConfig, 'chunkSize' | 'trace'>>;
  /** What it varies, in a few words. */
  about: string;
}

/** Every variant, in the order they run and are compared; `main`, first, is the reference. */
export const VARIANTS: readonly Variant[] = [
  { name: 'main', where: 'main', about: 'this process\'s main thread (the reference)' },
  { name: 'worker', where: 'worker', about: 'a guest thread, as backtest runs it' },
  { name: 'process', where: 'process', about: 'a child process, this environment' },
  { name: 'tz', where: 'process', env: { TZ: 'Pacific/Chatham' }, shows: { timeZone: 'Pacific/Chatham' }, about: 'a child process, TZ=Pacific/Chatham (UTC+12:45, +13:45 in summer)' },
  { name: 'locale', where: 'process', env: { LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }, shows: { locale: 'tr-TR' }, about: 'a child process, LANG=LC_ALL=tr_TR.UTF-8 (Intl\'s locale tr-TR: 1.234,5)' },
  { name: 'c-locale', where: 'process', env: { LANG: 'C', LC_ALL: 'C', TZ: 'UTC' }, shows: { timeZone: 'UTC', locale: 'en-US' }, about: 'a child process, LANG=LC_ALL=C, TZ=UTC' },
  { name: 'no-cache', where: 'process', env: { BACKPROOF_CACHE_DIR: 'off' }, about: 'a child process, BACKPROOF_CACHE_DIR=off (the data parsed from its file, not read from its column cache)' },
  { name: 'streamed', where: 'worker', stream: true, about: 'a guest thread, the data streamed from its file in chunks (as a CSV over 64 MiB is), not loaded whole' },
  { name: 'leaf-1k', where: 'worker', config: { chunkSize: 1024 }, about: 'a guest thread, 1 KiB trace leaves' },
  { name: 'leaf-16k', where: 'worker', config: { chunkSize: 16384 }, about: 'a guest thread, 16 KiB trace leaves' },
  { name: 'trace-off', where: 'worker', config: { trace: 'off' }, about: 'a guest thread, --trace off (fuel only)' },
];

export const VARIANT_NAMES: readonly string[] = VARIANTS.map((v) => v.name);
