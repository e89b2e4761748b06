import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CLOSE_NOT_FOUND,
  InterviewEvents,
  type InterviewEventsHandlers,
  interviewEventsUrl,
  parseInterviewMessage,
  parseServerMessage,
  reconnectDelay,
} from '../../../web-components/src/api/interview-events.js';
import type { Interview } from '../../../web-components/src/api/types.js';
import { FakeWebSocket } from './FakeWebSocket.js';

const ID = '0b6f1c8e-7d2a-4f0e-9c3b-2a1d5e6f7a8b';

const interview: Interview = {
  id: ID,
  title: '优化营商环境在线访谈',
  topic: null,
  department: '县发展和改革局',
  background: null,
  startsAt: '2025-03-01T01:30:00.000Z',
  endsAt: null,
  status: 'live',
  host: null,
  guests: [{ name: '王敏', position: '局长', bio: null, photoUrl: null }],
  hlsUrl: `/hls/${ID}/index.m3u8`,
  pageUrl: `https://gov.example/watch/${ID}`,
};

describe('interviewEventsUrl', () => {
  it('uses the page origin when the server is empty, with the page scheme mapped to ws or wss', () => {
    expect(interviewEventsUrl('', ID, 'http://portal.example/zxft/index.html')).toBe(
      `ws://portal.example/api/public/interviews/${ID}/events`,
    );
    expect(interviewEventsUrl(undefined, ID, 'https://portal.example:8443/a/b?x=1#y')).toBe(
      `wss://portal.example:8443/api/public/interviews/${ID}/events`,
    );
  });

  it('follows the server attribute, with or without a trailing slash or a path prefix', () => {
    const page = 'https://portal.example/';
    expect(interviewEventsUrl('https://media.example', ID, page)).toBe(`wss://media.example/api/public/interviews/${ID}/events`);
    expect(interviewEventsUrl('http://10.0.0.5:8080/', ID, page)).toBe(`ws://10.0.0.5:8080/api/public/interviews/${ID}/events`);
    expect(interviewEventsUrl(' https://gov.example/media/ ', ID, page)).toBe(
      `wss://gov.example/media/api/public/interviews/${ID}/events`,
    );
    // Scheme-relative: the page's scheme decides.
    expect(interviewEventsUrl('//media.example', ID, 'http://portal.example/')).toBe(
      `ws://media.example/api/public/interviews/${ID}/events`,
    );
  });

  it('escapes the interview id', () => {
    expect(interviewEventsUrl('', 'a/b c', 'http://h/')).toBe('ws://h/api/public/interviews/a%2Fb%20c/events');
  });
});

describe('parseInterviewMessage', () => {
  it('returns the interview of an interview message', () => {
    expect(parseInterviewMessage(JSON.stringify({ type: 'interview', interview }))).toEqual(interview);
    const scheduled = { ...interview, status: 'scheduled', hlsUrl: null };
    expect(parseInterviewMessage(JSON.stringify({ type: 'interview', interview: scheduled }))).toEqual(scheduled);
  });

  it('ignores other types, malformed JSON, binary frames and interviews that are not the public shape', () => {
    expect(parseInterviewMessage(JSON.stringify({ type: 'viewers', count: 3 }))).toBeNull();
    expect(parseInterviewMessage('{"type":"interview"')).toBeNull();
    expect(parseInterviewMessage('null')).toBeNull();
    expect(parseInterviewMessage(new ArrayBuffer(4))).toBeNull();
    expect(parseInterviewMessage(JSON.stringify({ type: 'interview' }))).toBeNull();
    expect(parseInterviewMessage(JSON.stringify({ type: 'interview', interview: { ...interview, status: 'paused' } }))).toBeNull();
    expect(parseInterviewMessage(JSON.stringify({ type: 'interview', interview: { ...interview, guests: null } }))).toBeNull();
    expect(parseInterviewMessage(JSON.stringify({ type: 'interview', interview: { ...interview, hlsUrl: 1 } }))).toBeNull();
    const { title: _title, ...untitled } = interview;
    expect(parseInterviewMessage(JSON.stringify({ type: 'interview', interview: untitled }))).toBeNull();
  });
});

