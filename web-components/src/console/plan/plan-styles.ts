import { css } from 'lit';

/** The yearly workflow's pages: state badges, the checklist, and the plan's print layout. */
export const planStyles = css`
  .error {
    color: #8b0000;
    font-weight: bold;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em 1.2em;
  }
  .checks label {
    font-weight: normal;
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 44px;
  }
  input[type='checkbox'] {
    width: 1.3em;
    height: 1.3em;
  }
  .state-overdue {
    color: #8b0000;
    font-weight: bold;
  }
  .state-done {
    color: #1d5e20;
  }
  /* A wide table scrolls inside its own box on a narrow screen (large text), reachable by keyboard. */
  .table-scroll {
    overflow-x: auto;
  }
  .notice-unread {
    border-left: 4px solid var(--oi-accent, #a8141c);
    padding: 0.5em 0.8em;
    background: #fff4f4;
  }
  textarea {
    min-height: 5em;
  }
  @media print {
    .no-print,
    form,
    button {
      display: none !important;
    }
    table {
      font-size: 12pt;
    }
    th,
    td {
      border: 1px solid #000;
    }
    h1 {
      text-align: center;
    }
  }
`;
