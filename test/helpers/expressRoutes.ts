import { createHttpApp, type HttpAppDeps } from '../../server/http/createHttpApp.js';
import { PublicUrls } from '../../server/http/PublicUrls.js';
import type { TestApp } from './startTestApp.js';

/** What express 5 (router 2) keeps on a layer of a router's stack. */
interface Layer {
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean | undefined> };
  handle: { stack?: Layer[] };
}

/** `/:id/hls/*file` → `/{id}/hls/{file}`, without a trailing slash (a router's own `/` route). */
export function openApiPath(expressPath: string): string {
  const path = expressPath.replace(/[:*](\w+)/g, '{$1}').replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

/** "METHOD /path" for every route in the stack, descending into routers mounted with app.use / router.use. */
function routesOf(stack: Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const { route } = layer;
      const methods = Object.keys(route.methods).filter((method) => route.methods[method] && method !== '_all');
      return [route.path].flat().flatMap((path) => methods.map((method) => `${method.toUpperCase()} ${openApiPath(prefix + path)}`));
    }
    if (!layer.handle.stack) return [];
    const mounts = [layer.rawPath ?? '/'].flat();
    return mounts.flatMap((mount) => routesOf(layer.handle.stack!, prefix + (mount === '/' ? '' : mount)));
  });
}

/**
 * Every route ("GET /api/interviews/{id}") the HTTP app registers, as the server builds it. Building the app only
 * wires routers, so the services behind it may be stand-ins: the running test app lends its config and logger.
 */
export function registeredRoutes(server: TestApp): string[] {
  const app = createHttpApp({
    ...Object.fromEntries(['media', 'sessions', 'cameraAccess', 'interviews', 'cameras', 'qa', 'presenter', 'editing', 'plan', 'records', 'metrics', 'readiness'].map((name) => [name, inert()])),
    config: server.app.config,
    logger: server.app.logger,
    urls: new PublicUrls(server.app.publicUrl),
    webDir: server.dataDir,
  } as unknown as HttpAppDeps);
  return [...new Set(routesOf((app as unknown as { router: { stack: Layer[] } }).router.stack))].sort();
}

/**
 * A stand-in for any service the app's construction touches (a router subscribing to the media node's events, say):
 * every property is a function returning the stand-in again. No request is ever sent to the app built with it.
 */
function inert(): unknown {
  const target = function () {};
  const proxy: unknown = new Proxy(target, {
    get: (_target, property) => (property === 'then' ? undefined : proxy),
    apply: () => proxy,
    construct: () => proxy as object,
  });
  return proxy;
}
