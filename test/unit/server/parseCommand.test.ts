import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../server/cli/parseCommand.js';
import { UsageError } from '../../../server/cli/UsageError.js';

const env = { OI_SERVER: 'http://oi.example:8080/', OI_USER: 'admin', OI_PASSWORD: 'pw' };
const connection = { server: 'http://oi.example:8080', user: 'admin', password: 'pw' };

describe('parseCommand', () => {
  it('reads interview create with guests in both colon forms', () => {
    expect(
      parseCommand(
        ['interview', 'create', '--title', 'T', '--topic', 'P', '--starts-at', '2026-06-01T10:00:00+08:00', '--guest', '张伟:局长', '--guest', '刘芳：副局长', '--guest', '无职务'],
        env,
      ),
    ).toEqual({
      kind: 'interview create',
      connection,
      json: false,
      body: {
        title: 'T',
        topic: 'P',
        startsAt: '2026-06-01T10:00:00+08:00',
        guests: [
          { name: '张伟', position: '局长' },
          { name: '刘芳', position: '副局长' },
          { name: '无职务', position: '' },
        ],
      },
    });
  });

  it('reads interview show and camera add; options win over the environment', () => {
    expect(parseCommand(['--server', 'http://other', '--json', 'interview', 'show', 'id1'], env)).toEqual({
      kind: 'interview show',
      connection: { ...connection, server: 'http://other' },
      json: true,
      interviewId: 'id1',
    });
    expect(parseCommand(['camera', 'add', 'id1', '--name', '主机位', '--user', 'u', '--password', 'p'], env)).toEqual({
      kind: 'camera add',
      connection: { ...connection, user: 'u', password: 'p' },
      json: false,
      interviewId: 'id1',
      name: '主机位',
    });
  });

  it('defaults the server to localhost:8080', () => {
    expect(parseCommand(['interview', 'show', 'x'], { OI_USER: 'a', OI_PASSWORD: 'b' })).toMatchObject({
      connection: { server: 'http://localhost:8080' },
    });
  });

  it('answers help with no command or --help', () => {
    expect(parseCommand([], {})).toEqual({ kind: 'help' });
    expect(parseCommand(['interview', 'create', '-h'], {})).toEqual({ kind: 'help' });
  });

  it.each([
    [['interview', 'create'], /needs --title/],
    [['interview', 'create', 'extra', '--title', 't'], /takes no arguments/],
    [['interview', 'show'], /takes the interview id/],
    [['camera', 'add', 'x'], /needs --name/],
    [['interview', 'delete', 'x'], /Unknown command "interview delete x"/],
    [['interview', 'create', '--title', 't', '--name', 'n'], /--name does not apply to "interview create"/],
    [['interview', 'create', '--title', 't', '--colour', 'red'], /Unknown option '--colour'/],
    [['interview', 'create', '--title'], /argument missing/],
    [['interview', 'create', '--title', 't', '--guest', ':局长'], /--guest needs "name:position"/],
    [['--server', 'not a url', 'interview', 'show', 'x'], /--server must be a URL/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommand(argv, env)).toThrow(UsageError);
    expect(() => parseCommand(argv, env)).toThrow(message);
  });

  it('wants credentials', () => {
    expect(() => parseCommand(['interview', 'show', 'x'], { OI_PASSWORD: 'p' })).toThrow(/--user or OI_USER/);
    expect(() => parseCommand(['interview', 'show', 'x'], { OI_USER: 'u' })).toThrow(/--password or OI_PASSWORD/);
  });
});
