#!/usr/bin/env node
import { ApiClient } from './ApiClient.js';
import { ApiError } from './ApiError.js';
import { formatCamera, formatInterview } from './formatOutput.js';
import { parseCommand, USAGE, type Command } from './parseCommand.js';
import { UsageError } from './UsageError.js';

/** `online-interview`: plans interviews and adds cameras on a running server, over its HTTP API. */
async function main(argv: readonly string[]): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv, process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`online-interview: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }

  const api = new ApiClient(command.connection);
  try {
    await api.login();
    switch (command.kind) {
      case 'interview create': {
        const interview = await api.createInterview(command.body);
        print(command.json, interview, () => formatInterview('Interview created', interview));
        break;
      }
      case 'interview show': {
        const interview = await api.getInterview(command.interviewId);
        print(command.json, interview, () => formatInterview('Interview', interview));
        break;
      }
      case 'camera add': {
        const camera = await api.addCamera(command.interviewId, command.name);
        print(command.json, camera, () => formatCamera(camera));
        break;
      }
    }
    return 0;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    process.stderr.write(`online-interview: ${error.message} (${error.code})\n`);
    return 1;
  }
}

function print(json: boolean, value: unknown, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : human());
}

process.exitCode = await main(process.argv.slice(2));
