import type { ApiErrorBody } from './types.js';

/** A failed API call. status 0 means the request never got an HTTP answer (network, CORS, DNS). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The request field a 400 is about, when the server named one. */
  readonly field: string | null;
  /** Seconds from a 429's or 503's Retry-After header, when it gave a number. */
  readonly retryAfter: number | null;

  constructor(status: number, code: string, message: string, extra: { field?: string | null; retryAfter?: number | null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = extra.field ?? null;
    this.retryAfter = extra.retryAfter ?? null;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Retry-After as seconds; the HTTP-date form is not worth the code, callers fall back to a generic wait. */
export function parseRetryAfter(value: string | null | undefined): number | null {
  if (!value || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

/**
 * Builds the ApiError for a non-2xx answer from its body text, which is usually
 * `{"error":{"code","message"}}` but may be anything a proxy in between returns.
 */
export function parseApiError(status: number, bodyText: string, statusText = '', retryAfter: number | null = null): ApiError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    parsed = undefined;
  }
  if (isErrorBody(parsed)) {
    const field = typeof parsed.error.field === 'string' ? parsed.error.field : null;
    return new ApiError(status, parsed.error.code, parsed.error.message, { field, retryAfter });
  }
  return new ApiError(status, `http_${status}`, statusText || `HTTP ${status}`, { retryAfter });
}

/** Joins a server origin (empty or absent = same origin) and an absolute API path. */
export function apiUrl(server: string | null | undefined, path: string): string {
  return (server ?? '').trim().replace(/\/+$/, '') + path;
}

/**
 * fetch() that returns the parsed JSON body (undefined for 204) and throws ApiError otherwise.
 * The caller vouches for the type: the server is ours.
 */
export async function fetchJson<T>(server: string | null | undefined, path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  let response: Response;
  try {
    response = await fetch(apiUrl(server, path), { ...init, headers });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    throw parseApiError(response.status, text, response.statusText, parseRetryAfter(response.headers.get('Retry-After')));
  }
  if (response.status === 204 || text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, 'invalid_json', `Invalid JSON from ${path}`);
  }
}
