// Entry of /assets/console.js: importing it defines <oi-console> and the elements it routes to.
export { OiConsole } from './oi-console.js';
