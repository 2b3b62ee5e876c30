// Reconnect delays: exponential with full cap and some jitter so many tabs do not reconnect in lockstep.

export interface BackoffOptions {
  base: number;
  factor: number;
  max: number;
  /** fraction of the delay that is randomised, 0..1 */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { base: 500, factor: 2, max: 15000, jitter: 0.25 };

/** Delay before reconnect attempt number `attempt` (0-based). */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const raw = Math.min(opts.max, opts.base * Math.pow(opts.factor, Math.max(0, attempt)));
  const spread = raw * opts.jitter;
  return Math.round(raw - spread + random() * spread);
}
