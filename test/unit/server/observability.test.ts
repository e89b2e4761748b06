import fs from 'node:fs';
import path from 'node:path';
import type { Request } from 'express';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Metrics } from '../../../server/observability/Metrics.js';
import { requestIdFrom } from '../../../server/observability/requestContext.js';
import { routeLabel } from '../../../server/observability/routeLabel.js';
import { within } from '../../../server/observability/within.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const request = (originalUrl: string, routePath?: string | string[]) =>
  ({ originalUrl, ...(routePath !== undefined && { route: { path: routePath } }) }) as unknown as Request;

describe('routeLabel', () => {
  it('is the mount prefix read off the URL followed by the route pattern', () => {
    expect(routeLabel(request('/api/interviews/4f6f0c1e-1111-4000-8000-000000000000/media-status?x=1', '/:id/media-status'))).toBe(
      '/api/interviews/:id/media-status',
    );
    expect(routeLabel(request('/api/interviews', '/'))).toBe('/api/interviews');
    expect(routeLabel(request('/api/interviews/', '/'))).toBe('/api/interviews');
    expect(routeLabel(request('/healthz', '/healthz'))).toBe('/healthz');
    expect(routeLabel(request('/watch/abc', '/watch/:id'))).toBe('/watch/:id');
  });

  it('places wildcard and multi-path routes', () => {
    expect(routeLabel(request('/media/interviews/abc/hls/seg-00001.ts', '/interviews/:id/hls/*file'))).toBe('/media/interviews/:id/hls/*file');
    expect(routeLabel(request('/console/interviews/7/clips', ['/console', '/console/*path']))).toBe('/console/*path');
    expect(routeLabel(request('/console', ['/console', '/console/*path']))).toBe('/console');
  });

  it('never carries what a client chose: odd mount spellings become :param, unrouted paths a fixed group', () => {
    expect(routeLabel(request('/API/Interviews/x/media-status', '/:id/media-status'))).toBe('/:param/:param/:id/media-status');
    expect(routeLabel(request('/no-such-page-123'))).toBe('unmatched');
    expect(routeLabel(request('/assets/app-5f3a.js'))).toBe('/assets/*');
    expect(routeLabel(request('/media/interviews/unknown/hls/index.m3u8'))).toBe('/media/*');
    expect(routeLabel(request('/%2e%2e/etc/passwd'))).toBe('unmatched');
  });
});

describe('within', () => {
  it('answers the work when it settles in time, else what late() gives or throws', async () => {
    expect(await within(Promise.resolve('done'), 1000, () => 'late')).toBe('done');
    expect(await within(new Promise<string>(() => undefined), 10, () => 'late')).toBe('late');
    await expect(within(new Promise<string>(() => undefined), 10, () => { throw new Error('too slow'); })).rejects.toThrow('too slow');
    await expect(within(Promise.reject(new Error('failed')), 1000, () => 'late')).rejects.toThrow('failed');
  });
});

describe('requestIdFrom', () => {
  it('keeps a sane id and replaces anything else with a UUID', () => {
    expect(requestIdFrom('abc-123_4.5:6')).toBe('abc-123_4.5:6');
    expect(requestIdFrom(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', 'a b', 'x'.repeat(129), 'line\nbreak', '{"json":1}']) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('docs/observability.md and docs/grafana-dashboard.json', () => {
  const metrics = new Metrics(pino({ level: 'silent' }));
  const registered = async () => new Set((await metrics.registry.getMetricsAsJSON()).map((metric) => metric.name));
  /** A histogram's series names end in _bucket, _count or _sum. */
  const baseName = (series: string) => series.replace(/_(bucket|count|sum)$/, '');

  it('documents every oi_ metric the server registers, and no other', async () => {
    const docs = fs.readFileSync(path.join(repoRoot, 'docs/observability.md'), 'utf8');
    const documented = new Set([...docs.matchAll(/^\| `(oi_[a-z_]+)` \|/gm)].map((match) => match[1]!));
    const ours = [...(await registered())].filter((name) => name.startsWith('oi_'));
    expect(ours.length).toBeGreaterThanOrEqual(13);
    expect([...documented].sort()).toEqual(ours.sort());
  });

  it('charts only metrics the server registers, and every oi_ metric', async () => {
    const dashboard = JSON.parse(fs.readFileSync(path.join(repoRoot, 'docs/grafana-dashboard.json'), 'utf8')) as {
      panels: { type: string; targets?: { expr: string }[] }[];
    };
    const expressions = dashboard.panels.flatMap((panel) => panel.targets ?? []).map((target) => target.expr);
    expect(expressions.length).toBeGreaterThan(15);
    const used = new Set(expressions.flatMap((expr) => [...expr.matchAll(/\b((?:oi|process|nodejs)_[a-z0-9_]+)/g)].map((m) => baseName(m[1]!))));
    const names = await registered();
    for (const name of used) expect(names, name).toContain(name);
    for (const name of names) if (name.startsWith('oi_')) expect(used, name).toContain(name);
  });
});
