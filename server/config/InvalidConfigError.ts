/** One problem with one setting, named both ways so the operator finds it in the file or the environment. */
export interface ConfigProblem {
  setting: string;
  env: string | null;
  message: string;
}

/** Thrown at start when a setting is invalid; the message lists every bad setting and what to do. */
export class InvalidConfigError extends Error {
  readonly code = 'invalid_config';
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(
      'Invalid configuration:\n' +
        problems
          .map((p) => `  - ${p.setting}${p.env ? ` (${p.env})` : ''}: ${p.message}`)
          .join('\n'),
    );
    this.name = 'InvalidConfigError';
    this.problems = problems;
  }
}
