import type { Logger } from 'pino';
import type { QaRepository } from '../db/QaRepository.js';
import type { TranscriptInterview, TranscriptRepository } from '../db/TranscriptRepository.js';
import { isPublicStatus, type InterviewStatus } from '../domain/Interview.js';
import { buildTranscript } from '../domain/records/buildTranscript.js';
import { authorizeRecords, mayDoRecords, type RecordsActor } from '../domain/records/recordPermissions.js';
import { RecordsRuleError } from '../domain/records/RecordsRuleError.js';
import type { Transcript, TranscriptAction, TranscriptEntry } from '../domain/records/Transcript.js';
import { applyTranscriptCommand, checkEntryImages, type TranscriptCommand } from '../domain/records/transcriptLifecycle.js';
import type { ImageUrl } from '../qa/qaEvents.js';
import { QaNotFoundError } from '../qa/QaNotFoundError.js';
import { TranscriptNotPublishedError } from './TranscriptNotPublishedError.js';
import { publicTranscriptJson, staffEntryJson, type PublicTranscriptJson, type StaffTranscriptJson, type TranscriptImage } from './transcriptViews.js';

/** How many history lines the console shows. */
const HISTORY_SHOWN = 50;

/** A published transcript with what an export needs around it. */
export interface PublishedTranscript {
  title: string;
  department: string | null;
  startsAt: Date | null;
  publishedAt: Date;
  entries: TranscriptEntry[];
  images: ReadonlyMap<string, TranscriptImage>;
}

/** The 文字实录: built from the show, corrected and approved by the department's reviewer, published for portals. */
export class TranscriptService {
  readonly #transcripts: TranscriptRepository;
  readonly #qa: QaRepository;
  readonly #imageUrl: ImageUrl;
  readonly #logger: Logger;

  constructor(deps: { transcripts: TranscriptRepository; qa: QaRepository; imageUrl: ImageUrl; logger: Logger }) {
    this.#transcripts = deps.transcripts;
    this.#qa = deps.qa;
    this.#imageUrl = deps.imageUrl;
    this.#logger = deps.logger;
  }

  async staffView(interviewId: string, actor: RecordsActor): Promise<StaffTranscriptJson> {
    authorizeRecords(actor, 'transcript.read');
    const interview = await this.#transcripts.interview(interviewId);
    if (!interview) throw new QaNotFoundError('The interview');
    const [transcript, history, images] = await Promise.all([
      this.#transcripts.get(interviewId),
      this.#transcripts.revisions(interviewId, HISTORY_SHOWN),
      this.#images(interviewId),
    ]);
    return {
      interviewId,
      interviewTitle: interview.title,
      showOver: isShowOver(interview),
      transcript: transcript && {
        status: transcript.status,
        entries: transcript.entries.map((entry) => staffEntryJson(entry, images)),
        published: transcript.publishedEntries !== null,
        publishedAt: transcript.publishedAt?.toISOString() ?? null,
        builtAt: transcript.builtAt.toISOString(),
        updatedAt: transcript.updatedAt.toISOString(),
        approvedAt: transcript.approvedAt?.toISOString() ?? null,
      },
      history: history.map((line) => ({
        id: line.id,
        action: line.action,
        status: line.status,
        actorUsername: line.actorUsername,
        createdAt: line.createdAt.toISOString(),
      })),
      me: {
        canEdit: mayDoRecords(actor, 'transcript.edit'),
        canApprove: mayDoRecords(actor, 'transcript.approve'),
        canPublish: mayDoRecords(actor, 'transcript.publish'),
      },
    };
  }

  /** Builds (or rebuilds) the working copy from the show's approved posts and answered questions. */
  async build(interviewId: string, actor: RecordsActor): Promise<StaffTranscriptJson> {
    authorizeRecords(actor, 'transcript.edit');
    const snapshot = await this.#qa.snapshot(interviewId, { publicOnly: true });
    if (!snapshot) throw new QaNotFoundError('The interview');
    const entries = buildTranscript(snapshot);
    await this.#change(interviewId, actor, 'build', async (interview) => {
      if (!isShowOver(interview)) {
        throw new RecordsRuleError('show_not_over', 'The transcript is built after the show: end the interview first.');
      }
      return { type: 'build', entries };
    });
    return this.staffView(interviewId, actor);
  }

  async edit(interviewId: string, actor: RecordsActor, entries: TranscriptEntry[]): Promise<StaffTranscriptJson> {
    authorizeRecords(actor, 'transcript.edit');
    const allowed = new Set((await this.#transcripts.publishedImages(interviewId)).map((image) => image.id));
    checkEntryImages(entries, allowed);
    await this.#change(interviewId, actor, 'edit', async () => ({ type: 'edit', entries }));
    return this.staffView(interviewId, actor);
  }

  async act(interviewId: string, actor: RecordsActor, action: 'approve' | 'publish' | 'unpublish'): Promise<StaffTranscriptJson> {
    authorizeRecords(actor, action === 'approve' ? 'transcript.approve' : 'transcript.publish');
    await this.#change(interviewId, actor, action, async () => ({ type: action }));
    return this.staffView(interviewId, actor);
  }

  /** The published copy for everyone; TranscriptNotPublishedError for anything else (drafts included, as C1 asks). */
  async published(interviewId: string): Promise<PublishedTranscript> {
    const [interview, transcript] = await Promise.all([this.#transcripts.interview(interviewId), this.#transcripts.get(interviewId)]);
    if (!interview || !isPublicStatus(interview.status as InterviewStatus) || !transcript?.publishedEntries || !transcript.publishedAt) {
      throw new TranscriptNotPublishedError();
    }
    return {
      title: interview.title,
      department: interview.department,
      startsAt: interview.startsAt,
      publishedAt: transcript.publishedAt,
      entries: transcript.publishedEntries,
      images: await this.#images(interviewId),
    };
  }

  async publicJson(interviewId: string): Promise<PublicTranscriptJson> {
    const transcript = await this.published(interviewId);
    return publicTranscriptJson(transcript.publishedAt, transcript.entries, transcript.images);
  }

  async #images(interviewId: string): Promise<Map<string, TranscriptImage>> {
    const rows = await this.#transcripts.publishedImages(interviewId);
    return new Map(rows.map((row) => [row.id, { ...row, url: this.#imageUrl(row.path) }]));
  }

  async #change(
    interviewId: string,
    actor: RecordsActor,
    action: TranscriptAction,
    command: (interview: TranscriptInterview, current: Transcript | null) => Promise<TranscriptCommand>,
  ): Promise<void> {
    const now = new Date();
    const next = await this.#transcripts.change(interviewId, async (interview, current) => ({
      next: applyTranscriptCommand(current, await command(interview, current), actor.userId, now, interviewId),
      action,
      actorUserId: actor.userId,
      at: now,
    }));
    if (!next) throw new QaNotFoundError('The interview');
    this.#logger.info({ interviewId, action, status: next.status, entries: next.entries.length, userId: actor.userId }, `transcript ${action}`);
  }
}

function isShowOver(interview: TranscriptInterview): boolean {
  return (interview.status === 'ended' || interview.status === 'replay') && interview.endedAt !== null;
}
