import type { Logger } from 'pino';
import type { FollowUpDetail, FollowUpRepository } from '../db/FollowUpRepository.js';
import type { TranscriptRepository } from '../db/TranscriptRepository.js';
import { isPublicStatus, type InterviewStatus } from '../domain/Interview.js';
import { chinaDate, endOfChinaDate } from '../domain/records/calendarDates.js';
import { applyFollowUpCommand, daysOverdue, followUpDueDate, isOverdue, newFollowUp, type FollowUpCommand } from '../domain/records/followUpRules.js';
import { authorizeOfficeRecords, authorizeRecords, mayDoRecords, type OfficeUser, type RecordsActor } from '../domain/records/recordPermissions.js';
import type { WorkCalendar } from '../domain/records/WorkCalendar.js';
import { QaNotFoundError } from '../qa/QaNotFoundError.js';

/** A follow-up as the console shows it. */
export interface StaffFollowUpJson {
  questionId: string;
  interviewId: string;
  interviewTitle: string;
  department: string | null;
  nickname: string;
  question: string;
  askedAt: string;
  dueDate: string;
  /** When the deadline passes (the end of the due day in China). */
  dueAt: string;
  status: FollowUpDetail['status'];
  overdue: boolean;
  daysOverdue: number;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  rejectReason: string | null;
  publishedAt: string | null;
}

/** A published follow-up for portals: GET /api/public/interviews/:id/follow-ups. */
export interface PublicFollowUpJson {
  questionId: string;
  nickname: string;
  question: string;
  askedAt: string;
  answer: string;
  publishedAt: string;
}

/**
 * Follow-ups (会后答复): every question approved but not answered live gets one once its show is over, due the
 * configured number of working days after the show's day. They are made when anyone looks (the interview's list,
 * the office's overdue list, the statistics, the public page), not by a timer: the deadline depends only on when the
 * show ended, so a follow-up made late has the same due date, and nothing is missed while the server was down.
 */
export class FollowUpService {
  readonly #followUps: FollowUpRepository;
  readonly #transcripts: TranscriptRepository;
  readonly #calendar: WorkCalendar;
  readonly #workingDays: number;
  readonly #logger: Logger;

  constructor(deps: { followUps: FollowUpRepository; transcripts: TranscriptRepository; calendar: WorkCalendar; workingDays: number; logger: Logger }) {
    this.#followUps = deps.followUps;
    this.#transcripts = deps.transcripts;
    this.#calendar = deps.calendar;
    this.#workingDays = deps.workingDays;
    this.#logger = deps.logger;
  }

  /** Makes the missing follow-ups of one interview, or of all (null). */
  async ensure(interviewId: string | null, now = new Date()): Promise<void> {
    const candidates = await this.#followUps.candidates(interviewId);
    if (candidates.length === 0) return;
    await this.#followUps.insertNew(
      candidates.map((c) => newFollowUp({ questionId: c.questionId, interviewId: c.interviewId, dueDate: followUpDueDate(c.endedAt, this.#calendar, this.#workingDays) }, now)),
    );
    this.#logger.info({ interviewId, count: candidates.length }, 'follow-ups opened for questions not answered live');
  }

  async list(interviewId: string, actor: RecordsActor): Promise<{ followUps: StaffFollowUpJson[]; me: { canAnswer: boolean; canReview: boolean } }> {
    authorizeRecords(actor, 'followUp.read');
    await this.ensure(interviewId);
    const now = new Date();
    return {
      followUps: (await this.#followUps.list(interviewId)).map((f) => staffJson(f, now)),
      me: { canAnswer: mayDoRecords(actor, 'followUp.answer'), canReview: mayDoRecords(actor, 'followUp.review') },
    };
  }

  async act(interviewId: string, questionId: string, actor: RecordsActor, command: FollowUpCommand): Promise<StaffFollowUpJson> {
    authorizeRecords(actor, command.type === 'answer' ? 'followUp.answer' : 'followUp.review');
    await this.ensure(interviewId);
    const now = new Date();
    const next = await this.#followUps.change(interviewId, questionId, (current) => applyFollowUpCommand(current, command, actor.userId, now));
    if (!next) throw new QaNotFoundError('The follow-up');
    this.#logger.info({ interviewId, questionId, action: command.type, status: next.status, userId: actor.userId }, `follow-up ${command.type}`);
    const detail = await this.#followUps.detail(questionId);
    return staffJson(detail!, now);
  }

  /** The office's list: every unpublished follow-up past its due date, most overdue first. */
  async overdue(user: OfficeUser): Promise<StaffFollowUpJson[]> {
    authorizeOfficeRecords(user);
    await this.ensure(null);
    const now = new Date();
    // Due yesterday (China) or earlier: today's are not late until the day is over.
    const rows = await this.#followUps.dueBy(chinaDate(new Date(now.getTime() - 86_400_000)));
    return rows.filter((f) => isOverdue(f, now)).map((f) => staffJson(f, now));
  }

  /** What portals show under the interview: the published answers, oldest question first. */
  async published(interviewId: string): Promise<PublicFollowUpJson[] | null> {
    const interview = await this.#transcripts.interview(interviewId);
    if (!interview || !isPublicStatus(interview.status as InterviewStatus)) return null;
    return (await this.#followUps.list(interviewId))
      .filter((f) => f.status === 'published' && f.answer !== null && f.publishedAt !== null)
      .map((f) => ({
        questionId: f.questionId,
        nickname: f.nickname,
        question: f.question,
        askedAt: f.questionCreatedAt.toISOString(),
        answer: f.answer!,
        publishedAt: f.publishedAt!.toISOString(),
      }));
  }
}

function staffJson(f: FollowUpDetail, now: Date): StaffFollowUpJson {
  return {
    questionId: f.questionId,
    interviewId: f.interviewId,
    interviewTitle: f.interviewTitle,
    department: f.department,
    nickname: f.nickname,
    question: f.question,
    askedAt: f.questionCreatedAt.toISOString(),
    dueDate: f.dueDate,
    dueAt: endOfChinaDate(f.dueDate).toISOString(),
    status: f.status,
    overdue: isOverdue(f, now),
    daysOverdue: daysOverdue(f, now),
    answer: f.answer,
    answeredBy: f.answeredByUsername,
    answeredAt: f.answeredAt?.toISOString() ?? null,
    rejectReason: f.rejectReason,
    publishedAt: f.publishedAt?.toISOString() ?? null,
  };
}
