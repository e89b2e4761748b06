import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../server/http/openapi/apiRoutes.js';
import { serverMessage } from '../../server/realtime/socketMessages.js';
import type { ApiResponse, ApiSession } from '../helpers/ApiSession.js';
import { createInterview, createStaffUser, Netizen } from '../helpers/qaFixtures.js';
import { QaSocket } from '../helpers/QaSocket.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * The API document (/api/docs) against real traffic: a whole Q&A session through every Q&A route, each answer parsed
 * with the response schema the document publishes for that route, and every socket message with the published
 * socket message schemas. The schemas are strict: a field the server adds or drops fails here.
 */
let app: TestApp;
let admin: ApiSession;

beforeAll(async () => {
  app = await startTestApp();
  admin = await app.login();
});
afterAll(async () => {
  await app?.close();
});

/** The answer, after checking its status and parsing its body with the document's schema for the route. */
function documented(method: string, template: string, response: ApiResponse): any {
  const route = API_ROUTES.find((r) => r.method === method && r.path === template);
  if (!route) throw new Error(`${method} ${template} is not in the document`);
  expect(response.status, `${method} ${template}: ${JSON.stringify(response.body)}`).toBe(route.success.status);
  const schema = route.success.schema;
  if (!schema) throw new Error(`${method} ${template} has no response schema in the document`);
  const parsed = schema.safeParse(response.body);
  expect(parsed.error?.issues ?? [], `${method} ${template}`).toEqual([]);
  return response.body;
}

describe('the Q&A routes answer as the document says', () => {
  it('through a whole session, and the sockets send only documented messages', async () => {
    const id = await createInterview(admin, '文档核对');
    const base = `/api/interviews/${id}`;
    const asker = new Netizen(app.anonymous(), id);
    const staffSocket = await QaSocket.open(app.url, `${base}/staff-events`, { since: 0, headers: { Cookie: admin.cookie!, Origin: app.url } });
    const viewerSocket = await QaSocket.open(app.url, `/api/public/interviews/${id}/events`, { since: 0, deviceToken: asker.deviceToken });
    await Promise.all([staffSocket.synced(), viewerSocket.synced()]);

    const question = documented('post', '/api/public/interviews/{id}/questions', await asker.ask('文档里写的和服务器发的一致吗？'));
    documented('get', '/api/public/interviews/{id}/my-questions', await asker.myQuestions());
    const action = (body: object) => admin.post(`${base}/questions/${question.id}/actions`, body);
    documented('post', '/api/interviews/{id}/questions/{questionId}/actions', await action({ action: 'approve' }));
    documented('post', '/api/interviews/{id}/questions/{questionId}/actions', await action({ action: 'answering' }));
    documented('delete', '/api/interviews/{id}/answering', await admin.delete(`${base}/answering`));

    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#336699' } }).png().toBuffer();
    const uploaded = await fetch(`${app.url}${base}/images`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png', Cookie: admin.cookie!, Origin: app.url },
      body: new Uint8Array(png),
    });
    const image = documented('post', '/api/interviews/{id}/images', { status: uploaded.status, headers: uploaded.headers, body: await uploaded.json() });
    documented('post', '/api/interviews/{id}/posts', await admin.post(`${base}/posts`, { role: 'host', body: '主持人发言', imageIds: [image.id] }));
    const answer = documented(
      'post',
      '/api/interviews/{id}/posts',
      await admin.post(`${base}/posts`, { role: 'guest', guestIndex: 0, body: '嘉宾回答', questionId: question.id }),
    );
    documented('post', '/api/interviews/{id}/posts/{postId}/actions', await admin.post(`${base}/posts/${answer.id}/actions`, { action: 'approve' }));

    documented('get', '/api/interviews/{id}/review-settings', await admin.get(`${base}/review-settings`));
    const other = (await new Netizen(app.anonymous(), id).ask('这条会被禁止提问的问题')).body;
    const ban = documented('post', '/api/interviews/{id}/bans', await admin.post(`${base}/bans`, { questionId: other.id, scope: 'interview', reason: '重复提问', days: 1 }));
    documented('get', '/api/interviews/{id}/bans', await admin.get(`${base}/bans`));
    expect((await admin.delete(`${base}/bans/${ban.id}`)).status).toBe(204);
    const changedMind = new Netizen(app.anonymous(), id);
    const withdrawn = (await changedMind.ask('我要撤回的这个问题')).body;
    documented('delete', '/api/public/interviews/{id}/my-questions/{questionId}', await changedMind.withdraw(withdrawn.id));
    // Last, as it closes the question window.
    documented('put', '/api/interviews/{id}/review-settings', await admin.request('PUT', `${base}/review-settings`, { json: { questionsOpen: false } }));

    const member = await createStaffUser(app, 'documented-moderator');
    documented('put', '/api/interviews/{id}/members/{userId}', await admin.request('PUT', `${base}/members/${member.id}`, { json: { roles: ['moderator'] } }));
    documented('get', '/api/interviews/{id}/members', await admin.get(`${base}/members`));
    documented('delete', '/api/interviews/{id}/members/{userId}', await admin.delete(`${base}/members/${member.id}`));
    documented('get', '/api/interviews/{id}/audit', await admin.get(`${base}/audit`));
    documented('get', '/api/interviews/{id}/qa', await admin.get(`${base}/qa`));
    const publicQa = documented('get', '/api/public/interviews/{id}/qa', await app.anonymous().get(`/api/public/interviews/${id}/qa`));

    // Every kind of event reached the staff socket; the viewer got the public and its device's own.
    const lastSeq = (await admin.get(`${base}/qa`)).body.seq as number;
    await staffSocket.waitForSeq(lastSeq);
    await viewerSocket.waitFor((m) => m.type === 'qa' && m.event === 'settings', 'the closed question window');
    expect(publicQa.posts.map((p: { id: string }) => p.id)).toContain(answer.id);
    expect(new Set(staffSocket.qa.map((m) => m.event))).toEqual(new Set(['question', 'post', 'answering', 'settings', 'ban']));
    expect(new Set(viewerSocket.qa.map((m) => m.audience))).toEqual(new Set(['public', 'device']));
    for (const message of [...staffSocket.messages, ...viewerSocket.messages]) {
      const parsed = serverMessage.safeParse(message);
      expect(parsed.error?.issues ?? [], JSON.stringify(message)).toEqual([]);
    }
    await Promise.all([staffSocket.close(), viewerSocket.close()]);
  });
});

