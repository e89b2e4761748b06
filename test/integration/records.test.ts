import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { InterviewRepository } from '../../server/db/InterviewRepository.js';
import type { ApiSession } from '../helpers/ApiSession.js';
import { createStaffUser, Netizen, questionAction, setMember } from '../helpers/qaFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * After the show, on real PostgreSQL: the transcript built from the show, corrected, approved, published and exported
 * (the DOCX opened with mammoth); follow-ups with their working-day deadlines, answered, reviewed, published and
 * flagged when late; the year's statistics with persisted viewer counts, as JSON and XLSX.
 */
let app: TestApp;
let admin: ApiSession;
let host: ApiSession;
let guest: ApiSession;
let reviewer: ApiSession;
let moderator: ApiSession;
/** The digital information centre's account (organisation role publisher, no role in the interview). */
let publisher: ApiSession;
let interviewId: string;
let answeredId: string;
let leftOverId: string;
let imageId: string;

/** The show went on air on Wednesday 2026-09-30 at 09:00 in China and ended at 10:00: follow-ups due 2026-10-13. */
const LIVE_AT = new Date('2026-09-30T01:00:00Z');
const ENDED_AT = new Date('2026-09-30T02:00:00Z');
const DEPARTMENT = '县交通运输局';

async function expectOk<T = any>(promise: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const response = await promise;
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login();
  const created = await expectOk(
    admin.post('/api/interviews', { title: '农村公路建设', department: DEPARTMENT, guests: [{ name: '张局长', position: '县交通运输局局长' }] }),
    201,
  );
  interviewId = created.id;
  const users = await Promise.all(['host', 'guest', 'reviewer', 'moderator'].map((name) => createStaffUser(app, `records-${name}`)));
  await setMember(admin, interviewId, users[0]!.id, ['host']);
  await setMember(admin, interviewId, users[1]!.id, ['guest'], 0);
  await setMember(admin, interviewId, users[2]!.id, ['reviewer']);
  await setMember(admin, interviewId, users[3]!.id, ['moderator']);
  [host, guest, reviewer, moderator] = users.map((user) => user.session) as [ApiSession, ApiSession, ApiSession, ApiSession];
  const centre = await createStaffUser(app, 'records-publisher');
  await expectOk(admin.request('PUT', `/api/users/${centre.id}/assignment`, { json: { organisationId: null, roles: ['publisher'] } }));
  publisher = centre.session;

  const interviews = new InterviewRepository(app.app.database.dataSource);
  await interviews.setStatus(interviewId, 'scheduled', new Date());
  await interviews.setStatus(interviewId, 'live', new Date(Date.now() - 600_000));

  // One device each: a device may ask once every 30 s.
  const ask = (body: string, nickname: string) => expectOk(new Netizen(app.anonymous(), interviewId).ask(body, nickname), 201);
  answeredId = (await ask('农村公路什么时候修到我们村？', '小李')).id;
  leftOverId = (await ask('路灯坏了谁来修？', '老王')).id;
  const rejected = (await ask('与主题无关的问题内容', '路人')).id;
  await expectOk(questionAction(moderator, interviewId, answeredId, { action: 'approve' }));
  await expectOk(questionAction(moderator, interviewId, leftOverId, { action: 'approve' }));
  await expectOk(questionAction(moderator, interviewId, rejected, { action: 'reject', reason: '与主题无关' }));

  await expectOk(host.post(`/api/interviews/${interviewId}/posts`, { role: 'host', body: '各位网友，欢迎收看本期在线访谈。' }), 201);
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366aa' } }).jpeg().toBuffer();
  const uploaded = await fetch(`${app.url}/api/interviews/${interviewId}/images`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/jpeg', Cookie: guest.cookie! },
    body: new Uint8Array(photo),
  });
  imageId = ((await uploaded.json()) as { id: string }).id;
  const answer = await expectOk(
    guest.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', body: '今年年底前全部通硬化路。\n明年完成养护。', questionId: answeredId, imageIds: [imageId] }),
    201,
  );
  await expectOk(reviewer.post(`/api/interviews/${interviewId}/posts/${answer.id}/actions`, { action: 'approve' }));
  const unreviewed = await expectOk(guest.post(`/api/interviews/${interviewId}/posts`, { role: 'guest', body: '这条还没审核。' }), 201);
  expect(unreviewed.status).toBe('pending');
  await expectOk(host.post(`/api/interviews/${interviewId}/questions/${answeredId}/actions`, { action: 'answered' }));
  await expectOk(host.post(`/api/interviews/${interviewId}/posts`, { role: 'host', body: '本期访谈到此结束，谢谢大家！' }), 201);
  await interviews.setStatus(interviewId, 'ended', new Date());
  // The show as it happened in September (posts keep their order; only the show's times move).
  await app.app.database.dataSource.query('UPDATE interviews SET live_at = $2, ended_at = $3 WHERE id = $1', [interviewId, LIVE_AT, ENDED_AT]);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const transcriptPath = () => `/api/interviews/${interviewId}/transcript`;

