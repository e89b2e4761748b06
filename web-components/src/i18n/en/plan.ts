import type { planMessages as zh } from '../zh-CN/plan.js';

// Strings of the yearly workflow: proposals, the annual plan, checklists, transcripts, follow-ups, statistics, in English: the same keys as ../zh-CN/plan.ts.
export const planMessages: Record<keyof typeof zh, string> = {
};
