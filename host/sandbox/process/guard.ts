/**
 * @module sandbox/process/guard
 * Node 24's permission model has no network permission (`--allow-net` came with Node 25), so the
 * child closes the network itself (docs/ISOLATION-PROCESS.md, "The network"): it runs in a network
 * namespace of its own where one is available (sandbox/process/spawn; only a loopback that is down:
 * no TCP or UDP anywhere), and, whatever the namespace, this guard makes every network-capable module
 * unreachable from JavaScript before the guest's instance exists — the namespace does not cover Unix
 * domain sockets bound to a path, and the permission model does not either. The child's own modules
 * import none of them.
 */
import { registerHooks } from 'node:module';

/** The builtins that reach a socket, a resolver or a TLS stack. */
export const NETWORK_MODULES: readonly string[] = ['net', 'tls', 'dgram', 'dns', 'dns/promises', 'http', 'https', 'http2', 'inspector', 'inspector/promises'];

/** The error every refused reach gets: the permission model's code, so a caller treats it as one. */
function denied(what: string): Error {
  return Object.assign(new Error(`Access to this API has been restricted: ${what} (the process runtime has no network)`), { code: 'ERR_ACCESS_DENIED', permission: 'Net', resource: what });
}

const bare = (specifier: string): string => (specifier.startsWith('node:') ? specifier.slice(5) : specifier);

/** Refuses the network modules to import, require and process.getBuiltinModule, and removes the global network APIs. */
export function guardNetwork(): void {
  const refused = new Set(NETWORK_MODULES);
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (refused.has(bare(specifier))) throw denied(`module ${specifier}`);
      return nextResolve(specifier, context);
    },
  });
  const getBuiltinModule = process.getBuiltinModule.bind(process);
  Object.defineProperty(process, 'getBuiltinModule', {
    value: (id: string) => {
      if (refused.has(bare(id))) throw denied(`module ${id}`);
      return getBuiltinModule(id);
    },
    configurable: false, writable: false,
  });
  for (const name of ['fetch', 'WebSocket', 'EventSource', 'Request', 'Response', 'Headers', 'FormData']) {
    const g = globalThis as Record<string, unknown>;
    if (name in g) delete g[name];
  }
}