describe('transcript (文字实录)', () => {
  it('is built by the reviewer from the approved posts and answered questions, in program order', async () => {
    const before = await expectOk(reviewer.get(transcriptPath()));
    expect(before).toMatchObject({ showOver: true, transcript: null, me: { canEdit: true, canApprove: true, canPublish: true } });

    const built = await expectOk(reviewer.post(`${transcriptPath()}/build`));
    expect(built.transcript.status).toBe('draft');
    expect(built.transcript.entries.map((e: { role: string; speaker: string; text: string }) => [e.role, e.speaker, e.text])).toEqual([
      ['host', '主持人', '各位网友，欢迎收看本期在线访谈。'],
      ['netizen', '小李', '农村公路什么时候修到我们村？'],
      ['guest', '张局长', '今年年底前全部通硬化路。\n明年完成养护。'],
      ['host', '主持人', '本期访谈到此结束，谢谢大家！'],
    ]);
    expect(built.transcript.entries[2].images).toEqual([{ id: imageId, url: expect.stringMatching(/\/media\/interviews\/.+\.jpg$/), width: 640, height: 480 }]);
    expect(built.history[0]).toMatchObject({ action: 'build', actorUsername: 'records-reviewer' });
  });

  it('is refused to roles other than the reviewer, and is not public before it is published', async () => {
    const byModerator = await moderator.post(`${transcriptPath()}/build`);
    expect(byModerator.status).toBe(403);
    expect(byModerator.body.error.code).toBe('forbidden');
    expect((await moderator.get(transcriptPath())).body.me.canEdit).toBe(false);
    expect((await app.anonymous().get(transcriptPath())).status).toBe(401);
    const early = await app.anonymous().get(`/api/public/interviews/${interviewId}/transcript`);
    expect(early.status).toBe(404);
    expect(early.body.error.code).toBe('transcript_not_published');
    const publishDraft = await reviewer.post(`${transcriptPath()}/actions`, { action: 'publish' });
    expect(publishDraft.status).toBe(409);
    expect(publishDraft.body.error.code).toBe('transcript_not_approved');
  });

  it('keeps who edited and when, refuses pictures not of the show, then is approved and published (C3)', async () => {
    const current = (await expectOk(reviewer.get(transcriptPath()))).transcript.entries;
    const entries = current.map((e: { role: string; speaker: string; text: string; imageIds: string[] }) => ({
      role: e.role,
      speaker: e.speaker,
      text: e.text,
      imageIds: e.imageIds,
    }));
    entries[0] = { ...entries[0], speaker: '李华', text: '各位网友，大家好！欢迎收看本期在线访谈。' };
    const foreign = await reviewer.request('PUT', transcriptPath(), {
      json: { entries: [{ ...entries[0], imageIds: ['00000000-0000-4000-8000-000000000000'] }] },
    });
    expect(foreign.status).toBe(409);
    expect(foreign.body.error.code).toBe('unknown_image');
    const empty = await reviewer.request('PUT', transcriptPath(), { json: { entries: [{ ...entries[0], text: '  ' }] } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('entries[0].text');

    const edited = await expectOk(reviewer.request('PUT', transcriptPath(), { json: { entries } }));
    expect(edited.transcript.entries[0]).toMatchObject({ speaker: '李华', text: '各位网友，大家好！欢迎收看本期在线访谈。' });
    expect(edited.history.map((h: { action: string }) => h.action)).toEqual(['edit', 'build']);
    expect(edited.history[0]).toMatchObject({ actorUsername: 'records-reviewer', createdAt: expect.any(String) });

    await expectOk(reviewer.post(`${transcriptPath()}/actions`, { action: 'approve' }));
    const published = await expectOk(reviewer.post(`${transcriptPath()}/actions`, { action: 'publish' }));
    expect(published.transcript).toMatchObject({ status: 'published', published: true, publishedAt: expect.any(String) });

    const publicJson = await expectOk(app.anonymous().get(`/api/public/interviews/${interviewId}/transcript`));
    expect(publicJson).toEqual({
      publishedAt: published.transcript.publishedAt,
      entries: [
        { role: 'host', speaker: '李华', text: '各位网友，大家好！欢迎收看本期在线访谈。' },
        { role: 'netizen', speaker: '小李', text: '农村公路什么时候修到我们村？' },
        { role: 'guest', speaker: '张局长', text: '今年年底前全部通硬化路。\n明年完成养护。', images: [expect.stringContaining(`/media/interviews/${interviewId}/images/`)] },
        { role: 'host', speaker: '主持人', text: '本期访谈到此结束，谢谢大家！' },
      ],
    });
    // The picture of the published entry is served to everyone.
    expect((await fetch(publicJson.entries[2].images[0])).status).toBe(200);
  });

  it('exports the published transcript as HTML, Markdown and a DOCX that Word readers open', async () => {
    const base = `${app.url}/api/public/interviews/${interviewId}`;
    const htmlResponse = await fetch(`${base}/transcript.html`);
    expect(htmlResponse.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await htmlResponse.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<strong>主持人 李华</strong>：各位网友，大家好！');
    expect(html).toContain('<strong>网友 小李</strong>：农村公路什么时候修到我们村？');
    expect(html).toContain('今年年底前全部通硬化路。<br>明年完成养护。');
    expect(html).toMatch(/<img src="[^"]+\.jpg" width="640" height="480" alt="嘉宾 张局长的图片">/);

    const markdown = await (await fetch(`${base}/transcript.md`)).text();
    expect(markdown).toContain('# 农村公路建设 文字实录');
    expect(markdown).toContain(`- 责任单位：${DEPARTMENT}`);
    expect(markdown).toContain('**嘉宾 张局长**：今年年底前全部通硬化路。  \n明年完成养护。');
    expect(markdown).toMatch(/!\[嘉宾 张局长的图片\]\(http[^)]+\.jpg\)/);

    const docxResponse = await fetch(`${base}/transcript.docx`);
    expect(docxResponse.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docxResponse.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const buffer = Buffer.from(await docxResponse.arrayBuffer());
    const { value: text } = await mammoth.extractRawText({ buffer });
    expect(text).toContain('农村公路建设 文字实录');
    expect(text).toContain('主持人 李华：各位网友，大家好！欢迎收看本期在线访谈。');
    expect(text).toContain('网友 小李：农村公路什么时候修到我们村？');
    expect(text).toContain('嘉宾 张局长：今年年底前全部通硬化路。');
    expect(text).toContain('主持人：本期访谈到此结束，谢谢大家！');
    const { value: docHtml } = await mammoth.convertToHtml({ buffer });
    expect(docHtml.match(/<img /g)).toHaveLength(1);
    expect(docHtml.indexOf('网友 小李')).toBeLessThan(docHtml.indexOf('<img '));
  });

  it('keeps the published copy up while a correction waits, and can be taken down', async () => {
    const current = (await expectOk(reviewer.get(transcriptPath()))).transcript.entries;
    const entries = current.map((e: { role: string; speaker: string; text: string; imageIds: string[] }) => ({ ...e, images: undefined }));
    entries[3].text = '本期访谈到此结束，感谢收看！';
    await expectOk(reviewer.request('PUT', transcriptPath(), { json: { entries } }));
    const stillUp = await expectOk(app.anonymous().get(`/api/public/interviews/${interviewId}/transcript`));
    expect(stillUp.entries[3].text).toBe('本期访谈到此结束，谢谢大家！');
    await expectOk(reviewer.post(`${transcriptPath()}/actions`, { action: 'approve' }));
    await expectOk(reviewer.post(`${transcriptPath()}/actions`, { action: 'publish' }));
    expect((await expectOk(app.anonymous().get(`/api/public/interviews/${interviewId}/transcript`))).entries[3].text).toBe('本期访谈到此结束，感谢收看！');

    const down = await expectOk(reviewer.post(`${transcriptPath()}/actions`, { action: 'unpublish' }));
    expect(down.transcript).toMatchObject({ status: 'approved', published: false });
    expect((await app.anonymous().get(`/api/public/interviews/${interviewId}/transcript.docx`)).status).toBe(404);
    await expectOk(reviewer.post(`${transcriptPath()}/actions`, { action: 'publish' }));
    expect((await expectOk(reviewer.get(transcriptPath()))).history.slice(0, 3).map((h: { action: string }) => h.action)).toEqual(['publish', 'unpublish', 'publish']);
  });
});

describe('the information centre (publisher)', () => {
  it('publishes an approved transcript but does not edit it, and reads the office views', async () => {
    const view = await expectOk(publisher.get(transcriptPath()));
    expect(view.me).toEqual({ canEdit: false, canApprove: false, canPublish: true });
    const entries = view.transcript.entries.map((e: { role: string; speaker: string; text: string; imageIds: string[] }) => ({
      role: e.role,
      speaker: e.speaker,
      text: e.text,
      imageIds: e.imageIds,
    }));
    const edit = await publisher.request('PUT', transcriptPath(), { json: { entries } });
    expect(edit.status).toBe(403);
    await expectOk(reviewer.request('PUT', transcriptPath(), { json: { entries } }));
    expect((await publisher.post(`${transcriptPath()}/actions`, { action: 'approve' })).status).toBe(403);
    await expectOk(reviewer.post(`${transcriptPath()}/actions`, { action: 'approve' }));
    const published = await expectOk(publisher.post(`${transcriptPath()}/actions`, { action: 'publish' }));
    expect(published.history[0]).toMatchObject({ action: 'publish', actorUsername: 'records-publisher' });
    // The Word document is made once per publication: this one has the corrections published since the first download.
    const docx = await fetch(`${app.url}/api/public/interviews/${interviewId}/transcript.docx`);
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) });
    expect(text).toContain('主持人：本期访谈到此结束，感谢收看！');
    expect((await publisher.get('/api/follow-ups/overdue')).status).toBe(200);
    expect((await publisher.get('/api/statistics?year=2026')).status).toBe(200);
  });
});

