import type { LockedInterview, QaTransaction } from '../db/QaTransaction.js';
import { QaNotFoundError } from './QaNotFoundError.js';

/** The first step of every Q&A change: lock the interview (serialising its changes), or 404 when it does not exist. */
export async function lockInterview(tx: QaTransaction, interviewId: string): Promise<LockedInterview> {
  const interview = await tx.lockInterview(interviewId);
  if (!interview) throw new QaNotFoundError('The interview');
  return interview;
}
