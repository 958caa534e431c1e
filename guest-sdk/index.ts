// Backproof guest SDK: what a strategy author imports. See docs/ABI.md.
export { Bar, Strategy, param } from "./strategy";
export { Indicator, SMA, EMA, sma, ema, crossover, crossunder } from "./indicators";
export { run } from "./runtime";
