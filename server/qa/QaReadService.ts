import type { QaRepository } from '../db/QaRepository.js';
import { authorize } from '../domain/qa/permissions.js';
import type { Actor, InterviewRole, ReviewSettings } from '../domain/qa/types.js';
import {
  publicPostView,
  publicQuestionView,
  staffPostView,
  staffQuestionView,
  type PublicPost,
  type PublicQuestion,
  type StaffPost,
  type StaffQuestion,
} from '../domain/qa/views.js';
import type { ImageUrl } from './qaEvents.js';
import { QaNotFoundError } from './QaNotFoundError.js';
import { requireInterviewStaff } from './requireInterviewStaff.js';

/** GET /api/public/interviews/:id/qa: what viewers see, and the seq to follow events from. */
export interface PublicQaJson {
  seq: number;
  questions: PublicQuestion[];
  posts: PublicPost[];
  answeringQuestionId: string | null;
  questionsOpen: boolean;
}

/** GET /api/interviews/:id/qa: the staff's whole view, and who is asking. */
export interface StaffQaJson {
  seq: number;
  questions: StaffQuestion[];
  posts: StaffPost[];
  settings: ReviewSettings;
  me: { roles: InterviewRole[]; guestIndex: number | null; admin: boolean };
}

/** An audit log entry as the console shows it; actorUserId and actorUsername are null for a netizen's own action. */
export interface AuditEntryJson {
  id: string;
  createdAt: string;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

/** How many audit entries one request returns: a show's whole log, several times over. */
const AUDIT_LIMIT = 1000;

/** The Q&A as a whole, for a page that loads (then follows the events from `seq`). */
export class QaReadService {
  readonly #qa: QaRepository;
  readonly #imageUrl: ImageUrl;

  constructor(deps: { qa: QaRepository; imageUrl: ImageUrl }) {
    this.#qa = deps.qa;
    this.#imageUrl = deps.imageUrl;
  }

  async publicQa(interviewId: string): Promise<PublicQaJson> {
    const snapshot = await this.#qa.snapshot(interviewId, { publicOnly: true });
    if (!snapshot) throw new QaNotFoundError('The interview');
    const questions = snapshot.questions.flatMap((question) => publicQuestionView(question) ?? []);
    return {
      seq: snapshot.seq,
      questions,
      posts: snapshot.posts.flatMap((post) => publicPostView(post, this.#imageUrl) ?? []),
      answeringQuestionId: questions.find((question) => question.answering)?.id ?? null,
      questionsOpen: snapshot.settings.questionsOpen,
    };
  }

  async staffQa(interviewId: string, actor: Actor): Promise<StaffQaJson> {
    requireInterviewStaff(actor);
    const snapshot = await this.#qa.snapshot(interviewId, { publicOnly: false });
    if (!snapshot) throw new QaNotFoundError('The interview');
    return {
      seq: snapshot.seq,
      questions: snapshot.questions.map(staffQuestionView),
      posts: snapshot.posts.map((post) => staffPostView(post, this.#imageUrl)),
      settings: snapshot.settings,
      me: { roles: actor.roles, guestIndex: actor.guestIndex, admin: actor.admin },
    };
  }

  /** Newest first. */
  async auditLog(interviewId: string, actor: Actor): Promise<AuditEntryJson[]> {
    authorize(actor, 'audit.read');
    const entries = await this.#qa.auditLog(interviewId, AUDIT_LIMIT);
    return entries.map((entry) => ({
      id: entry.id,
      createdAt: entry.createdAt.toISOString(),
      actorUserId: entry.actorUserId,
      actorUsername: entry.actorUsername,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: entry.before,
      after: entry.after,
    }));
  }
}
