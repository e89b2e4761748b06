export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the response is JSON, else the text; tests assert its shape. */
  body: any;
}

export interface RequestOptions {
  /** Sent as JSON with Content-Type: application/json. */
  json?: unknown;
  /** Sent as is (set Content-Type in headers). */
  body?: string;
  headers?: Record<string, string>;
}

/** An HTTP client for one server, sending a session cookie once it has one (see login). */
export class ApiSession {
  readonly baseUrl: string;
  #cookie: string | null;

  constructor(baseUrl: string, cookie: string | null = null) {
    this.baseUrl = baseUrl;
    this.#cookie = cookie;
  }

  /** The `oi_session=…` pair, or null when not logged in. */
  get cookie(): string | null {
    return this.#cookie;
  }

  /** Logs in and returns a session carrying the cookie; throws when the server refuses. */
  static async login(baseUrl: string, username: string, password: string): Promise<ApiSession> {
    const response = await new ApiSession(baseUrl).request('POST', '/api/auth/login', { json: { username, password } });
    if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    const cookie = response.headers.getSetCookie().find((header) => header.startsWith('oi_session='));
    if (!cookie) throw new Error('login answered without an oi_session cookie');
    return new ApiSession(baseUrl, cookie.split(';')[0]!);
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.#cookie !== null) headers['Cookie'] = this.#cookie;
    let body = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(this.baseUrl + path, { method, headers, ...(body !== undefined && { body }) });
    const text = await response.text();
    const isJson = response.headers.get('Content-Type')?.includes('json') && text !== '';
    return { status: response.status, headers: response.headers, body: isJson ? JSON.parse(text) : text };
  }

  get(path: string, options?: RequestOptions): Promise<ApiResponse> {
    return this.request('GET', path, options);
  }

  post(path: string, json?: unknown, options?: RequestOptions): Promise<ApiResponse> {
    return this.request('POST', path, { ...options, ...(json !== undefined && { json }) });
  }

  delete(path: string, options?: RequestOptions): Promise<ApiResponse> {
    return this.request('DELETE', path, options);
  }
}
