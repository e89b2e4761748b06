import { en } from './en.js';
import { addMessages } from './index.js';
import { zhCN } from './zh-CN.js';

// Imported for its effect by the console's entry: every part's strings, in both languages (see catalogues in
// ./index.ts for why the public entry does without).
addMessages('zh-CN', zhCN);
addMessages('en', en);
