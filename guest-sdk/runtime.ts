// Holds the strategy instance the host drives. Internal to the SDK.
import { Strategy } from "./strategy";

let active: Strategy | null = null;

/** Makes `strategy` the one the host drives and calls its `init()`. Call once, at top level. */
export function run(strategy: Strategy): void {
  assert(active === null, "run() called twice");
  active = strategy;
  strategy.init();
}

/** The registered strategy; aborts with a hint when `run()` was never called. */
export function activeStrategy(): Strategy {
  const strategy = active;
  if (strategy === null) abort("no strategy: call run(new MyStrategy()) at top level");
  return changetype<Strategy>(strategy);
}
