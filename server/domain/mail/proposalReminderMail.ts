/** An e-mail as the outbox holds it: plain text, one recipient. */
export interface OutgoingMail {
  /** What caused it, for the outbox page and the logs ('proposal_reminder'). */
  kind: string;
  to: string;
  userId: string | null;
  subject: string;
  body: string;
}

/**
 * The office's reminder to a unit that has not proposed a topic this year, as an e-mail to one of the unit's
 * proposers: the office's own words, then where to answer (the console's 选题征集 page). Chinese only: the column
 * and its units work in Chinese, and the console link opens in the reader's own language.
 */
export function proposalReminderMail(input: {
  to: string;
  userId: string;
  unitName: string;
  year: number;
  message: string;
  consoleUrl: string;
}): OutgoingMail {
  return {
    kind: 'proposal_reminder',
    to: input.to,
    userId: input.userId,
    subject: `【在线访谈】请报送${input.year}年度访谈选题`,
    body: [
      `${input.unitName}：`,
      '',
      input.message,
      '',
      `请登录在线访谈管理平台，在"选题征集"中填写并提交《意见建议征集表》：`,
      `${input.consoleUrl}#/proposals`,
      '',
      '（本邮件由在线访谈平台自动发送，请勿直接回复。）',
    ].join('\n'),
  };
}
