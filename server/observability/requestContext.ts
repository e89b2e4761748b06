import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';

/** What every log line written while a request is handled carries (pino's mixin reads it). */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * An incoming X-Request-Id is kept when it is sane (a proxy's or a client's id joins their logs to ours): 1–128
 * characters of letters, digits and `-_.:`. Anything else (log injection, a huge header) gets a fresh UUID.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : crypto.randomUUID();
}

/** Runs `fn` (and everything it starts asynchronously) as part of the request `context`. */
export function runInRequest<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** pino's mixin: the request id of the request being handled, if any. */
export function requestLogFields(): Partial<RequestContext> {
  const context = storage.getStore();
  return context ? { requestId: context.requestId } : {};
}
