import express from 'express';
import type { OutboxMail } from '../db/MailOutboxRepository.js';
import { authorizePlan } from '../domain/plan/planPermissions.js';
import type { PlanServices } from '../plan/PlanServices.js';
import { HttpError, NotFoundError } from './httpErrors.js';
import { loadPlanActor, planActor, planErrors } from './planErrors.js';
import { parseId } from './validate.js';

/** The newest mails the outbox page lists. */
const OUTBOX_PAGE = 100;

/** The e-mail outbox for the office (邮件发送); mounted at /api/mail behind requireUser. */
export function mailRouter(plan: PlanServices): express.Router {
  const router = express.Router();
  router.use(loadPlanActor(plan));
  router.use((_req, res, next) => {
    authorizePlan(planActor(res.locals), 'mail.outbox');
    next();
  });

  router.get('/outbox', async (_req, res) => {
    const { counts, mails } = await plan.outbox.overview(OUTBOX_PAGE);
    res.json({ enabled: plan.mail !== null, counts, mails: mails.map(outboxJson) });
  });

  router.post('/outbox/:id/retry', async (req, res) => {
    const id = parseId(req.params.id, 'The e-mail');
    const mail = await plan.outbox.get(id);
    if (!mail) throw new NotFoundError('The e-mail');
    if (!plan.mail) throw new HttpError(409, 'mail_not_configured', 'E-mail is off: set smtpHost and smtpFrom (docs/configuration.md) and restart.');
    if (!(await plan.outbox.requeue(id))) {
      throw new HttpError(409, 'mail_not_failed', 'Only an e-mail that failed can be sent again; this one is queued or sent.');
    }
    plan.mail.outbox.wake();
    res.status(204).end();
  });

  router.use(planErrors);
  return router;
}

function outboxJson(mail: OutboxMail) {
  return {
    id: mail.id,
    kind: mail.kind,
    to: mail.to,
    subject: mail.subject,
    status: mail.status,
    attempts: mail.attempts,
    lastError: mail.lastError,
    nextAttemptAt: mail.status === 'queued' ? mail.nextAttemptAt.toISOString() : null,
    createdAt: mail.createdAt.toISOString(),
    sentAt: mail.sentAt?.toISOString() ?? null,
  };
}
