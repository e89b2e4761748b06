import type { recordsMessages as zh } from '../zh-CN/records.js';

// Strings of the after-show records: transcript (文字实录), follow-ups, statistics, in English: the same keys as ../zh-CN/records.ts.
export const recordsMessages: Record<keyof typeof zh, string> = {
};
