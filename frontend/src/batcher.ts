// Coalesces bursts (e.g. a replay of thousands of facts) into at most one flush per interval.

export interface Timers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Batcher<T> {
  private queue: T[] = [];
  private timer: unknown = null;
  private last = -Infinity;

  constructor(
    private readonly flushFn: (items: T[]) => void,
    /** minimum time between two flushes, ms (250 → at most 4 renders per second). */
    private readonly minInterval = 250,
    private readonly timers: Timers = realTimers,
  ) {}

  push(item: T): void {
    this.queue.push(item);
    if (this.timer !== null) return;
    const wait = Math.max(0, this.last + this.minInterval - this.timers.now());
    this.timer = this.timers.set(() => this.flush(), wait);
  }

  /** Flushes now (whatever is queued). */
  flush(): void {
    if (this.timer !== null) {
      this.timers.clear(this.timer);
      this.timer = null;
    }
    if (this.queue.length === 0) return;
    this.last = this.timers.now();
    const items = this.queue;
    this.queue = [];
    this.flushFn(items);
  }

  get pending(): number {
    return this.queue.length;
  }

  dispose(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.queue = [];
  }
}
