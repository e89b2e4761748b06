import type { StaffInterviewJson } from '../http/InterviewPresenter.js';
import { ApiError } from './ApiError.js';
import type { Connection } from './parseCommand.js';

export interface NewCameraJson {
  id: string;
  name: string;
  whipUrl: string;
  token: string;
}

/** The staff API as the CLI uses it: logs in once, then sends the session cookie. */
export class ApiClient {
  #connection: Connection;
  #cookie: string | null = null;

  constructor(connection: Connection) {
    this.#connection = connection;
  }

  async login(): Promise<void> {
    const response = await this.#send('POST', '/api/auth/login', {
      username: this.#connection.user,
      password: this.#connection.password,
    });
    const cookie = response.headers.getSetCookie().find((header) => header.startsWith('oi_session='));
    if (!cookie) throw new ApiError(response.status, 'bad_response', 'The server accepted the login but sent no session cookie.');
    this.#cookie = cookie.split(';')[0]!;
  }

  async createInterview(body: unknown): Promise<StaffInterviewJson> {
    return (await this.#send('POST', '/api/interviews', body)).json() as Promise<StaffInterviewJson>;
  }

  async getInterview(id: string): Promise<StaffInterviewJson> {
    return (await this.#send('GET', `/api/interviews/${encodeURIComponent(id)}`)).json() as Promise<StaffInterviewJson>;
  }

  async addCamera(interviewId: string, name: string): Promise<NewCameraJson> {
    return (await this.#send('POST', `/api/interviews/${encodeURIComponent(interviewId)}/cameras`, { name })).json() as Promise<NewCameraJson>;
  }

  /** The response when it is a success; otherwise an ApiError carrying the server's own message. */
  async #send(method: string, path: string, body?: unknown): Promise<Response> {
    const url = this.#connection.server + path;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          ...(body !== undefined && { 'Content-Type': 'application/json' }),
          ...(this.#cookie !== null && { Cookie: this.#cookie }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new ApiError(0, 'unreachable', `Cannot reach the server at ${this.#connection.server}: ${cause?.code ?? cause?.message ?? (error as Error).message}.`);
    }
    if (response.ok) return response;
    const text = await response.text();
    let message = `The server answered ${response.status} ${response.statusText}.`;
    let code = 'http_error';
    try {
      const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
      if (parsed.error?.message) message = parsed.error.message;
      if (parsed.error?.code) code = parsed.error.code;
    } catch {
      // Not our JSON (a proxy's error page, say): the status line above is the best we can say.
    }
    throw new ApiError(response.status, code, message);
  }
}
