import crypto from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { QaTransaction, type NewQaEvent } from '../db/QaTransaction.js';
import { QuestionBanRepository, type QuestionBanRecord } from '../db/QuestionBanRepository.js';
import { banApplies, banExpiry, banScope, type Asker, type BanScope } from '../domain/qa/bans.js';
import { validateRejectReason } from '../domain/qa/contentRules.js';
import { authorize } from '../domain/qa/permissions.js';
import { applyQuestionCommand } from '../domain/qa/questionLifecycle.js';
import type { Actor } from '../domain/qa/types.js';
import { staffQuestionView } from '../domain/qa/views.js';
import { lockInterview } from './lockInterview.js';
import { QaBannedError } from './QaBannedError.js';
import { QaNotFoundError } from './QaNotFoundError.js';
import { questionEvents } from './qaEvents.js';

/** The body of POST /api/interviews/:id/bans: ban whoever asked that question. */
export interface BanRequest {
  questionId: string;
  scope: BanScope;
  reason: string;
  /** How many days the ban lasts; null or left out: until lifted. */
  days?: number | null;
}

/** A ban as staff see it: where it came from and why, never the hashes it holds. */
export interface StaffBan {
  id: string;
  questionId: string | null;
  nickname: string | null;
  reason: string;
  scope: BanScope;
  createdAt: string;
  expiresAt: string | null;
  /** The username of the moderator who made it; null once that user is deleted. */
  createdBy: string | null;
}

/**
 * The ban list (禁止提问): moderators ban the device and the address a question came from, and lift bans; asking
 * checks it. The asker's identity stays in the database: staff name a ban by its question and nickname only.
 */
export class BanService {
  readonly #dataSource: DataSource;
  readonly #logger: Logger;

  constructor(deps: { dataSource: DataSource; logger: Logger }) {
    this.#dataSource = deps.dataSource;
    this.#logger = deps.logger;
  }

  /** Throws QaBannedError when a ban stops this asker here now. */
  async assertMayAsk(asker: Asker, now: Date): Promise<void> {
    const bans = await new QuestionBanRepository(this.#dataSource.manager).naming(asker.deviceHash, asker.ipHash, now);
    if (bans.some((ban) => banApplies(ban, asker, now))) throw new QaBannedError();
  }

  /**
   * Bans the device and the address recorded with the question. A question still pending is rejected with the ban's
   * reason in the same transaction, as a moderator's reject would: it would otherwise wait in the queue for nothing.
   */
  async ban(interviewId: string, actor: Actor, request: BanRequest): Promise<StaffBan> {
    authorize(actor, 'ban.manage');
    const reason = validateRejectReason(request.reason);
    const now = new Date();
    const { record, seq } = await this.#dataSource.transaction(async (manager) => {
      const tx = new QaTransaction(manager);
      const bans = new QuestionBanRepository(manager);
      await lockInterview(tx, interviewId);
      const row = await tx.question(interviewId, request.questionId);
      if (!row) throw new QaNotFoundError('The question');
      const { deviceHash, ipHash, ...before } = row;
      const id = crypto.randomUUID();
      await bans.insert({
        id,
        interviewId: request.scope === 'all' ? null : interviewId,
        questionId: row.id,
        deviceHash,
        ipHash,
        reason,
        createdBy: actor.userId,
        createdAt: now,
        expiresAt: banExpiry(now, request.days ?? null),
      });
      const record = (await bans.find(interviewId, id))!;
      await tx.audit(interviewId, banAudit('ban.create', actor, null, record), now);
      const announced = await tx.appendEvents(interviewId, [banEvent(staffBanView(record))], now);
      if (before.status !== 'pending') return { record, seq: announced };
      const after = applyQuestionCommand(before, { type: 'reject', reason }, now);
      await tx.updateQuestion(after);
      await tx.audit(
        interviewId,
        {
          actorUserId: actor.userId,
          actorDeviceHash: null,
          action: 'question.reject',
          targetType: 'question',
          targetId: after.id,
          before: staffQuestionView(before),
          after: staffQuestionView(after),
        },
        now,
      );
      return { record, seq: await tx.appendEvents(interviewId, questionEvents(before, after, deviceHash), now) };
    });
    this.#logger.info({ interviewId, banId: record.id, questionId: request.questionId, scope: request.scope, userId: actor.userId, seq }, 'asker banned');
    return staffBanView(record);
  }

  /** The bans in force in the interview (its own and those of every interview), newest first; the actor's interview exists. */
  async list(interviewId: string, actor: Actor): Promise<StaffBan[]> {
    authorize(actor, 'ban.manage');
    const bans = new QuestionBanRepository(this.#dataSource.manager);
    return (await bans.list(interviewId, new Date())).map(staffBanView);
  }

  /** Lifts a ban that applies in the interview (a ban of every interview may be lifted from any of them). */
  async lift(interviewId: string, banId: string, actor: Actor): Promise<void> {
    authorize(actor, 'ban.manage');
    const now = new Date();
    const seq = await this.#dataSource.transaction(async (manager) => {
      const tx = new QaTransaction(manager);
      const bans = new QuestionBanRepository(manager);
      await lockInterview(tx, interviewId);
      const record = await bans.find(interviewId, banId);
      if (!record) throw new QaNotFoundError('The ban');
      await bans.delete(banId);
      await tx.audit(interviewId, banAudit('ban.delete', actor, record, null), now);
      return tx.appendEvents(interviewId, [banEvent({ id: banId, removed: true })], now);
    });
    this.#logger.info({ interviewId, banId, userId: actor.userId, seq }, 'ban lifted');
  }
}

export function staffBanView(record: QuestionBanRecord): StaffBan {
  return {
    id: record.id,
    questionId: record.questionId,
    nickname: record.nickname,
    reason: record.reason,
    scope: banScope(record),
    createdAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt?.toISOString() ?? null,
    createdBy: record.createdByUsername,
  };
}

/**
 * A ban made (its staff view) or lifted (`{ id, removed: true }`), for the interview's staff sockets only. A ban of
 * every interview is announced in the interview it was made or lifted from; desks of other interviews see it when
 * they next load the list.
 */
function banEvent(payload: StaffBan | { id: string; removed: true }): NewQaEvent {
  return { audience: 'staff', deviceHash: null, type: 'ban', payload };
}

function banAudit(action: string, actor: Actor, before: QuestionBanRecord | null, after: QuestionBanRecord | null) {
  return {
    actorUserId: actor.userId,
    actorDeviceHash: null,
    action,
    targetType: 'ban' as const,
    targetId: (after ?? before)!.id,
    before: before && staffBanView(before),
    after: after && staffBanView(after),
  };
}
