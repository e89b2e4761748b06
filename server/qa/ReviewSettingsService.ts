import type { Logger } from 'pino';
import type { QaRepository } from '../db/QaRepository.js';
import { authorize } from '../domain/qa/permissions.js';
import type { Actor, ReviewSettings } from '../domain/qa/types.js';
import { lockInterview } from './lockInterview.js';
import { QaNotFoundError } from './QaNotFoundError.js';
import { settingsEvents } from './qaEvents.js';
import { requireInterviewStaff } from './requireInterviewStaff.js';

/** An interview's review settings (审核把关) and its question window. */
export class ReviewSettingsService {
  readonly #qa: QaRepository;
  readonly #logger: Logger;

  constructor(deps: { qa: QaRepository; logger: Logger }) {
    this.#qa = deps.qa;
    this.#logger = deps.logger;
  }

  async get(interviewId: string, actor: Actor): Promise<ReviewSettings> {
    requireInterviewStaff(actor);
    const settings = await this.#qa.settings(interviewId);
    if (!settings) throw new QaNotFoundError('The interview');
    return settings;
  }

  /** Changes the settings given; those left out keep their value. Answers the settings as they now are. */
  async put(interviewId: string, actor: Actor, changes: Partial<ReviewSettings>): Promise<ReviewSettings> {
    authorize(actor, 'settings.edit');
    const now = new Date();
    const { settings, seq } = await this.#qa.change(async (tx) => {
      await lockInterview(tx, interviewId);
      const before = await tx.settings(interviewId);
      const after: ReviewSettings = { ...before, ...changes };
      if (JSON.stringify(before) === JSON.stringify(after)) return { settings: before, seq: null };
      await tx.putSettings(interviewId, after, now);
      await tx.audit(
        interviewId,
        { actorUserId: actor.userId, actorDeviceHash: null, action: 'settings.edit', targetType: 'settings', targetId: interviewId, before, after },
        now,
      );
      return { settings: after, seq: await tx.appendEvents(interviewId, settingsEvents(before, after), now) };
    });
    if (seq !== null) this.#logger.info({ interviewId, settings, userId: actor.userId, seq }, 'review settings changed');
    return settings;
  }
}
