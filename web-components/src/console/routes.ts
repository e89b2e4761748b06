export type Route =
  | { name: 'login' }
  | { name: 'interviews' }
  | { name: 'interview'; id: string }
  | { name: 'studio'; cameraId: string }
  | { name: 'not-found' };

/** Maps a location hash (#/interviews/abc) to a console route. An empty hash is the interview list. */
export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => decodeURIComponent(part));
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return { name: 'not-found' };
  if (first === undefined) return { name: 'interviews' };
  if (first === 'login' && second === undefined) return { name: 'login' };
  if (first === 'interviews') return second === undefined ? { name: 'interviews' } : { name: 'interview', id: second };
  if (first === 'studio' && second !== undefined) return { name: 'studio', cameraId: second };
  return { name: 'not-found' };
}

/** Reads a datetime-local value ("2018-05-15T09:30") as local time, without relying on Date's string parsing. */
export function localInputToIso(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(year, month - 1, day, hour, minute).toISOString();
}
