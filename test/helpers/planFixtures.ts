import type { ApiSession } from './ApiSession.js';
import type { TestApp } from './startTestApp.js';

export const PLAN_PASSWORD = 'plan-password-for-tests';

/** Adds a unit as the admin; returns its id. */
export async function createUnit(admin: ApiSession, name: string, kind: 'town' | 'department' | 'agency' = 'department'): Promise<string> {
  const response = await admin.post('/api/organisations', { name, kind });
  if (response.status !== 201) throw new Error(`POST /api/organisations: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** Creates an account through the API as the admin and logs it in. */
export async function createAccount(
  app: TestApp,
  admin: ApiSession,
  username: string,
  roles: string[],
  organisationId: string | null = null,
): Promise<{ id: string; session: ApiSession }> {
  const response = await admin.post('/api/users', { username, password: PLAN_PASSWORD, roles, organisationId });
  if (response.status !== 201) throw new Error(`POST /api/users: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: response.body.id as string, session: await app.login(username, PLAN_PASSWORD) };
}

/** A complete annex-2 form. */
export function proposalForm(topic: string): Record<string, unknown> {
  return {
    suggestedTime: '5月15日',
    guests: [{ name: '王明', position: '局长' }],
    topic,
    mainContent: '政策解读与网民关心的问题',
    columnSuggestions: '希望增加图文直播',
    contactPerson: '李华',
    phone: '0917-4561234',
    fax: '0917-4561235',
  };
}

/** Sends a file as the raw body of a POST with the session's cookie. */
export async function postFile(session: ApiSession, path: string, contentType: string, body: Buffer): Promise<{ status: number; body: any }> {
  const response = await fetch(session.baseUrl + path, {
    method: 'POST',
    headers: { 'Content-Type': contentType, ...(session.cookie === null ? {} : { Cookie: session.cookie }) },
    body: new Uint8Array(body),
  });
  const text = await response.text();
  return { status: response.status, body: response.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : text };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
