import type { z } from 'zod';
import { InvalidRequestError, NotFoundError } from './httpErrors.js';
import { isUuid } from '../domain/isUuid.js';

/** Parses a request part, or throws invalid_request naming the first bad field (e.g. `guests[1].name`). */
export function parseRequest<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name === '' ? String(key) : `${name}.${String(key)}`),
    '',
  );
  if (field === '') throw new InvalidRequestError('body', `The request body ${issue.message}.`);
  throw new InvalidRequestError(field, `Invalid ${field}: ${issue.message}.`);
}

/** An id from the path; a malformed one names nothing, so it is a 404 like an unknown one. */
export function parseId(value: string | undefined, what: string): string {
  if (value === undefined || !isUuid(value)) throw new NotFoundError(what);
  return value;
}
