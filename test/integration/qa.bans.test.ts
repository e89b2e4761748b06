import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuestionBanRepository } from '../../server/db/QuestionBanRepository.js';
import { hashDeviceToken } from '../../server/qa/netizenHashes.js';
import type { ApiSession } from '../helpers/ApiSession.js';
import { createInterview, createStaffUser, Netizen, questionAction, setMember } from '../helpers/qaFixtures.js';
import { QaSocket } from '../helpers/QaSocket.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * The ban list. Every request of a test comes from 127.0.0.1, so a ban made from a question (device and address)
 * stops every device here: device-only and address-only semantics are checked with bans written straight through
 * the repository, and the pure rule's unit tests cover the rest.
 */
let app: TestApp;
let admin: ApiSession;
let moderator: ApiSession;
let host: ApiSession;
let moderatorId: string;
let hostId: string;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login();
  ({ id: moderatorId, session: moderator } = await createStaffUser(app, 'ban-moderator'));
  ({ id: hostId, session: host } = await createStaffUser(app, 'ban-host'));
});
afterAll(async () => {
  await app?.close();
});

/** A new interview where ban-moderator moderates and ban-host hosts. */
async function interview(title: string): Promise<string> {
  const id = await createInterview(admin, title);
  await setMember(admin, id, moderatorId, ['moderator']);
  await setMember(admin, id, hostId, ['host']);
  return id;
}

function bans(): QuestionBanRepository {
  return new QuestionBanRepository(app.app.database.dataSource.manager);
}

async function storedHashes(questionId: string): Promise<{ device_hash: string; ip_hash: string | null }> {
  const rows = await app.app.database.dataSource.query('SELECT device_hash, ip_hash FROM questions WHERE id = $1', [questionId]);
  return rows[0];
}

async function lift(interviewId: string, banId: string): Promise<void> {
  expect((await moderator.delete(`/api/interviews/${interviewId}/bans/${banId}`)).status).toBe(204);
}

