import { css } from 'lit';

/** Layout shared by the console views: tables, forms, panels. */
export const consoleStyles = css`
  table {
    width: 100%;
    border-collapse: collapse;
    margin: 0.5em 0 1.5em;
  }
  caption {
    text-align: left;
    font-weight: bold;
    padding: 0.3em 0;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.5em;
    border: 1px solid var(--oi-border, #c4c4c4);
  }
  th {
    background: #f1f1f1;
  }
  code {
    word-break: break-all;
    font-size: 0.95em;
  }
  form,
  .panel {
    border: 1px solid var(--oi-border, #c4c4c4);
    border-radius: var(--oi-radius, 4px);
    padding: 1em;
    margin: 1em 0;
    background: var(--oi-surface, #fff);
  }
  .field {
    display: flex;
    flex-direction: column;
    margin-bottom: 0.8em;
    max-width: 36em;
  }
  label {
    font-weight: bold;
    margin-bottom: 0.2em;
  }
  fieldset {
    border: 1px solid var(--oi-border, #c4c4c4);
    margin: 0 0 1em;
    padding: 0.5em 1em 1em;
  }
  legend {
    font-weight: bold;
    padding: 0 0.3em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: flex-end;
  }
  .row .field {
    flex: 1 1 12em;
    margin-bottom: 0.5em;
  }
  .row > button {
    margin-bottom: 0.5em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    margin: 0.5em 0;
  }
  .status-live {
    color: var(--oi-live, var(--oi-accent, #a8141c));
    font-weight: bold;
  }
  .warning {
    padding: 0.5em 0.8em;
    border-left: 4px solid #8a5a00;
    background: #fff7e0;
    color: #4d3200;
  }
  summary {
    min-height: 44px;
    padding: 0.5em 0;
    cursor: pointer;
    font-weight: bold;
  }
  .link-button {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }
`;
