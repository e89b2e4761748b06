import { consoleMessages } from './en/console.js';
import { planMessages } from './en/plan.js';
import { productionMessages } from './en/production.js';
import { qaDesksMessages } from './en/qa-desks.js';
import { studioMessages } from './en/studio.js';
import { viewerMessages } from './en/viewer.js';
import type { Messages } from './zh-CN.js';

/** The English catalogue, composed of the same parts as zh-CN.ts (each part typed against its Chinese twin). */
export const catalogueParts = {
  viewer: viewerMessages,
  studio: studioMessages,
  console: consoleMessages,
  qaDesks: qaDesksMessages,
  plan: planMessages,
  production: productionMessages,
} as const;

export const en: Messages = Object.assign({}, ...Object.values(catalogueParts));
