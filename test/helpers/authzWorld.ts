import crypto from 'node:crypto';
import fs from 'node:fs';
import sharp from 'sharp';
import type { Principal } from '../integration/authz.access.js';
import { ApiSession, type ApiResponse } from './ApiSession.js';
import { createAccount, createUnit, PLAN_PASSWORD, proposalForm } from './planFixtures.js';
import { createStaffUser, newDeviceToken, setMember } from './qaFixtures.js';
import type { TestApp } from './startTestApp.js';

const YEAR = 2018;

/** Fails the fixture when the server refuses it. */
async function ok(request: Promise<ApiResponse>): Promise<ApiResponse> {
  const response = await request;
  if (response.status >= 300) throw new Error(`fixture request failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

/**
 * One of each kind of caller and one of each kind of item, on a real server: an announced interview of unit A (the
 * interview) with its members, a camera, questions, a pending post and picture, a ban; a draft interview; a
 * proposal, a plan row and a notice of unit A. The authorisation matrix calls every route on these as each principal.
 */
export class World {
  readonly app: TestApp;
  readonly year = YEAR;
  readonly unitName = '县教体局';
  /** The netizen's device token every call carries (X-Device-Token), so my-questions routes have a question. */
  readonly deviceToken = newDeviceToken();
  readonly sessions = {} as Record<Principal, ApiSession>;
  readonly loginBody = { username: 'authz-login', password: PLAN_PASSWORD };
  readonly planCsv = fs.readFileSync(new URL('../fixtures/plan/plan-2018.csv', import.meta.url));
  admin!: ApiSession;
  unitA!: string;
  unitB!: string;
  interviewId!: string;
  draftId!: string;
  cameraId!: string;
  cameraToken!: string;
  pendingQuestionId!: string;
  questionId!: string;
  myQuestionId!: string;
  postId!: string;
  banId!: string;
  imageFile!: string;
  spareUserId!: string;
  proposalId!: string;
  submittedProposalId!: string;
  rowId!: string;
  noticeId!: string;
  png!: Uint8Array<ArrayBuffer>;
  #counter = 0;
  #years = 0;

  private constructor(app: TestApp) {
    this.app = app;
  }

  static async create(app: TestApp): Promise<World> {
    const world = new World(app);
    await world.#build();
    return world;
  }

  unique(prefix: string): string {
    return `${prefix}-${++this.#counter}`;
  }

  /** A year no import used yet: an import's 序号 must be free in its year. */
  freshYear(): number {
    return 2040 + ++this.#years;
  }

  proposalForm(): Record<string, unknown> {
    return proposalForm(this.unique('主题'));
  }

  proposal(otherUnit: boolean): Record<string, unknown> {
    return { year: YEAR, organisationId: otherUnit ? this.unitB : this.unitA, ...this.proposalForm() };
  }

  async spareCamera(): Promise<string> {
    return (await ok(this.admin.post(`/api/interviews/${this.interviewId}/cameras`, { name: this.unique('备用机位') }))).body.id as string;
  }

  async spareRow(): Promise<string> {
    return (await ok(this.admin.post(`/api/plans/${YEAR}/rows`, { unitName: this.unitName, timeText: '6月1日', topic: this.unique('招生政策') }))).body.id as string;
  }

  /** The value of a path parameter, by its name and the path it is in. */
  param(name: string, path: string): string {
    switch (name) {
      case 'id':
        if (path.startsWith('/api/proposals/')) return this.proposalId;
        if (path.startsWith('/api/plan-rows/')) return this.rowId;
        if (path.startsWith('/api/users/')) return this.spareUserId;
        if (path.startsWith('/api/cameras/')) return this.cameraId;
        if (path.startsWith('/api/notices/')) return this.noticeId;
        return this.interviewId;
      case 'questionId':
        return path.includes('/my-questions/') ? this.myQuestionId : this.questionId;
      case 'cameraId':
        return this.cameraId;
      case 'postId':
        return this.postId;
      case 'banId':
        return this.banId;
      case 'userId':
        return this.spareUserId;
      case 'year':
        return String(YEAR);
      case 'item':
        return 'guests_confirmed';
      case 'file':
        if (path.includes('/images/')) return this.imageFile;
        if (path.includes('/people/')) return 'nobody.jpg';
        if (path.includes('/thumbnails/')) return '00001.jpg';
        return 'index.m3u8';
      case 'sourceId':
        return 'program';
      case 'clipId':
      case 'partId':
      case 'jobId':
      case 'sessionId':
        return crypto.randomUUID();
      default:
        throw new Error(`authzWorld has no value for the path parameter {${name}} (in ${path}); add one`);
    }
  }

  async #build(): Promise<void> {
    const { app } = this;
    this.admin = await app.login();
    this.unitA = await createUnit(this.admin, this.unitName, 'department');
    this.unitB = await createUnit(this.admin, '城关镇', 'town');
    await createAccount(app, this.admin, this.loginBody.username, [], null);
    const accounts: [Principal, string[], string | null][] = [
      ['planner', ['office_planner'], null],
      ['officeAdmin', ['office_admin'], null],
      ['publisher', ['publisher'], null],
      ['studio', ['studio_operator'], null],
      ['proposer', ['proposer'], this.unitA],
      ['deptReviewer', ['dept_reviewer'], this.unitA],
      ['otherProposer', ['proposer'], this.unitB],
      ['otherReviewer', ['dept_reviewer'], this.unitB],
      ['legacy', [], null],
    ];
    this.sessions.anonymous = app.anonymous();
    this.sessions.camera = app.anonymous();
    this.sessions.admin = this.admin;
    for (const [who, roles, unit] of accounts) this.sessions[who] = (await createAccount(app, this.admin, `authz-${who}`, roles, unit)).session;
    this.spareUserId = (await createAccount(app, this.admin, 'authz-spare', [], null)).id;

    // The interview: scheduled from unit A's plan row, so it is the unit's; announced, with a guest.
    this.rowId = await this.spareRow();
    this.interviewId = (await ok(this.admin.post(`/api/plan-rows/${await this.spareRow()}/schedule`, {}))).body.interviewId as string;
    await ok(
      this.admin.request('PUT', `/api/interviews/${this.interviewId}`, {
        json: { title: '授权矩阵访谈', guests: [{ name: '张局长', position: '县教体局局长' }] },
      }),
    );
    await ok(this.admin.post(`/api/interviews/${this.interviewId}/status`, { status: 'scheduled' }));
    for (const role of ['host', 'guest', 'moderator', 'reviewer'] as const) {
      const member = await createStaffUser(app, `authz-${role}`);
      this.sessions[role] = member.session;
      await setMember(this.admin, this.interviewId, member.id, [role], role === 'guest' ? 0 : undefined);
    }
    this.draftId = (await ok(this.admin.post('/api/interviews', { title: '授权矩阵草稿', status: 'draft' }))).body.id as string;

    const camera = (await ok(this.admin.post(`/api/interviews/${this.interviewId}/cameras`, { name: '主机位' }))).body;
    this.cameraId = camera.id as string;
    this.cameraToken = camera.token as string;

    const ask = (body: string, deviceToken = newDeviceToken()) =>
      ok(app.anonymous().post(`/api/public/interviews/${this.interviewId}/questions`, { nickname: '网友', body }, { headers: { 'X-Device-Token': deviceToken } }));
    this.pendingQuestionId = (await ask('待审核的提问')).body.id as string;
    this.questionId = (await ask('已通过的提问')).body.id as string;
    await ok(this.admin.post(`/api/interviews/${this.interviewId}/questions/${this.questionId}/actions`, { action: 'approve' }));
    this.myQuestionId = (await ask('本设备的提问', this.deviceToken)).body.id as string;
    // Lifted at once: every call comes from 127.0.0.1, which the ban covers too.
    const banned = (await ask('被封禁者的提问')).body.id as string;
    this.banId = (await ok(this.admin.post(`/api/interviews/${this.interviewId}/bans`, { questionId: banned, scope: 'interview', reason: '测试' }))).body
      .id as string;
    await ok(this.admin.delete(`/api/interviews/${this.interviewId}/bans/${this.banId}`));
    this.postId = (await ok(this.admin.post(`/api/interviews/${this.interviewId}/posts`, { role: 'guest', guestIndex: 0, body: '待审核的嘉宾发言' }))).body
      .id as string;

    this.png = new Uint8Array(await sharp({ create: { width: 16, height: 16, channels: 3, background: '#3366cc' } }).png().toBuffer());
    const uploaded = await fetch(`${app.url}/api/interviews/${this.interviewId}/images`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png', Cookie: this.admin.cookie! },
      body: this.png,
    });
    if (uploaded.status !== 201) throw new Error(`picture upload: ${uploaded.status} ${await uploaded.text()}`);
    this.imageFile = new URL(((await uploaded.json()) as { url: string }).url).pathname.split('/').pop()!;

    // The office reminds unit A while it has not proposed yet.
    await ok(this.admin.post('/api/proposals/reminders', { year: YEAR, organisationIds: [this.unitA], message: '请报送访谈主题' }));
    this.noticeId = (await ok(this.sessions.deptReviewer.get('/api/notices'))).body[0].id as string;
    const proposer = this.sessions.proposer;
    this.proposalId = (await ok(proposer.post('/api/proposals', { year: YEAR, ...this.proposalForm() }))).body.id as string;
    this.submittedProposalId = (await ok(proposer.post('/api/proposals', { year: YEAR, ...this.proposalForm() }))).body.id as string;
    await ok(proposer.post(`/api/proposals/${this.submittedProposalId}/submit`));
  }
}
