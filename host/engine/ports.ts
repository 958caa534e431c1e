/**
 * @module engine/ports
 * What the engine needs from the outside: a guest that receives bars, and a sink for guest logs.
 * The sandbox's GuestInstance satisfies GuestPort; tests may drive the engine with plain objects.
 */
export interface GuestPort {
  onBar(time: bigint, open: number, high: number, low: number, close: number, volume: number): void;
}
