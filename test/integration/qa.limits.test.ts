import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { createInterview, Netizen, questionAction } from '../helpers/qaFixtures.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';

/** The guards on netizens' questions: the operator's sensitive-word list, and the per-address rate limit. */
let app: TestApp;
let admin: ApiSession;
let listDir: string;

beforeAll(async () => {
  listDir = makeTempDir('words');
  const list = path.join(listDir, 'words.txt');
  fs.writeFileSync(list, '# 本县的敏感词表\n违禁词语\n');
  app = await startTestApp({ sensitiveWordsFile: list });
  admin = await app.login();
});
afterAll(async () => {
  await app?.close();
  removeTempDir(listDir);
});

describe('sensitive words', () => {
  it('holds a question with a listed word for a moderator even when questions are not reviewed, flagged', async () => {
    const id = await createInterview(admin, '敏感词');
    await admin.request('PUT', `/api/interviews/${id}/review-settings`, { json: { reviewQuestions: false } });
    const held = await new Netizen(app.anonymous(), id).ask('这里有个违 禁 词 语吗');
    expect(held.body.status).toBe('pending');
    expect((await admin.get(`/api/interviews/${id}/qa`)).body.questions).toEqual([expect.objectContaining({ id: held.body.id, flagged: true })]);
    // The shipped sample's words are not in this operator's list.
    expect((await new Netizen(app.anonymous(), id).ask('傻瓜这个词不在本县词表里')).body.status).toBe('approved');
  });

  it('rejects it outright, with the reason shown to the asker, when the interview says so', async () => {
    const id = await createInterview(admin, '敏感词拒绝');
    await admin.request('PUT', `/api/interviews/${id}/review-settings`, { json: { sensitiveWordAction: 'reject' } });
    const rejected = await new Netizen(app.anonymous(), id).ask('违禁词语出现在问题里');
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '含不文明用语' });
    const later = await questionAction(admin, id, rejected.body.id, { action: 'approve' });
    expect(later.body.error.code).toBe('question_final');
  });

  it('refuses to start without a readable list', async () => {
    await expect(startTestApp({ sensitiveWordsFile: path.join(listDir, 'missing.txt') })).rejects.toMatchObject({
      code: 'invalid_config',
      message: expect.stringContaining('sensitiveWordsFile (OI_SENSITIVE_WORDS_FILE): cannot read'),
    });
  });
});

describe('rate limits', () => {
  it('takes 30 questions an hour from one address, then answers 429 with Retry-After', async () => {
    const id = await createInterview(admin, '地址限流');
    // Every question from a new device, so only the per-address limit can refuse; other tests here asked some too.
    let accepted = 0;
    let refused = await new Netizen(app.anonymous(), id).ask('同一地址的问题');
    while (refused.status === 201 && accepted < 30) {
      accepted++;
      refused = await new Netizen(app.anonymous(), id).ask(`同一地址的第${accepted + 1}个问题`);
    }
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    // An hour's window, not a device's 30 s.
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
  });
});
