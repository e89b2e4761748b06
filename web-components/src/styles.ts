import { css } from 'lit';

/**
 * Styles shared by every element. Theming goes through CSS custom properties that inherit through the shadow
 * boundary, so a portal can restyle the elements without reaching into them:
 *   --oi-accent (brand colour, white text on it must stay AA), --oi-accent-text, --oi-font-size, --oi-font-family,
 *   --oi-text, --oi-muted-text, --oi-bg, --oi-surface, --oi-border, --oi-focus, --oi-live, --oi-danger, --oi-radius.
 * Defaults meet WCAG AA contrast and the 适老化 rules (line height ≥ 1.3, 44px targets, visible focus).
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    color: var(--oi-text, #1a1a1a);
    font-family: var(
      --oi-font-family,
      system-ui,
      -apple-system,
      'PingFang SC',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      'Source Han Sans SC',
      sans-serif
    );
    font-size: var(--oi-font-size, 1rem);
    line-height: 1.6;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h1,
  h2,
  h3 {
    line-height: 1.35;
    margin: 0 0 0.5em;
  }
  a {
    color: var(--oi-link, #0b4f9c);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    line-height: 1.4;
  }
  button {
    min-height: 44px;
    min-width: 44px;
    padding: 0.4em 1.1em;
    border-radius: var(--oi-radius, 4px);
    border: 2px solid var(--oi-accent, #a8141c);
    background: var(--oi-accent, #a8141c);
    color: var(--oi-accent-text, #fff);
    cursor: pointer;
  }
  button.secondary {
    background: var(--oi-surface, #fff);
    color: var(--oi-accent, #a8141c);
  }
  button.danger {
    border-color: var(--oi-danger, #9b1c1c);
    background: var(--oi-danger, #9b1c1c);
  }
  button:disabled {
    cursor: not-allowed;
    border-color: #767676;
    background: #e6e6e6;
    color: #4a4a4a;
  }
  input,
  select {
    min-height: 44px;
    padding: 0.3em 0.6em;
    border: 1px solid #6b6b6b;
    border-radius: var(--oi-radius, 4px);
    background: #fff;
    color: #1a1a1a;
    max-width: 100%;
  }
  /* :focus rather than :focus-visible: older browsers lack it, and an always-visible ring helps older users. */
  a:focus,
  button:focus,
  input:focus,
  select:focus,
  video:focus,
  summary:focus,
  [tabindex]:focus {
    outline: 3px solid var(--oi-focus, #1a5fb4);
    outline-offset: 2px;
  }
  .error {
    margin: 0.5em 0;
    padding: 0.5em 0.8em;
    border-left: 4px solid var(--oi-danger, #9b1c1c);
    background: #fdf0f0;
    color: #7a1010;
  }
  /* Emptied rather than hidden: live regions must stay rendered to be announced when filled. */
  .error:empty {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
`;

/** The public elements' shared chrome: the header row, the status badges and the error line with its retry button. */
export const viewerChromeStyles = css`
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.7em;
    /* Invisible normally; forced colours and high contrast draw it, keeping the badge a box without backgrounds. */
    border: 1px solid transparent;
    border-radius: var(--oi-radius, 4px);
    font-weight: bold;
    background: #4a5563;
    color: #fff;
  }
  .badge.live {
    background: var(--oi-live, var(--oi-accent, #a8141c));
  }
  .badge.scheduled {
    background: var(--oi-scheduled, #0b5e3a);
  }
  .high-contrast .badge {
    border-color: #000;
  }
  .error-box {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .error-box .error {
    flex: 1 1 16em;
  }
`;
