import type { InterviewStatus } from './Interview.js';

/** A status change the interview lifecycle does not allow (e.g. back to scheduled once on air, see interviewLifecycle.ts). */
export class InvalidStatusTransitionError extends Error {
  readonly code = 'invalid_status_transition';

  constructor(
    readonly from: InterviewStatus,
    readonly to: InterviewStatus,
  ) {
    super(`An interview cannot go from ${from} to ${to}; reload it to see its current status and the moves it allows.`);
    this.name = 'InvalidStatusTransitionError';
  }
}
