// What pages share: the live state, labels, preferences and navigation.
import type { Batcher } from './batcher';
import type { I18n } from './i18n';
import type { Route } from './router';
import type { Changes, LiveState } from './state';
import type { ServerMessage } from './types';

export interface Ctx {
  state: LiveState;
  i18n: I18n;
  /** wall clock for highlights (ms). */
  now(): number;
  navigate(hash: string): void;
  /** replaces the current URL's query without a new history entry or re-mount. */
  replaceQuery(query: Record<string, string | null | undefined>): void;
  batcher: Batcher<ServerMessage>;
  /** true once all facts were loaded over REST after the latest snapshot. */
  factsLoaded: boolean;
}

export interface Page {
  el: HTMLElement;
  /** called after each batch (at most a few times per second). */
  update?(ch: Changes): void;
  dispose?(): void;
  /** text for document.title */
  title?: string;
}

export type PageFactory<R extends Route = Route> = (ctx: Ctx, route: R) => Page;
