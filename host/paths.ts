/**
 * @module paths
 * Where the package's own files are at run time. The repository runs host/*.ts directly; the installed
 * package runs the compiled dist/host/*.js (tsconfig.build.json), one folder deeper. Files that are read,
 * not imported (package.json, backproof.proto, guest-sdk/, data/), are found from the package root, and
 * a worker thread's entry module is the sibling with the running module's own extension.
 */

/** True when this module runs compiled (dist/host/paths.js), false from the repository's host/paths.ts. */
const compiled = import.meta.url.endsWith('.js');

/** The package's root folder (the one holding package.json), as a file URL ending in "/". */
export const packageRoot: URL = new URL(compiled ? '../../' : '../', import.meta.url);

/** A file of the package by its path from the package root, e.g. "guest-sdk/" or "host/audit/backproof.proto". */
export const packageFile = (relative: string): URL => new URL(relative, packageRoot);

/** A module beside `moduleUrl` (its import.meta.url) named `name` + the extension `moduleUrl` has (".ts" or ".js"). */
export const siblingModule = (name: string, moduleUrl: string): URL => new URL(`./${name}${moduleUrl.slice(moduleUrl.lastIndexOf('.'))}`, moduleUrl);
