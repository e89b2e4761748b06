import { consoleMessages } from './zh-CN/console.js';
import { editingMessages } from './zh-CN/editing.js';
import { planMessages } from './zh-CN/plan.js';
import { productionMessages } from './zh-CN/production.js';
import { qaDesksMessages } from './zh-CN/qa-desks.js';
import { recordsMessages } from './zh-CN/records.js';
import { studioMessages } from './zh-CN/studio.js';
import { viewerMessages } from './zh-CN/viewer.js';

/**
 * The default catalogue: every UI string of the web components, in Simplified Chinese, composed of one file per
 * part of the product under ./zh-CN/ (en.ts mirrors it). Placeholders look like {name}. A key must be unique across
 * the parts; a unit test checks it.
 */
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

export const zhCN = {
  ...viewerMessages,
  ...studioMessages,
  ...consoleMessages,
  ...qaDesksMessages,
  ...planMessages,
  ...productionMessages,
  ...recordsMessages,
  ...editingMessages,
};

export type MessageKey = keyof typeof zhCN;
/** A catalogue: every key of the default one, each a string. */
export type Messages = Record<MessageKey, string>;
