import type { Request } from 'express';

/**
 * The route pattern a request matched, e.g. `/api/interviews/:id/media-status`, for metric labels: never the raw URL,
 * so an attacker cannot grow the label set by asking for new addresses. The pattern is the matched route's path after
 * the mount prefix, which is read off the URL's leading segments: mounts are literal lowercase words, so any other
 * segment there (a differently-cased match) becomes `:param`. Requests no route answered (static files, 404s) are
 * grouped by their first segment when it is one of the known ones, else `unmatched`.
 */
export function routeLabel(req: Request): string {
  const segments = pathSegments(req.originalUrl);
  const routePath: unknown = (req.route as { path?: unknown } | undefined)?.path;
  for (const candidate of [routePath].flat()) {
    if (typeof candidate !== 'string') continue;
    const routeSegments = candidate.split('/').filter(Boolean);
    const start = matchStart(segments, routeSegments);
    if (start === undefined) continue;
    const prefix = segments.slice(0, start).map((segment) => (/^[a-z][a-z-]*$/.test(segment) ? segment : ':param'));
    return `/${[...prefix, ...routeSegments].join('/')}`;
  }
  const group = STATIC_GROUPS.find((name) => segments[0] === name);
  return group ? `/${group}/*` : 'unmatched';
}

/** First URL segments of what no route answers but is no error either (files served by static handlers). */
const STATIC_GROUPS = ['assets', 'media'];

function pathSegments(url: string): string[] {
  const pathname = url.split('?')[0] ?? '';
  return pathname.split('/').filter(Boolean);
}

/** Where in `url` the route's segments begin, when they end it (a `*rest` segment takes one or more). */
function matchStart(url: string[], route: string[]): number | undefined {
  const wildcard = route.findIndex((segment) => segment.startsWith('*'));
  const fixed = wildcard === -1 ? route : route.slice(0, wildcard);
  const fits = (start: number) => fixed.every((segment, i) => segment.startsWith(':') || segment.toLowerCase() === url[start + i]?.toLowerCase());
  if (wildcard === -1) {
    const start = url.length - route.length;
    return start >= 0 && fits(start) ? start : undefined;
  }
  for (let start = 0; start + fixed.length < url.length; start++) if (fits(start)) return start;
  return undefined;
}
