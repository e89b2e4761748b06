import type { productionMessages as zh } from '../zh-CN/production.js';

// Strings of studio production: director, overlays, recordings, replay chapters, clip editor, in English: the same keys as ../zh-CN/production.ts.
export const productionMessages: Record<keyof typeof zh, string> = {
};