describe('GET /api/docs for the Q&A', () => {
  it('gives every Q&A answer a schema, every reference a component, and lists the sockets with their messages', async () => {
    const document = (await app.anonymous().get('/api/docs')).body;
    const qaTags = new Set(['questions', 'posts', 'moderation', 'members']);
    const qaRoutes = API_ROUTES.filter((r) => (qaTags.has(r.tag) || r.path.endsWith('/qa')) && r.success.status !== 204);
    expect(qaRoutes.length).toBeGreaterThanOrEqual(18);
    for (const route of qaRoutes) {
      const answer = document.paths[route.path][route.method].responses[route.success.status];
      expect(answer.content['application/json'].schema, `${route.method} ${route.path}`).toBeDefined();
    }
    const text = JSON.stringify(document);
    const refs = new Set([...text.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!));
    expect([...refs].filter((ref) => !(ref in document.components.schemas))).toEqual([]);
    expect(text).not.toContain('$defs');
    expect(document.paths['/api/public/interviews/{id}/qa'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/PublicQa',
    });

    expect(document['x-websockets'].map((s: { path: string }) => s.path)).toEqual([
      '/api/public/interviews/{id}/events',
      '/api/interviews/{id}/staff-events',
    ]);
    for (const socket of document['x-websockets']) {
      expect(socket.messagesIn).toEqual([{ $ref: '#/components/schemas/SocketHello' }]);
      expect(socket.messagesOut.map((m: { $ref: string }) => m.$ref.split('/').pop())).toEqual([
        'SocketInterview',
        'SocketQaEvent',
        'SocketQaSynced',
        'SocketViewers',
      ]);
      expect(Object.keys(socket.closeCodes)).toEqual(['1001', '1011', '4400', '4404']);
    }
    expect(document.info.description).toContain('/api/public/interviews/{id}/events');
  });
});
