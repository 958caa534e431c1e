// Backproof guest SDK: what a strategy author imports. See docs/ABI.md.
export { Bar, Strategy, param, GTC, DAY, IOC, FOK, FILLED, CANCELLED, REJECTED, EXPIRED } from "./strategy";
export {
  Series, Indicator, BarIndicator, Smoother, Window, SMA, EMA, SMMA, WMA, RSI, MACD, BollingerBands,
  Highest, Lowest, ROC, ATR, Stochastic, WilliamsR, CCI, ADX, Random, sma, ema, crossover, crossunder,
} from "./indicators";
export { run } from "./runtime";
