import type { editingMessages as zh } from '../zh-CN/editing.js';

// Strings of recordings, replay chapters and the clip editor, in English: the same keys as ../zh-CN/editing.ts.
export const editingMessages: Record<keyof typeof zh, string> = {
};
