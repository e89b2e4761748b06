import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMediaNodePath } from '../../../server/http/mediaNodePaths.js';

/**
 * docs/nginx.conf sends to the media node exactly the paths an API process (role api) refuses as the media node's:
 * a path routed to an API process that only the media node can answer would fail in production, and the other way
 * round would load the media node with API work. nginx's own choice of location is reproduced here (exact, then the
 * longest prefix unless ^~, then the first matching regex in file order).
 */
const conf = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/nginx.conf'), 'utf8');

interface Location {
  modifier: '' | '=' | '~' | '~*' | '^~';
  pattern: string;
  upstream: string | null;
}

const locations: Location[] = [...conf.matchAll(/^\s*location\s+(?:(=|~\*|~|\^~)\s+)?(?:"([^"]+)"|(\S+))\s*\{([^}]*)\}/gm)].map((m) => ({
  modifier: (m[1] ?? '') as Location['modifier'],
  pattern: m[2] ?? m[3]!,
  upstream: /proxy_pass\s+http:\/\/(\w+)/.exec(m[4]!)?.[1] ?? null,
}));

function nginxUpstream(uri: string): string | null {
  const exact = locations.find((l) => l.modifier === '=' && l.pattern === uri);
  if (exact) return exact.upstream;
  const prefix = locations
    .filter((l) => (l.modifier === '' || l.modifier === '^~') && uri.startsWith(l.pattern))
    .sort((a, b) => b.pattern.length - a.pattern.length)[0];
  if (prefix?.modifier === '^~') return prefix.upstream;
  const regex = locations.find((l) => (l.modifier === '~' || l.modifier === '~*') && new RegExp(l.pattern, l.modifier === '~*' ? 'i' : '').test(uri));
  return (regex ?? prefix)?.upstream ?? null;
}

const id = '0f9c2d4e-8a1b-4c3d-9e5f-6a7b8c9d0e1f';
const paths = [
  // the media node's
  `/whip/${id}`, `/whip/${id}/session-1`, `/whep/interviews/${id}/program`, `/whep/sessions/abc`,
  `/media/interviews/${id}/hls/index.m3u8`, `/media/interviews/${id}/hls/seg-00001.ts`, `/media/interviews/${id}/hls/720p/index.m3u8`,
  `/media/interviews/${id}/images/a.jpg`, `/media/interviews/${id}/people/b.jpg`, `/media/interviews/${id}/replay/thumb.jpg`,
  `/api/interviews/${id}/program`, `/api/interviews/${id}/overlays`, `/api/interviews/${id}/media-status`,
  `/api/interviews/${id}/cameras`, `/api/interviews/${id}/end`, `/api/interviews/${id}/status`,
  `/api/interviews/${id}/recordings`, `/api/interviews/${id}/clips`, `/api/interviews/${id}/clips/c1/exports`,
  `/api/interviews/${id}/exports/j1/download`, `/api/interviews/${id}/images`, `/api/interviews/${id}/portraits`,
  `/api/interviews/${id}/transcript/build`, `/api/cameras/${id}/token`,
  // the API processes'
  '/', '/console', `/watch/${id}`, '/assets/app.js', '/healthz', '/api/auth/login', '/api/interviews',
  `/api/interviews/${id}`, `/api/interviews/${id}/qa`, `/api/interviews/${id}/questions/q1/actions`,
  `/api/interviews/${id}/transcript`, `/api/interviews/${id}/members/u1`, `/api/interviews/${id}/staff-events`,
  `/api/public/interviews/${id}`, `/api/public/interviews/${id}/events`, `/api/public/interviews/${id}/questions`,
  `/api/public/interviews/${id}/chapters`, '/api/statistics', '/api/plans/2027', '/api/docs',
];

describe('docs/nginx.conf', () => {
  it('has the locations this test reads', () => {
    expect(locations.length).toBeGreaterThanOrEqual(8);
    expect(new Set(locations.map((l) => l.upstream))).toEqual(new Set(['oi_api', 'oi_media']));
  });

  it.each(paths)('routes %s where the server expects it', (uri) => {
    expect(nginxUpstream(uri)).toBe(isMediaNodePath(uri) ? 'oi_media' : 'oi_api');
  });

  it('upgrades the realtime sockets and caches playlists briefly, segments long', () => {
    const socket = locations.find((l) => l.pattern.includes('staff-events'))!;
    expect(socket.upstream).toBe('oi_api');
    const block = (needle: string) => conf.slice(conf.indexOf(needle), conf.indexOf('}', conf.indexOf(needle)));
    expect(block('staff-events')).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(block('\\.m3u8$')).toMatch(/proxy_cache_valid 200 1s;/);
    expect(block('\\.(ts|m4s|mp4)$')).toMatch(/proxy_cache_valid 200 1d;/);
  });
});
