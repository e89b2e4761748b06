import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../web-components/src/api/client.js';
import { DEVICE_TOKEN_KEY, deviceToken, resetMemoryDeviceToken } from '../../../web-components/src/qa/device-token.js';
import { QaStore, acquirePublicQaStore } from '../../../web-components/src/qa/qa-store.js';
import type { MyQuestion, PublicPost, PublicQaSnapshot, PublicQuestion } from '../../../web-components/src/qa/types.js';
import { FakeWebSocket } from './FakeWebSocket.js';

const ID = '0b6f1c8e-7d2a-4f0e-9c3b-2a1d5e6f7a8b';
const URL_ = `ws://portal.example/api/public/interviews/${ID}/events`;

const latest = () => FakeWebSocket.instances.at(-1)!;

const post = (id: string): PublicPost => ({
  id,
  role: 'host',
  authorName: '李华',
  authorPosition: null,
  body: `主持人发言 ${id}`,
  questionId: null,
  publishedAt: '2025-03-01T02:00:00.000Z',
});

const snapshot = (seq: number, posts: PublicPost[] = []): PublicQaSnapshot => ({
  seq,
  questions: [],
  posts,
  answeringQuestionId: null,
  questionsOpen: true,
});

/** A promise the test resolves or rejects when it likes: the snapshot request in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('QaStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    FakeWebSocket.instances = [];
    vi.stubGlobal('WebSocket', FakeWebSocket);
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    resetMemoryDeviceToken();
  });

  function makeStore(loadSnapshot: () => Promise<PublicQaSnapshot>, loadMine?: (token: string) => Promise<MyQuestion[]>) {
    const store = new QaStore<PublicQuestion, PublicPost, PublicQaSnapshot>({
      eventsUrl: URL_,
      audience: 'public',
      loadSnapshot,
      ...(loadMine ? { loadMine } : {}),
    });
    const changes: { newPosts: string[]; live: boolean }[] = [];
    store.subscribe({ onChange: (change, live) => changes.push({ newPosts: change.newPosts, live }) });
    return { store, changes };
  }

  it('says hello only once the snapshot is in, with its seq, and tells replay from live events', async () => {
    const first = deferred<PublicQaSnapshot>();
    const { store, changes } = makeStore(() => first.promise);
    const socket = latest();
    socket.serverOpens();
    expect(socket.sent).toEqual([]);
    first.resolve(snapshot(10, [post('p1')]));
    await flush();
    expect(socket.sent).toEqual([{ type: 'hello', since: 10 }]);
    expect(store.ready).toBe(true);

    socket.serverSends({ type: 'qa', seq: 11, event: 'post', item: post('p2') });
    socket.serverSends({ type: 'qa-synced', seq: 12 });
    socket.serverSends({ type: 'qa', seq: 13, event: 'post', item: post('p3') });
    socket.serverSends({ type: 'qa', seq: 13, event: 'post', item: post('p3') });
    socket.serverSends({ type: 'viewers', count: 42 });
    expect(changes.filter((c) => c.newPosts.length > 0)).toEqual([
      { newPosts: ['p1'], live: false },
      { newPosts: ['p2'], live: false },
      { newPosts: ['p3'], live: true },
    ]);
    expect(store.state.posts.values().map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect(store.viewers).toBe(42);
    store.close();
  });

  it('resumes after a reconnect from the last seq it has: nothing lost, nothing doubled', async () => {
    const { store, changes } = makeStore(async () => snapshot(10));
    await flush();
    const first = latest();
    first.serverOpens();
    first.serverSends({ type: 'qa', seq: 11, event: 'post', item: post('p1') });
    first.serverSends({ type: 'qa-synced', seq: 15 });
    first.serverSends({ type: 'qa', seq: 16, event: 'post', item: post('p2') });
    first.serverCloses(1001);
    expect(store.live).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    const second = latest();
    expect(second).not.toBe(first);
    second.serverOpens();
    expect(second.sent).toEqual([{ type: 'hello', since: 16 }]);
    // The server replays from 17; a repeat of 16 (a server that replays inclusively) is ignored.
    second.serverSends({ type: 'qa', seq: 16, event: 'post', item: post('p2') });
    second.serverSends({ type: 'qa', seq: 17, event: 'post', item: post('p3') });
    second.serverSends({ type: 'qa-synced', seq: 17 });
    expect(store.state.posts.values().map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    // What the new socket replays is catching up, not news to announce.
    expect(changes.filter((c) => c.newPosts.length > 0).map((c) => [c.newPosts[0], c.live])).toEqual([
      ['p1', false],
      ['p2', true],
      ['p3', false],
    ]);
    store.close();
  });

  it('asks for everything from 0 when the snapshot cannot be had, and is ready after the replay', async () => {
    const load = vi.fn(async (): Promise<PublicQaSnapshot> => {
      throw new ApiError(503, 'unavailable', 'busy');
    });
    const { store } = makeStore(load);
    latest().serverOpens();
    await flush();
    expect(store.loadError?.status).toBe(503);
    expect(store.ready).toBe(false);
    expect(latest().sent).toEqual([{ type: 'hello', since: 0 }]);
    latest().serverSends({ type: 'qa', seq: 3, event: 'post', item: post('p1') });
    latest().serverSends({ type: 'qa-synced', seq: 5 });
    expect(store.ready).toBe(true);
    expect(store.loadError).toBeNull();
    expect(store.state.seq).toBe(5);
    // The socket delivers: no more snapshot polling.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(load).toHaveBeenCalledTimes(1);
    store.close();
  });

  it('polls the snapshot while the socket does not deliver, and stops once it does', async () => {
    let seq = 1;
    const load = vi.fn(async () => snapshot(seq++));
    const { store } = makeStore(load);
    await flush();
    expect(load).toHaveBeenCalledTimes(1);
    // A proxy holds the socket silently: it is given up after 15 s, and the snapshot is fetched again meanwhile.
    await vi.advanceTimersByTimeAsync(15_000);
    expect(load).toHaveBeenCalledTimes(2);
    expect(store.state.seq).toBe(2);
    expect(latest().closed).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    const socket = latest();
    socket.serverOpens();
    expect(socket.sent).toEqual([{ type: 'hello', since: 2 }]);
    socket.serverSends({ type: 'qa-synced', seq: 2 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(2);
    store.close();
  });

  it('sends the device token in hello once the device has one, reconnecting a socket that said hello without it', async () => {
    const storage = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    });
    const loadMine = vi.fn(async (): Promise<MyQuestion[]> => [
      { id: 'm1', nickname: '老张', body: '我的问题内容', status: 'pending', rejectReason: null, createdAt: '2025-03-01T01:00:00.000Z' },
    ]);
    const { store } = makeStore(async () => snapshot(4), loadMine);
    await flush();
    const before = latest();
    before.serverOpens();
    expect(before.sent).toEqual([{ type: 'hello', since: 4 }]);
    // A question element on the page does not make a viewer who never asks a token.
    store.useDevice();
    expect(storage.size).toBe(0);
    expect(before.closed).toBe(false);
    expect(loadMine).not.toHaveBeenCalled();
    // The first question creates it.
    const token = deviceToken();
    expect(storage.get(DEVICE_TOKEN_KEY)).toBe(token);
    store.useDevice();
    expect(before.closed).toBe(true);
    const after = latest();
    expect(after).not.toBe(before);
    after.serverOpens();
    expect(after.sent).toEqual([{ type: 'hello', since: 4, deviceToken: token }]);
    await flush();
    expect(loadMine).toHaveBeenCalledWith(token);
    expect(store.state.mine.get('m1')?.status).toBe('pending');
    store.close();
  });

  it('forwards interview messages and live changes, and tells late subscribers the socket is live', async () => {
    const { store } = makeStore(async () => snapshot(1));
    await flush();
    const interviews: string[] = [];
    const live: boolean[] = [];
    store.subscribe({ onInterview: (i) => interviews.push(i.status), onLiveChange: (l) => live.push(l) });
    latest().serverOpens();
    latest().serverSends({
      type: 'interview',
      interview: { id: ID, title: 'T', topic: null, department: null, startsAt: null, status: 'live', guests: [], hlsUrl: null, pageUrl: '' },
    });
    expect(interviews).toEqual(['live']);
    const late: boolean[] = [];
    store.subscribe({ onLiveChange: (l) => late.push(l) });
    expect(live).toEqual([true]);
    expect(late).toEqual([true]);
    store.close();
  });
});

describe('acquirePublicQaStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeWebSocket.instances = [];
    vi.stubGlobal('WebSocket', FakeWebSocket);
    vi.stubGlobal('document', { baseURI: 'http://portal.example/zxft/' });
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(snapshot(1)), { status: 200 })));
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shares one store and one socket per server and interview on the page, closed after the last user leaves', async () => {
    const a = acquirePublicQaStore('', ID);
    const b = acquirePublicQaStore('', ID);
    const other = acquirePublicQaStore('https://media.example', ID);
    expect(a.store).toBe(b.store);
    expect(other.store).not.toBe(a.store);
    expect(FakeWebSocket.instances.map((s) => s.url)).toEqual([URL_, `wss://media.example/api/public/interviews/${ID}/events`]);
    a.release();
    a.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeWebSocket.instances[0]!.closed).toBe(false);
    // An element that leaves and comes back within the same turn keeps the store.
    b.release();
    const c = acquirePublicQaStore('', ID);
    await vi.advanceTimersByTimeAsync(0);
    expect(c.store).toBe(a.store);
    expect(FakeWebSocket.instances[0]!.closed).toBe(false);
    c.release();
    other.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeWebSocket.instances.every((s) => s.closed)).toBe(true);
    expect(acquirePublicQaStore('', ID).store).not.toBe(a.store);
  });
});
