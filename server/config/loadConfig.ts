import fs from 'node:fs';
import { configSchema, SETTING_ENV, SETTING_ENV_KIND, type Config, type SettingName } from './Config.js';
import { InvalidConfigError, type ConfigProblem } from './InvalidConfigError.js';

const CONFIG_FILE_ENV = 'OI_CONFIG';

/**
 * Reads the settings: defaults, then the JSON file named by OI_CONFIG, then environment variables (which win).
 * Throws InvalidConfigError naming every bad setting, so a misconfigured server never starts half-working.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: ConfigProblem[] = [];
  const raw: Record<string, unknown> = { ...readConfigFile(env[CONFIG_FILE_ENV], problems) };

  for (const [setting, envName] of Object.entries(SETTING_ENV) as [SettingName, string][]) {
    const text = env[envName];
    // An empty variable means "unset": shells and compose files often export blanks.
    if (text === undefined || text.trim() === '') continue;
    const value = fromEnvText(text, SETTING_ENV_KIND[setting]);
    if (value instanceof Error) {
      problems.push({ setting, env: envName, message: value.message });
    } else {
      raw[setting] = value;
    }
  }

  const result = configSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({
            setting: key,
            env: null,
            message: `unknown setting in ${env[CONFIG_FILE_ENV]}; see docs/configuration.md for the names`,
          });
        }
        continue;
      }
      const setting = String(issue.path[0] ?? 'configuration');
      const detail = issue.path.length > 1 ? ` (at ${issue.path.slice(1).join('.')})` : '';
      problems.push({ setting, env: envNameOf(setting), message: issue.message + detail });
    }
  }
  if (problems.length > 0 || !result.success) throw new InvalidConfigError(problems);
  return result.data;
}

function readConfigFile(file: string | undefined, problems: ConfigProblem[]): Record<string, unknown> {
  if (file === undefined || file.trim() === '') return {};
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({ setting: 'config file', env: CONFIG_FILE_ENV, message: `cannot read ${file}: ${(error as Error).message}` });
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    problems.push({ setting: 'config file', env: CONFIG_FILE_ENV, message: `${file} is not valid JSON: ${(error as Error).message}` });
    return {};
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push({ setting: 'config file', env: CONFIG_FILE_ENV, message: `${file} must hold one JSON object of settings` });
    return {};
  }
  return parsed as Record<string, unknown>;
}

function fromEnvText(text: string, kind: 'number' | 'json' | 'list' | undefined): unknown {
  switch (kind) {
    case 'number':
      // Anything that is not plainly a number stays text so the schema reports "must be a number".
      return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text;
    case 'json':
      try {
        return JSON.parse(text);
      } catch (error) {
        return new Error(`is not valid JSON: ${(error as Error).message}`);
      }
    case 'list':
      return text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    case undefined:
      return text;
  }
}

function envNameOf(setting: string): string | null {
  return Object.hasOwn(SETTING_ENV, setting) ? SETTING_ENV[setting as SettingName] : null;
}
