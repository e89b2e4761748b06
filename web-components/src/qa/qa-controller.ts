import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QaChange } from './qa-state.js';
import type { QaStoreHandle, QaStoreListener } from './qa-store.js';

interface Subscribable {
  subscribe(listener: QaStoreListener): () => void;
}

/**
 * Holds a shared Q&A store for an element while it is connected, re-acquiring it when the element's key (server,
 * interview) changes, and re-rendering the element on every change.
 */
export class QaStoreController<T extends Subscribable> implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly keyOf: () => string;
  private readonly acquire: () => QaStoreHandle<T>;
  private readonly onChange: ((change: QaChange, live: boolean) => void) | undefined;
  private handle: QaStoreHandle<T> | null = null;
  private unsubscribe: (() => void) | null = null;
  private key = '';

  /** `keyOf` returns '' when the element lacks what it needs (no interview id): then there is no store. */
  constructor(
    host: ReactiveControllerHost,
    keyOf: () => string,
    acquire: () => QaStoreHandle<T>,
    onChange?: (change: QaChange, live: boolean) => void,
  ) {
    this.host = host;
    this.keyOf = keyOf;
    this.acquire = acquire;
    this.onChange = onChange;
    host.addController(this);
  }

  get store(): T | null {
    return this.handle?.store ?? null;
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.drop();
    this.key = '';
  }

  private sync(): void {
    const key = this.keyOf();
    if (key === this.key && (this.handle !== null) === (key !== '')) return;
    this.drop();
    this.key = key;
    if (key === '') return;
    this.handle = this.acquire();
    this.unsubscribe = this.handle.store.subscribe({
      onChange: (change, live) => {
        this.onChange?.(change, live);
        this.host.requestUpdate();
      },
      onLiveChange: () => this.host.requestUpdate(),
    });
  }

  private drop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.handle?.release();
    this.handle = null;
  }
}
