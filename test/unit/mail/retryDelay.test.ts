import { describe, expect, it } from 'vitest';
import { MAX_MAIL_ATTEMPTS, MAX_RETRY_DELAY_MS, retryDelay } from '../../../server/domain/mail/retryDelay.js';
import { proposalReminderMail } from '../../../server/domain/mail/proposalReminderMail.js';

describe('retryDelay', () => {
  it('doubles from the base after each failed try, up to an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 60_000))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelay(8, 60_000)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('gives up after the last try', () => {
    expect(retryDelay(MAX_MAIL_ATTEMPTS - 1, 1000)).not.toBeNull();
    expect(retryDelay(MAX_MAIL_ATTEMPTS, 1000)).toBeNull();
  });
});

describe('proposalReminderMail', () => {
  it("carries the office's words, the unit and the link to 选题征集", () => {
    const mail = proposalReminderMail({ to: 'a@b.cn', userId: 'u1', unitName: '城关镇', year: 2027, message: '请尽快报送', consoleUrl: 'https://zxft.example.gov.cn/console' });
    expect(mail).toMatchObject({ kind: 'proposal_reminder', to: 'a@b.cn', userId: 'u1', subject: '【在线访谈】请报送2027年度访谈选题' });
    expect(mail.body.split('\n')).toEqual(expect.arrayContaining(['城关镇：', '请尽快报送', 'https://zxft.example.gov.cn/console#/proposals']));
  });
});
