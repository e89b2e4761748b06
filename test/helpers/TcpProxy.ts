import net from 'node:net';

/** What the proxy does with connections: pass them on, reset them, or hold them without a word (a dead network). */
export type TcpProxyMode = 'forward' | 'refuse' | 'blackhole';

/**
 * A TCP proxy on loopback in front of a server (PostgreSQL in the fault tests), which a test can cut and restore:
 * `refuse` resets each new connection at once (the database is down, its host refuses), `blackhole` accepts new
 * connections and then answers nothing (the host is gone and its address drops packets).
 */
export class TcpProxy {
  readonly #server: net.Server;
  readonly #target: { host: string; port: number };
  readonly #pairs = new Set<[net.Socket, net.Socket | null]>();
  #mode: TcpProxyMode = 'forward';
  #closed = false;

  private constructor(server: net.Server, target: { host: string; port: number }) {
    this.#server = server;
    this.#target = target;
    server.on('connection', (client) => this.#accept(client));
  }

  /** Listens on a free loopback port in front of host:port. */
  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = net.createServer();
    const proxy = new TcpProxy(server, target);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  get port(): number {
    return (this.#server.address() as net.AddressInfo).port;
  }

  /** Connections currently held open by the proxy (forwarded or black-holed). */
  get connections(): number {
    return this.#pairs.size;
  }

  /** `url` with its host and port replaced by the proxy's. */
  proxiedUrl(url: string): string {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(this.port);
    return proxied.toString();
  }

  /**
   * Switches mode. Leaving `forward` resets every open connection (the database went down); in `blackhole` the new
   * ones are then held unanswered (its address now drops packets), which only a connect timeout notices.
   */
  setMode(mode: TcpProxyMode): void {
    this.#mode = mode;
    for (const pair of this.#pairs) if (mode !== 'forward' || pair[1] === null) this.#destroy(pair);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const pair of this.#pairs) this.#destroy(pair);
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(client: net.Socket): void {
    client.on('error', () => undefined);
    if (this.#mode === 'refuse' || this.#closed) {
      client.resetAndDestroy();
      return;
    }
    const pair: [net.Socket, net.Socket | null] = [client, null];
    this.#pairs.add(pair);
    client.on('close', () => this.#destroy(pair));
    if (this.#mode === 'blackhole') return;
    const upstream = net.connect(this.#target.port, this.#target.host);
    pair[1] = upstream;
    upstream.on('error', () => undefined);
    upstream.on('close', () => {
      if (pair[1] === upstream) this.#destroy(pair);
    });
    client.pipe(upstream);
    upstream.pipe(client);
  }

  #destroy(pair: [net.Socket, net.Socket | null]): void {
    this.#pairs.delete(pair);
    pair[1]?.destroy();
    if (!pair[0].destroyed) pair[0].resetAndDestroy();
  }
}
