import { consoleMessages } from './en/console.js';
import { editingMessages } from './en/editing.js';
import { planMessages } from './en/plan.js';
import { productionMessages } from './en/production.js';
import { qaDesksMessages } from './en/qa-desks.js';
import { recordsMessages } from './en/records.js';
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
  records: recordsMessages,
  editing: editingMessages,
} as const;

export const en: Messages = Object.assign({}, ...Object.values(catalogueParts));