describe("the interviewed unit's reviewer (dept_reviewer)", () => {
  it("reviews the records of its own unit's interview without being a member, and not another unit's", async () => {
    const unit = await expectOk(admin.post('/api/organisations', { name: DEPARTMENT, kind: 'department' }), 201);
    const other = await expectOk(admin.post('/api/organisations', { name: '县教育局', kind: 'department' }), 201);
    const own = await createStaffUser(app, 'records-unit-reviewer');
    const stranger = await createStaffUser(app, 'records-other-unit');
    await expectOk(admin.request('PUT', `/api/users/${own.id}/assignment`, { json: { organisationId: unit.id, roles: ['dept_reviewer'] } }));
    await expectOk(admin.request('PUT', `/api/users/${stranger.id}/assignment`, { json: { organisationId: other.id, roles: ['dept_reviewer'] } }));
    expect((await expectOk(own.session.get(transcriptPath()))).me).toEqual({ canEdit: true, canApprove: true, canPublish: true });
    expect((await expectOk(own.session.get(`/api/interviews/${interviewId}/follow-ups`))).me).toEqual({ canAnswer: true, canReview: true });
    expect((await stranger.session.get(transcriptPath())).status).toBe(403);
    expect((await stranger.session.get(`/api/interviews/${interviewId}/follow-ups`)).status).toBe(403);
  });
});

