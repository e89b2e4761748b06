// Entry of /assets/console.js: importing it defines <oi-console> and the elements it routes to.
import '../i18n/all.js';
export { OiConsole } from './oi-console.js';
