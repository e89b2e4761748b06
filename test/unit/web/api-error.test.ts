import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiUrl, fetchJson, parseApiError } from '../../../web-components/src/api/client.js';

describe('parseApiError', () => {
  it('takes code and message from the server error shape', () => {
    const error = parseApiError(409, JSON.stringify({ error: { code: 'already_ended', message: '访谈已结束' } }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'already_ended', message: '访谈已结束' });
  });

  it('falls back to the status for bodies that are not the error shape', () => {
    expect(parseApiError(502, '<html>Bad Gateway</html>', 'Bad Gateway')).toMatchObject({
      status: 502,
      code: 'http_502',
      message: 'Bad Gateway',
    });
    expect(parseApiError(500, '{"error":"boom"}')).toMatchObject({ code: 'http_500', message: 'HTTP 500' });
    expect(parseApiError(404, '')).toMatchObject({ code: 'http_404', message: 'HTTP 404' });
  });
});

describe('apiUrl', () => {
  it('treats an empty or absent server as the same origin', () => {
    expect(apiUrl('', '/api/x')).toBe('/api/x');
    expect(apiUrl(undefined, '/api/x')).toBe('/api/x');
    expect(apiUrl('https://host/', '/api/x')).toBe('https://host/api/x');
  });
});

describe('fetchJson', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('returns the parsed body', async () => {
    const fetchMock = vi.fn(async () => new Response('{"id":"a"}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(fetchJson('https://host', '/api/public/interviews/a')).resolves.toEqual({ id: 'a' });
    expect(fetchMock).toHaveBeenCalledWith('https://host/api/public/interviews/a', expect.anything());
  });

  it('returns undefined for 204', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(fetchJson('', '/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('throws the typed error for a JSON error answer', async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response(JSON.stringify({ error: { code: 'unauthorized', message: '请先登录' } }), { status: 401 }),
    );
    await expect(fetchJson('', '/api/auth/me')).rejects.toMatchObject({ status: 401, code: 'unauthorized', message: '请先登录' });
  });

  it('throws status 0 / code "network" when no answer arrives', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(fetchJson('', '/api/x')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