describe('follow-ups (会后答复)', () => {
  const followUpsPath = () => `/api/interviews/${interviewId}/follow-ups`;

  it('opens one per approved question not answered live, due five working days after the show skipping the National Day week', async () => {
    const { followUps, me } = await expectOk(guest.get(followUpsPath()));
    expect(me).toEqual({ canAnswer: true, canReview: false });
    expect(followUps).toEqual([
      expect.objectContaining({
        questionId: leftOverId,
        nickname: '老王',
        question: '路灯坏了谁来修？',
        department: DEPARTMENT,
        status: 'open',
        dueDate: '2026-10-13',
        dueAt: '2026-10-13T16:00:00.000Z',
        overdue: true,
      }),
    ]);
  });

  it('flags it to the office while overdue', async () => {
    const overdue = await expectOk(admin.get('/api/follow-ups/overdue'));
    expect(overdue.followUps).toEqual([expect.objectContaining({ questionId: leftOverId, interviewTitle: '农村公路建设', daysOverdue: expect.any(Number) })]);
    expect(overdue.followUps[0].daysOverdue).toBeGreaterThan(30);
    expect((await reviewer.get('/api/follow-ups/overdue')).status).toBe(403);
  });

  it('is answered by the department, sent back, answered again, and published by the reviewer', async () => {
    const path = `${followUpsPath()}/${leftOverId}`;
    expect((await moderator.post(`${path}/answer`, { answer: '不该由审核员回答' })).status).toBe(403);
    const early = await reviewer.post(`${path}/actions`, { action: 'approve' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('follow_up_not_answered');

    expect(await expectOk(guest.post(`${path}/answer`, { answer: '已安排维修。' }))).toMatchObject({ status: 'answered', answeredBy: 'records-guest' });
    expect(await expectOk(reviewer.post(`${path}/actions`, { action: 'reject', reason: '请写明完成时间' }))).toMatchObject({
      status: 'open',
      rejectReason: '请写明完成时间',
    });
    expect((await app.anonymous().get(`/api/public/interviews/${interviewId}/follow-ups`)).body).toEqual({ followUps: [] });
    await expectOk(guest.post(`${path}/answer`, { answer: '路灯已于12月1日修复。' }));
    const published = await expectOk(reviewer.post(`${path}/actions`, { action: 'approve' }));
    expect(published).toMatchObject({ status: 'published', overdue: false, publishedAt: expect.any(String) });

    const publicList = await expectOk(app.anonymous().get(`/api/public/interviews/${interviewId}/follow-ups`));
    expect(publicList.followUps).toEqual([
      { questionId: leftOverId, nickname: '老王', question: '路灯坏了谁来修？', askedAt: expect.any(String), answer: '路灯已于12月1日修复。', publishedAt: published.publishedAt },
    ]);
    const final = await guest.post(`${path}/answer`, { answer: '改一下' });
    expect(final.status).toBe(409);
    expect(final.body.error.code).toBe('follow_up_published');
    expect((await expectOk(admin.get('/api/follow-ups/overdue'))).followUps).toEqual([]);
  });
});

describe('statistics', () => {
  it('records viewers (peak and total) from the viewer sockets, in PostgreSQL', async () => {
    const url = `${app.url.replace('http', 'ws')}/api/public/interviews/${interviewId}/events`;
    const sockets = await Promise.all(
      [0, 1, 2].map(
        () =>
          new Promise<WebSocket>((resolve, reject) => {
            const ws = new WebSocket(url);
            ws.once('open', () => resolve(ws));
            ws.once('error', reject);
          }),
      ),
    );
    try {
      // The hub samples every 5 s and the recorder writes every 5 s.
      const deadline = Date.now() + 30_000;
      let row = { peak: 0, total: 0 };
      while (Date.now() < deadline && (row.peak < 3 || row.total < 3)) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const rows: { peak_viewers: number; total_viewers: string }[] = await app.app.database.dataSource.query(
          'SELECT peak_viewers, total_viewers FROM interview_audience WHERE interview_id = $1',
          [interviewId],
        );
        row = { peak: rows[0]?.peak_viewers ?? 0, total: Number(rows[0]?.total_viewers ?? 0) };
      }
      expect(row).toEqual({ peak: 3, total: 3 });
    } finally {
      for (const ws of sockets) ws.close();
    }
  }, 40_000);

  it('adds up the year per department, as JSON and as an XLSX workbook', async () => {
    const stats = await expectOk(admin.get('/api/statistics?year=2026'));
    const row = stats.departments.find((d: { department: string | null }) => d.department === DEPARTMENT);
    expect(row).toEqual({
      department: DEPARTMENT,
      interviews: 1,
      showsHeld: 1,
      viewersPeak: 3,
      viewersTotal: 3,
      questionsReceived: 3,
      questionsApproved: 2,
      answeredLive: 1,
      answeredLater: 1,
      overdue: 1,
    });
    expect((await expectOk(admin.get('/api/statistics?year=2025'))).departments).toEqual([]);
    expect((await reviewer.get('/api/statistics?year=2026')).status).toBe(403);
    const bad = await admin.get('/api/statistics?year=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('year');

    const response = await fetch(`${app.url}/api/statistics/export.xlsx?year=2026`, { headers: { Cookie: admin.cookie! } });
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('2026年统计')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '责任单位', '访谈场次（计划）', '已举办场次', '最高同时在线', '观看人次', '收到提问', '采纳提问', '现场答复', '会后答复', '逾期答复']);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows.find((r) => r[1] === DEPARTMENT)).toEqual([undefined, DEPARTMENT, 1, 1, 3, 3, 3, 2, 1, 1, 1]);
    expect(rows.at(-1)![1]).toBe('合计');
  });
});
