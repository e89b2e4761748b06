import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSession } from '../helpers/ApiSession.js';
import { freePort } from '../helpers/freePort.js';
import { createAccount, createUnit } from '../helpers/planFixtures.js';
import { readMimeMessage } from '../helpers/readMimeMessage.js';
import { SmtpSink } from '../helpers/SmtpSink.js';
import { startTestApp, type TestApp } from '../helpers/startTestApp.js';

/**
 * E-mail reminders over a real SMTP conversation: the office reminds a unit that has not proposed; the in-app notice
 * goes out at once and an e-mail to each of the unit's proposers with an address waits in the outbox while the mail
 * server is down, is retried, and reaches the server once it is up — with its To, a Chinese subject encoded as
 * RFC 2047 words, and the office's message in the body.
 */
const YEAR = 2031;
let app: TestApp;
let admin: ApiSession;
let smtpPort: number;
const sink = new SmtpSink();

beforeAll(async () => {
  // Nothing listens on this port until the test starts the sink on it: the mail server is "down" at first.
  smtpPort = await freePort();
  app = await startTestApp({ smtpHost: '127.0.0.1', smtpPort, smtpFrom: '在线访谈 <zxft@example.gov.cn>', mailRetrySeconds: 1 });
  admin = await app.login();
});

afterAll(async () => {
  await app?.close();
  await sink.close();
});

function put(session: ApiSession, path: string, json: unknown) {
  return session.request('PUT', path, { json });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('reminders by e-mail', () => {
  it('queues the e-mail while the mail server is down, retries, and delivers it once it is up', async () => {
    const unit = await createUnit(admin, '县住建局');
    const proposer = await createAccount(app, admin, 'zjj-proposer', ['proposer'], unit);
    const noAddress = await createAccount(app, admin, 'zjj-proposer2', ['proposer'], unit);
    const reviewer = await createAccount(app, admin, 'zjj-reviewer', ['dept_reviewer'], unit);
    // The address is set on the account (as on 账号与单位); the reviewer's is set too but reviewers are not mailed.
    const set = await put(admin, `/api/users/${proposer.id}/assignment`, { organisationId: unit, roles: ['proposer'], email: 'wang@zjj.example.gov.cn' });
    expect(set.status).toBe(200);
    expect(set.body.email).toBe('wang@zjj.example.gov.cn');
    await put(admin, `/api/users/${reviewer.id}/assignment`, { organisationId: unit, roles: ['dept_reviewer'], email: 'li@zjj.example.gov.cn' });
    expect((await put(admin, `/api/users/${noAddress.id}/assignment`, { organisationId: unit, roles: ['proposer'], email: 'not an address' })).body.error).toMatchObject({
      code: 'invalid_request',
      field: 'email',
    });

    const message = '请于6月30日前报送2031年度在线访谈选题。';
    const reminded = await admin.post('/api/proposals/reminders', { year: YEAR, organisationIds: [unit], message });
    expect(reminded.status).toBe(200);
    expect(reminded.body).toEqual({ sent: 1, emailed: 1 });
    // The in-app notice does not wait for the mail server.
    expect((await reviewer.session.get('/api/notices')).body[0]).toMatchObject({ message });

    // The server refused the connection: the mail stays queued with the error, tried again after a wait.
    const failedTry = await until('a failed try in the outbox', async () => {
      const outbox = (await admin.get('/api/mail/outbox')).body;
      const mail = outbox.mails.find((m: any) => m.to === 'wang@zjj.example.gov.cn');
      return mail && mail.attempts >= 1 ? { outbox, mail } : undefined;
    });
    expect(failedTry.outbox.enabled).toBe(true);
    expect(failedTry.mail).toMatchObject({ kind: 'proposal_reminder', status: 'queued', subject: '【在线访谈】请报送2031年度访谈选题' });
    expect(failedTry.mail.lastError).toMatch(/ECONNREFUSED/);
    expect(sink.messages).toHaveLength(0);

    await sink.listen(smtpPort);
    const sent = await until('the e-mail sent', async () => {
      const mail = (await admin.get('/api/mail/outbox')).body.mails.find((m: any) => m.to === 'wang@zjj.example.gov.cn');
      return mail?.status === 'sent' ? mail : undefined;
    });
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(sent.lastError).toBeNull();
    expect(sent.sentAt).not.toBeNull();

    expect(sink.messages).toHaveLength(1);
    const [received] = sink.messages;
    expect(received!.from).toBe('zxft@example.gov.cn');
    expect(received!.to).toEqual(['wang@zjj.example.gov.cn']);
    // The subject travels as encoded words (headers are ASCII), and decodes to the Chinese text.
    expect(received!.data).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    const mail = readMimeMessage(received!.data);
    expect(mail.headers.get('to')).toBe('wang@zjj.example.gov.cn');
    expect(mail.headers.get('from')).toBe('在线访谈 <zxft@example.gov.cn>');
    expect(mail.headers.get('subject')).toBe('【在线访谈】请报送2031年度访谈选题');
    expect(mail.headers.get('content-type')).toMatch(/text\/plain; charset=utf-8/i);
    expect(mail.text).toContain('县住建局：');
    expect(mail.text).toContain(message);
    expect(mail.text).toContain(`${app.app.publicUrl}/console#/proposals`);
  });

  it('shows the outbox to the office only, and sends a failed mail again only when asked', async () => {
    const unit = await createUnit(admin, '县水利局');
    const proposer = await createAccount(app, admin, 'slj-proposer', ['proposer'], unit);
    const planner = await createAccount(app, admin, 'office-mail-planner', ['office_planner']);
    expect((await proposer.session.get('/api/mail/outbox')).status).toBe(403);
    const outbox = await planner.session.get('/api/mail/outbox');
    expect(outbox.status).toBe(200);
    expect(outbox.body.counts.sent).toBeGreaterThanOrEqual(1);
    const sentId = outbox.body.mails.find((m: any) => m.status === 'sent').id;
    expect((await planner.session.post(`/api/mail/outbox/${sentId}/retry`)).body.error.code).toBe('mail_not_failed');
    expect((await planner.session.post(`/api/mail/outbox/${crypto.randomUUID()}/retry`)).status).toBe(404);
  });
});

describe('without smtpHost', () => {
  it('reminds in the app only and says e-mail is off', async () => {
    const plain = await startTestApp();
    try {
      const office = await plain.login();
      const unit = await createUnit(office, '县林业局');
      const proposer = await createAccount(plain, office, 'lyj-proposer', ['proposer'], unit);
      await put(office, `/api/users/${proposer.id}/assignment`, { organisationId: unit, roles: ['proposer'], email: 'zhao@lyj.example.gov.cn' });
      expect((await office.post('/api/proposals/reminders', { year: YEAR, organisationIds: [unit], message: '请报送选题' })).body).toEqual({ sent: 1, emailed: 0 });
      expect((await office.get('/api/mail/outbox')).body).toEqual({ enabled: false, counts: { queued: 0, sent: 0, failed: 0 }, mails: [] });
      expect((await proposer.session.get('/api/notices')).body).toHaveLength(1);
    } finally {
      await plain.close();
    }
  });
});
