import crypto from 'node:crypto';
import type { Logger } from 'pino';
import type { UserRepository } from '../db/UserRepository.js';
import { hashPassword } from './passwords.js';

const ADMIN_USERNAME = 'admin';

/**
 * On the first start (no user at all) creates "admin", with OI_ADMIN_PASSWORD or a random password that is printed
 * once, to stdout only, in a box the operator cannot miss. It is never logged.
 */
export async function bootstrapAdmin(options: {
  users: UserRepository;
  adminPassword: string | undefined;
  logger: Logger;
  print?: (text: string) => void;
}): Promise<void> {
  if ((await options.users.count()) > 0) return;
  const password = options.adminPassword ?? crypto.randomBytes(18).toString('base64url');
  try {
    await options.users.create({ username: ADMIN_USERNAME, passwordHash: await hashPassword(password), role: 'admin' });
  } catch (error) {
    // Another server starting against the same database created it first: nothing left to do.
    if ((error as { code?: string }).code === '23505') return;
    throw error;
  }
  if (options.adminPassword !== undefined) {
    options.logger.info({ username: ADMIN_USERNAME }, 'created the first user with the password from OI_ADMIN_PASSWORD');
    return;
  }
  (options.print ?? ((text) => process.stdout.write(text)))(passwordBox(password));
  options.logger.warn({ username: ADMIN_USERNAME }, 'created the first user; its password was printed once above');
}

function passwordBox(password: string): string {
  const lines = [
    `First start: created the user "${ADMIN_USERNAME}".`,
    `Password: ${password}`,
    'It is shown only this once: note it now, log in at /console',
    'and keep it safe. (Set OI_ADMIN_PASSWORD to choose it.)',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '─'.repeat(width + 2);
  return ['', `┌${rule}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${rule}┘`, '', ''].join('\n');
}