describe('parseServerMessage', () => {
  it('reads the Q&A messages', () => {
    const qa = { type: 'qa', seq: 42, event: 'post', item: { id: 'p1' } };
    expect(parseServerMessage(JSON.stringify(qa))).toEqual(qa);
    expect(parseServerMessage('{"type":"qa-synced","seq":42}')).toEqual({ type: 'qa-synced', seq: 42 });
    expect(parseServerMessage('{"type":"viewers","count":1234}')).toEqual({ type: 'viewers', count: 1234 });
    expect(parseServerMessage(JSON.stringify({ type: 'interview', interview }))).toEqual({ type: 'interview', interview });
  });

  it('rejects Q&A messages without a usable seq, kind or item', () => {
    for (const bad of [
      { type: 'qa', seq: -1, event: 'post', item: {} },
      { type: 'qa', seq: 1.5, event: 'post', item: {} },
      { type: 'qa', seq: '3', event: 'post', item: {} },
      { type: 'qa', seq: 3, event: 'poll', item: {} },
      { type: 'qa', seq: 3, event: 'post', item: null },
      { type: 'qa', seq: 3, event: 'post', item: [] },
      { type: 'qa-synced' },
      { type: 'viewers', count: 'many' },
    ]) {
      expect(parseServerMessage(JSON.stringify(bad)), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('reconnectDelay', () => {
  it('doubles from one second up to a minute, jittered between half and one and a half times', () => {
    expect(reconnectDelay(0, () => 0)).toBe(500);
    expect(reconnectDelay(0, () => 1)).toBe(1500);
    expect(reconnectDelay(3, () => 0.5)).toBe(8000);
    expect(reconnectDelay(20, () => 0.5)).toBe(60000);
  });
});

describe('InterviewEvents', () => {
  const url = `ws://h/api/public/interviews/${ID}/events`;
  type Basic = 'onInterview' | 'onLiveChange' | 'onNotFound';
  let handlers: { [K in Basic]: ReturnType<typeof vi.fn<NonNullable<InterviewEventsHandlers[K]>>> };
  const latest = () => FakeWebSocket.instances.at(-1)!;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    FakeWebSocket.instances = [];
    vi.stubGlobal('WebSocket', FakeWebSocket);
    handlers = {
      onInterview: vi.fn<NonNullable<InterviewEventsHandlers['onInterview']>>(),
      onLiveChange: vi.fn<NonNullable<InterviewEventsHandlers['onLiveChange']>>(),
      onNotFound: vi.fn<NonNullable<InterviewEventsHandlers['onNotFound']>>(),
    };
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('delivers each interview message and reports the push channel live from the first one', () => {
    const events = new InterviewEvents(url, handlers);
    expect(latest().url).toBe(url);
    expect(handlers.onLiveChange).not.toHaveBeenCalled();
    latest().serverSends({ type: 'interview', interview: { ...interview, status: 'scheduled', hlsUrl: null } });
    latest().serverSends({ type: 'something-new' });
    latest().serverSends({ type: 'interview', interview });
    expect(handlers.onInterview.mock.calls.map(([i]) => i.status)).toEqual(['scheduled', 'live']);
    expect(handlers.onLiveChange.mock.calls).toEqual([[true]]);
    events.close();
    expect(latest().closed).toBe(true);
    // The owner closed it: no news after that.
    expect(handlers.onLiveChange.mock.calls).toEqual([[true]]);
  });

  it('reconnects with growing delays after drops, and from the start again once a socket delivers', () => {
    const events = new InterviewEvents(url, handlers);
    latest().serverSends({ type: 'interview', interview });
    latest().serverCloses(1001);
    expect(handlers.onLiveChange.mock.calls).toEqual([[true], [false]]);
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(999);
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
    latest().serverCloses(1006);
    vi.advanceTimersByTime(1999);
    expect(FakeWebSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(3);
    latest().serverSends({ type: 'interview', interview });
    latest().serverCloses(1011);
    vi.advanceTimersByTime(1000);
    expect(FakeWebSocket.instances).toHaveLength(4);
    events.close();
    vi.advanceTimersByTime(120_000);
    expect(FakeWebSocket.instances).toHaveLength(4);
  });

  it('gives up on a socket that says nothing and tries again', () => {
    const events = new InterviewEvents(url, handlers);
    const silent = latest();
    vi.advanceTimersByTime(15_000);
    expect(silent.closed).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(FakeWebSocket.instances).toHaveLength(2);
    // Late events of the abandoned socket are not delivered.
    silent.serverSends({ type: 'interview', interview });
    expect(handlers.onInterview).not.toHaveBeenCalled();
    events.close();
  });

  it('stops for good on 4404', () => {
    new InterviewEvents(url, handlers);
    latest().serverCloses(CLOSE_NOT_FOUND);
    expect(handlers.onNotFound).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(120_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('does nothing where WebSocket is missing or refuses the URL', () => {
    vi.stubGlobal('WebSocket', undefined);
    new InterviewEvents(url, handlers).close();
    vi.stubGlobal(
      'WebSocket',
      class {
        constructor() {
          throw new DOMException('insecure', 'SecurityError');
        }
      },
    );
    new InterviewEvents(url, handlers).close();
    expect(handlers.onLiveChange).not.toHaveBeenCalled();
  });

  it('says hello on each open with what the handler gives then, or holds it until sayHello()', () => {
    let since: number | null = null;
    const events = new InterviewEvents(url, { ...handlers, hello: () => (since === null ? null : { since, deviceToken: 'tok' }) });
    latest().serverOpens();
    expect(latest().sent).toEqual([]);
    expect(events.helloSent).toBeNull();
    since = 7;
    events.sayHello();
    events.sayHello();
    expect(latest().sent).toEqual([{ type: 'hello', since: 7, deviceToken: 'tok' }]);
    expect(events.helloSent).toEqual({ since: 7, deviceToken: 'tok' });
    // A new socket says hello with the seq of then.
    since = 12;
    latest().serverCloses(1006);
    vi.advanceTimersByTime(1000);
    latest().serverOpens();
    expect(latest().sent).toEqual([{ type: 'hello', since: 12, deviceToken: 'tok' }]);
    events.close();
  });

  it('delivers qa, qa-synced and viewers messages, and reconnect() replaces the socket at once', () => {
    const onQa = vi.fn();
    const onQaSynced = vi.fn();
    const onViewers = vi.fn();
    const events = new InterviewEvents(url, { ...handlers, hello: () => ({ since: 0 }), onQa, onQaSynced, onViewers });
    const first = latest();
    first.serverOpens();
    first.serverSends({ type: 'qa', seq: 1, event: 'question', item: { id: 'q1' } });
    first.serverSends({ type: 'qa-synced', seq: 1 });
    first.serverSends({ type: 'viewers', count: 9 });
    expect(onQa).toHaveBeenCalledWith({ type: 'qa', seq: 1, event: 'question', item: { id: 'q1' } });
    expect(onQaSynced).toHaveBeenCalledWith(1);
    expect(onViewers).toHaveBeenCalledWith(9);
    // Any of them shows the socket delivers, as the interview message does.
    expect(handlers.onLiveChange.mock.calls).toEqual([[true]]);
    events.reconnect();
    expect(first.closed).toBe(true);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(events.helloSent).toBeNull();
    first.serverSends({ type: 'viewers', count: 10 });
    expect(onViewers).toHaveBeenCalledTimes(1);
    events.close();
  });
});
