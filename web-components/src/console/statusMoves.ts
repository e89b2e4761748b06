import type { InterviewStatus } from '../api/types.js';
import type { MessageKey } from '../i18n/index.js';

/** How the console names a status move: the button, and the confirmation's question and explanation. */
export interface StatusMove {
  label: MessageKey;
  body: MessageKey;
  /** Moves that stop or hide something viewers see get a red confirm button. */
  danger: boolean;
}

/** Every move the server's lifecycle allows staff (server/domain/interviewLifecycle.ts), by "from>to". */
const MOVES: Record<string, StatusMove> = {
  'draft>scheduled': { label: 'moveAnnounce', body: 'moveAnnounceBody', danger: false },
  'scheduled>draft': { label: 'moveWithdraw', body: 'moveWithdrawBody', danger: true },
  'scheduled>live': { label: 'moveGoLive', body: 'moveGoLiveBody', danger: false },
  'scheduled>ended': { label: 'moveCallOff', body: 'moveCallOffBody', danger: true },
  'live>ended': { label: 'moveEnd', body: 'moveEndBody', danger: true },
  'ended>live': { label: 'moveResume', body: 'moveResumeBody', danger: false },
  'ended>replay': { label: 'movePublishReplay', body: 'movePublishReplayBody', danger: false },
  'replay>ended': { label: 'moveWithdrawReplay', body: 'moveWithdrawReplayBody', danger: true },
};

export function statusMove(from: InterviewStatus, to: InterviewStatus): StatusMove | null {
  return MOVES[`${from}>${to}`] ?? null;
}
