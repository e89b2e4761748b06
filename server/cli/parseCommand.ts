import { parseArgs } from 'node:util';
import { UsageError } from './UsageError.js';

export const USAGE = `Usage: online-interview [--server URL] [--user NAME] [--password P] [--json] <command>

Commands:
  interview create --title TEXT [--topic TEXT] [--department TEXT] [--starts-at ISO]
                   [--guest "name:position"]...
  interview show <interviewId>
  camera add <interviewId> --name TEXT

Connection (or the environment):
  --server URL     OI_SERVER    default http://localhost:8080
  --user NAME      OI_USER
  --password P     OI_PASSWORD
  --json           print one JSON object instead of text
`;

export interface Connection {
  server: string;
  user: string;
  password: string;
}

export type Command =
  | { kind: 'help' }
  | {
      kind: 'interview create';
      connection: Connection;
      json: boolean;
      body: { title: string; topic?: string; department?: string; startsAt?: string; guests: { name: string; position: string }[] };
    }
  | { kind: 'interview show'; connection: Connection; json: boolean; interviewId: string }
  | { kind: 'camera add'; connection: Connection; json: boolean; interviewId: string; name: string };

const OPTIONS = {
  server: { type: 'string' },
  user: { type: 'string' },
  password: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  title: { type: 'string' },
  topic: { type: 'string' },
  department: { type: 'string' },
  'starts-at': { type: 'string' },
  guest: { type: 'string', multiple: true },
  name: { type: 'string' },
} as const;

/** Which command-specific options each command takes; connection options go with every command. */
const COMMAND_OPTIONS: Record<Exclude<Command['kind'], 'help'>, readonly string[]> = {
  'interview create': ['title', 'topic', 'department', 'starts-at', 'guest'],
  'interview show': [],
  'camera add': ['name'],
};
const COMMON_OPTIONS = ['server', 'user', 'password', 'json', 'help'];

/** Reads the command line (and OI_SERVER, OI_USER, OI_PASSWORD); throws UsageError when it makes no sense. */
export function parseCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { kind: 'help' };

  const kind = `${positionals[0]} ${positionals[1] ?? ''}`.trim();
  if (!Object.hasOwn(COMMAND_OPTIONS, kind)) throw new UsageError(`Unknown command "${positionals.join(' ')}".`);
  const command = kind as Exclude<Command['kind'], 'help'>;
  for (const option of Object.keys(values)) {
    if (!COMMON_OPTIONS.includes(option) && !COMMAND_OPTIONS[command].includes(option)) {
      throw new UsageError(`Option --${option} does not apply to "${command}".`);
    }
  }
  const args = positionals.slice(2);
  const connection = connectionFrom(values, env);
  const json = values.json ?? false;

  switch (command) {
    case 'interview create': {
      expectArgs(command, args, 0);
      if (values.title === undefined) throw new UsageError('"interview create" needs --title.');
      return {
        kind: command,
        connection,
        json,
        body: {
          title: values.title,
          ...(values.topic !== undefined && { topic: values.topic }),
          ...(values.department !== undefined && { department: values.department }),
          ...(values['starts-at'] !== undefined && { startsAt: values['starts-at'] }),
          guests: (values.guest ?? []).map(parseGuest),
        },
      };
    }
    case 'interview show':
      expectArgs(command, args, 1);
      return { kind: command, connection, json, interviewId: args[0]! };
    case 'camera add':
      expectArgs(command, args, 1);
      if (values.name === undefined) throw new UsageError('"camera add" needs --name.');
      return { kind: command, connection, json, interviewId: args[0]!, name: values.name };
  }
}

function connectionFrom(values: { server?: string; user?: string; password?: string }, env: NodeJS.ProcessEnv): Connection {
  const server = values.server ?? env['OI_SERVER'] ?? 'http://localhost:8080';
  const user = values.user ?? env['OI_USER'];
  const password = values.password ?? env['OI_PASSWORD'];
  if (!URL.canParse(server)) throw new UsageError(`--server must be a URL such as http://localhost:8080, not "${server}".`);
  if (!user) throw new UsageError('Give the user name with --user or OI_USER.');
  if (!password) throw new UsageError('Give the password with --password or OI_PASSWORD.');
  return { server: server.replace(/\/+$/, ''), user, password };
}

function expectArgs(command: string, args: string[], count: number): void {
  if (args.length !== count) {
    throw new UsageError(count === 0 ? `"${command}" takes no arguments.` : `"${command}" takes the interview id.`);
  }
}

/** "name:position"; a full-width colon (：) is accepted too, as Chinese input methods type it. */
function parseGuest(text: string): { name: string; position: string } {
  const separator = text.search(/[:：]/);
  const name = (separator < 0 ? text : text.slice(0, separator)).trim();
  const position = separator < 0 ? '' : text.slice(separator + 1).trim();
  if (name === '') throw new UsageError(`--guest needs "name:position", got "${text}".`);
  return { name, position };
}
