import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NginxProcess } from '../helpers/NginxProcess.js';
import { sampleNginxSite } from '../helpers/sampleNginxSite.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * The probes and /metrics behind docs/nginx.conf (Debian's nginx on loopback): the public reaches /healthz and
 * /readyz through the proxy but not /metrics, although nginx connects from loopback (it adds X-Forwarded-For), while
 * a scraper on the machine still reads the server directly; request ids pass both ways.
 */
let server: TestApp;
let nginx: NginxProcess;

beforeAll(async () => {
  server = await startTestApp({ rtcMinPort: 46500, rtcMaxPort: 46550 });
  // One process stands for both API upstreams and the media node.
  nginx = await NginxProcess.start({ site: (vars) => sampleNginxSite({ api: [server.url, server.url], media: server.url }, vars) });
});
afterAll(async () => {
  await nginx?.close();
  await server?.close();
});

describe('behind nginx', () => {
  it('answers the probes through the proxy, uncached', async () => {
    for (const probe of ['/healthz', '/readyz']) {
      const response = await fetch(`${nginx.url}${probe}`);
      expect(response.status, probe).toBe(200);
      expect(response.headers.get('cache-control'), probe).toBe('no-store');
    }
  });

  it('refuses /metrics to whoever comes through the proxy; a scraper on the machine reads the server directly', async () => {
    const proxied = await fetch(`${nginx.url}/metrics`);
    expect(proxied.status).toBe(403);
    expect(((await proxied.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
  });

  it('passes a request id through to the server and its answer back', async () => {
    const response = await fetch(`${nginx.url}/healthz`, { headers: { 'X-Request-Id': 'portal-trace-42' } });
    expect(response.headers.get('x-request-id')).toBe('portal-trace-42');
    expect((await fetch(`${nginx.url}/healthz`)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
