import crypto from 'node:crypto';
import { hashPassword } from '../../server/auth/passwords.js';
import { UserRepository } from '../../server/db/UserRepository.js';
import type { InterviewRole } from '../../server/domain/qa/types.js';
import type { ApiResponse, ApiSession } from './ApiSession.js';
import type { TestApp } from './startTestApp.js';

/** A netizen's device token as a browser would make it: 32 random URL-safe characters. */
export function newDeviceToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** One hashed password for every staff user of a run: argon2 is slow on purpose. */
const STAFF_PASSWORD = 'staff-password-for-tests';
let staffPasswordHash: Promise<string> | null = null;

/**
 * A console user with role staff, logged in. There is no user API yet, so the user is written with the server's own
 * repository into the app's real database.
 */
export async function createStaffUser(app: TestApp, username: string): Promise<{ id: string; session: ApiSession }> {
  staffPasswordHash ??= hashPassword(STAFF_PASSWORD);
  const user = await new UserRepository(app.app.database.dataSource).create({
    username,
    passwordHash: await staffPasswordHash,
    role: 'staff',
  });
  return { id: user.id, session: await app.login(username, STAFF_PASSWORD) };
}

/** Gives the user roles in the interview (as the admin); fails the test when refused. */
export async function setMember(
  admin: ApiSession,
  interviewId: string,
  userId: string,
  roles: InterviewRole[],
  guestIndex?: number,
): Promise<void> {
  const response = await admin.request('PUT', `/api/interviews/${interviewId}/members/${userId}`, {
    json: { roles, ...(guestIndex !== undefined && { guestIndex }) },
  });
  if (response.status !== 200) throw new Error(`PUT member: ${response.status} ${JSON.stringify(response.body)}`);
}

/** A netizen's client: asks and follows its questions with its own device token. */
export class Netizen {
  readonly deviceToken = newDeviceToken();
  readonly #api: ApiSession;
  readonly #interviewId: string;

  constructor(api: ApiSession, interviewId: string) {
    this.#api = api;
    this.#interviewId = interviewId;
  }

  ask(body: string, nickname = '网友', contact?: string): Promise<ApiResponse> {
    return this.#api.post(
      `/api/public/interviews/${this.#interviewId}/questions`,
      { nickname, body, ...(contact !== undefined && { contact }) },
      { headers: { 'X-Device-Token': this.deviceToken } },
    );
  }

  myQuestions(): Promise<ApiResponse> {
    return this.#api.get(`/api/public/interviews/${this.#interviewId}/my-questions`, {
      headers: { 'X-Device-Token': this.deviceToken },
    });
  }

  withdraw(questionId: string): Promise<ApiResponse> {
    return this.#api.delete(`/api/public/interviews/${this.#interviewId}/my-questions/${questionId}`, {
      headers: { 'X-Device-Token': this.deviceToken },
    });
  }
}

/** POST a question action as `staff`; the answer as is. */
export function questionAction(staff: ApiSession, interviewId: string, questionId: string, body: Record<string, unknown>): Promise<ApiResponse> {
  return staff.post(`/api/interviews/${interviewId}/questions/${questionId}/actions`, body);
}

/** A new interview (as `admin`), with guests; its id. */
export async function createInterview(admin: ApiSession, title: string, guests = [{ name: '张局长', position: '县教育局局长' }]): Promise<string> {
  const response = await admin.post('/api/interviews', { title, guests });
  if (response.status !== 201) throw new Error(`create interview: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}