describe('banning from a question', () => {
  it('bans the device and the address the question came from, rejects it if pending, and shows staff no hashes', async () => {
    const id = await interview('禁止提问');
    const other = await interview('另一场访谈');
    const netizen = new Netizen(app.anonymous(), id);
    const asked = await netizen.ask('这是一条不文明的提问内容', '捣乱网友');
    expect(asked.status).toBe(201);

    const banned = await moderator.post(`/api/interviews/${id}/bans`, {
      questionId: asked.body.id,
      scope: 'interview',
      reason: '含不文明用语',
      days: 7,
    });
    expect(banned.status).toBe(201);
    expect(banned.body).toEqual({
      id: expect.any(String),
      questionId: asked.body.id,
      nickname: '捣乱网友',
      reason: '含不文明用语',
      scope: 'interview',
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
      createdBy: 'ban-moderator',
    });
    const days = (Date.parse(banned.body.expiresAt) - Date.parse(banned.body.createdAt)) / 86_400_000;
    expect(days).toBe(7);

    // The same device, and any other device from that address, is refused before anything is stored.
    const again = await netizen.ask('换个说法再问一次可以吗');
    expect(again.status).toBe(403);
    expect(again.body.error).toEqual({ code: 'banned', message: expect.stringContaining('contact the site administrator') });
    expect((await new Netizen(app.anonymous(), id).ask('同一地址的另一台设备')).body.error.code).toBe('banned');
    // Scope 'interview': elsewhere the netizen still asks.
    expect((await new Netizen(app.anonymous(), other).ask('在另一场访谈里提问')).status).toBe(201);

    const stored = await bans().find(id, banned.body.id);
    const hashes = await storedHashes(asked.body.id);
    expect(stored).toMatchObject({ interviewId: id, deviceHash: hashes.device_hash, ipHash: hashes.ip_hash });
    expect(hashes.ip_hash).not.toBeNull();

    const staffQuestion = (await moderator.get(`/api/interviews/${id}/qa`)).body.questions[0];
    expect(staffQuestion).toMatchObject({ id: asked.body.id, status: 'rejected', rejectReason: '含不文明用语' });
    expect((await netizen.myQuestions()).body[0]).toMatchObject({ status: 'rejected', rejectReason: '含不文明用语' });

    const list = await moderator.get(`/api/interviews/${id}/bans`);
    expect(list.body).toEqual([banned.body]);
    expect(JSON.stringify(list.body)).not.toContain(hashes.device_hash);
    expect((await moderator.get(`/api/interviews/${other}/bans`)).body).toEqual([]);

    const audit = (await moderator.get(`/api/interviews/${id}/audit`)).body as { action: string; targetType: string; targetId: string; actorUsername: string; after: unknown }[];
    expect(audit.slice(0, 2)).toEqual([
      expect.objectContaining({ action: 'question.reject', targetType: 'question', targetId: asked.body.id, actorUsername: 'ban-moderator' }),
      expect.objectContaining({ action: 'ban.create', targetType: 'ban', targetId: banned.body.id, after: banned.body }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(hashes.device_hash);

    await lift(id, banned.body.id);
    expect((await moderator.get(`/api/interviews/${id}/bans`)).body).toEqual([]);
    expect((await new Netizen(app.anonymous(), id).ask('解除之后可以再提问')).status).toBe(201);
    const lifted = (await moderator.get(`/api/interviews/${id}/audit`)).body[1];
    expect(lifted).toMatchObject({ action: 'ban.delete', targetType: 'ban', targetId: banned.body.id, before: banned.body, after: null });
  });

  it('leaves an approved question as it is, and bans every interview with scope all until lifted', async () => {
    const id = await interview('全站禁止');
    const other = await interview('全站禁止之外');
    const asked = await new Netizen(app.anonymous(), id).ask('一个已经通过的问题');
    await questionAction(moderator, id, asked.body.id, { action: 'approve' });

    const banned = await moderator.post(`/api/interviews/${id}/bans`, { questionId: asked.body.id, scope: 'all', reason: '恶意刷屏' });
    expect(banned.body).toMatchObject({ scope: 'all', expiresAt: null, reason: '恶意刷屏' });
    expect((await moderator.get(`/api/interviews/${id}/qa`)).body.questions[0].status).toBe('approved');
    expect((await new Netizen(app.anonymous(), other).ask('另一场访谈也不行')).body.error.code).toBe('banned');
    // A ban of every interview is listed, and may be lifted, from any of them.
    expect((await moderator.get(`/api/interviews/${other}/bans`)).body).toEqual([banned.body]);
    await lift(other, banned.body.id);
    expect((await new Netizen(app.anonymous(), other).ask('解除后另一场可以提问')).status).toBe(201);
  });
});

describe('announcing bans', () => {
  it('pushes a new and a lifted ban to the staff sockets of the interview, never to viewers', async () => {
    const id = await interview('禁言推送');
    const asked = (await new Netizen(app.anonymous(), id).ask('这条提问的作者会被禁止')).body.id as string;
    const staffPath = `/api/interviews/${id}/staff-events`;
    const otherDesk = await QaSocket.open(app.url, staffPath, { since: 0, headers: { Cookie: admin.cookie!, Origin: app.url } });
    const viewer = await QaSocket.open(app.url, `/api/public/interviews/${id}/events`, { since: 0 });
    await Promise.all([otherDesk.synced(), viewer.synced()]);

    const made = await moderator.post(`/api/interviews/${id}/bans`, { questionId: asked, scope: 'interview', reason: '含不文明用语' });
    expect(made.status).toBe(201);
    const announced = await otherDesk.waitFor((m) => m.type === 'qa' && m.event === 'ban' && m.item.id === made.body.id);
    expect(announced).toMatchObject({ audience: 'staff', item: made.body });
    await lift(id, made.body.id);
    const lifted = await otherDesk.waitFor((m) => m.type === 'qa' && m.event === 'ban' && m.item.removed === true);
    expect(lifted.item).toEqual({ id: made.body.id, removed: true });
    expect(lifted.seq).toBeGreaterThan(announced.seq);

    // Viewers get nothing of it, neither live nor replayed from the start.
    const latest = (await app.anonymous().get(`/api/public/interviews/${id}/qa`)).body.seq as number;
    const late = await QaSocket.open(app.url, `/api/public/interviews/${id}/events`, { since: 0 });
    expect(await late.synced()).toBe(latest);
    expect([...viewer.qa, ...late.qa].filter((m) => m.event === 'ban')).toEqual([]);
    await Promise.all([otherDesk.close(), viewer.close(), late.close()]);
  });
});

describe('what a ban names', () => {
  it('a device-only ban stops that device but not another from the same address', async () => {
    const id = await interview('只禁设备');
    const banned = new Netizen(app.anonymous(), id);
    await bans().insert(ban({ interviewId: id, deviceHash: hashDeviceToken(banned.deviceToken), ipHash: null }));
    expect((await banned.ask('被禁止的设备提问')).body.error.code).toBe('banned');
    expect((await new Netizen(app.anonymous(), id).ask('同一地址的其他设备')).status).toBe(201);
  });

  it('an address-only ban of another address stops no one here', async () => {
    const id = await interview('只禁地址');
    await bans().insert(ban({ interviewId: id, deviceHash: null, ipHash: crypto.randomBytes(32).toString('hex') }));
    expect((await new Netizen(app.anonymous(), id).ask('别的地址被禁止了')).status).toBe(201);
  });

  it('an expired ban stops no one and is not listed', async () => {
    const id = await interview('过期禁止');
    const netizen = new Netizen(app.anonymous(), id);
    const day = 86_400_000;
    await bans().insert(
      ban({ interviewId: id, deviceHash: hashDeviceToken(netizen.deviceToken), createdAt: new Date(Date.now() - 8 * day), expiresAt: new Date(Date.now() - day) }),
    );
    expect((await netizen.ask('过期的禁止不再生效')).status).toBe(201);
    expect((await moderator.get(`/api/interviews/${id}/bans`)).body).toEqual([]);
  });

  it('refused attempts of a banned device do not count against its rate limit', async () => {
    const id = await interview('禁止不计次');
    const netizen = new Netizen(app.anonymous(), id);
    const row = ban({ interviewId: id, deviceHash: hashDeviceToken(netizen.deviceToken) });
    await bans().insert(row);
    for (let attempt = 0; attempt < 3; attempt++) expect((await netizen.ask('一再尝试提问的设备')).status).toBe(403);
    await bans().delete(row.id);
    // One question per device every 30 s: had a refused attempt counted, this would be 429.
    expect((await netizen.ask('解除后第一次提问')).status).toBe(201);
  });
});

describe('who may ban', () => {
  it('moderators and admins; a host gets 403, a netizen 401; bad requests name the field', async () => {
    const id = await interview('禁止权限');
    const asked = await new Netizen(app.anonymous(), id).ask('权限测试的问题');
    const request = { questionId: asked.body.id, scope: 'interview', reason: '与主题无关', days: 1 };
    expect((await host.post(`/api/interviews/${id}/bans`, request)).body.error.code).toBe('forbidden');
    expect((await host.get(`/api/interviews/${id}/bans`)).status).toBe(403);
    expect((await app.anonymous().get(`/api/interviews/${id}/bans`)).status).toBe(401);

    expect((await moderator.post(`/api/interviews/${id}/bans`, { ...request, days: 0 })).body.error.field).toBe('days');
    expect((await moderator.post(`/api/interviews/${id}/bans`, { ...request, scope: 'site' })).body.error.field).toBe('scope');
    expect((await moderator.post(`/api/interviews/${id}/bans`, { ...request, reason: '  ' })).body.error.field).toBe('reason');
    expect((await moderator.post(`/api/interviews/${id}/bans`, { ...request, questionId: crypto.randomUUID() })).status).toBe(404);

    const banned = await admin.post(`/api/interviews/${id}/bans`, request);
    expect(banned.status).toBe(201);
    expect((await host.delete(`/api/interviews/${id}/bans/${banned.body.id}`)).status).toBe(403);
    await lift(id, banned.body.id);
    expect((await moderator.delete(`/api/interviews/${id}/bans/${banned.body.id}`)).status).toBe(404);
  });
});

function ban(fields: Partial<Parameters<QuestionBanRepository['insert']>[0]>): Parameters<QuestionBanRepository['insert']>[0] {
  return {
    id: crypto.randomUUID(),
    interviewId: null,
    questionId: null,
    deviceHash: null,
    ipHash: null,
    reason: '测试',
    createdBy: null,
    createdAt: new Date(),
    expiresAt: null,
    ...fields,
  };
}
