import { describe, expect, it } from 'vitest';
import { QaState, VersionedMap } from '../../../web-components/src/qa/qa-state.js';
import type {
  MyQuestion,
  PublicPost,
  PublicQaSnapshot,
  PublicQuestion,
  QaEventMessage,
  StaffPost,
  StaffQuestion,
} from '../../../web-components/src/qa/types.js';

const question = (id: string, extra: Partial<PublicQuestion> = {}): PublicQuestion => ({
  id,
  nickname: `网友${id}`,
  body: `问题 ${id} 的内容`,
  status: 'approved',
  answering: false,
  createdAt: `2025-03-01T02:0${id.length}:00.000Z`,
  answeredAt: null,
  ...extra,
});

const post = (id: string, extra: Partial<PublicPost> = {}): PublicPost => ({
  id,
  role: 'guest',
  authorName: '王敏',
  authorPosition: '局长',
  body: `回答 ${id}`,
  questionId: null,
  publishedAt: '2025-03-01T02:10:00.000Z',
  ...extra,
});

const mine = (id: string, status: MyQuestion['status'], extra: Partial<MyQuestion> = {}): MyQuestion => ({
  id,
  nickname: '老张',
  body: `我的问题 ${id}`,
  status,
  rejectReason: null,
  createdAt: '2025-03-01T01:00:00.000Z',
  ...extra,
});

const snapshot = (seq: number, extra: Partial<PublicQaSnapshot> = {}): PublicQaSnapshot => ({
  seq,
  questions: [],
  posts: [],
  answeringQuestionId: null,
  questionsOpen: true,
  ...extra,
});

const event = (seq: number, kind: QaEventMessage['event'], item: object): QaEventMessage => ({
  type: 'qa',
  seq,
  event: kind,
  item: item as Record<string, unknown>,
});

const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();

describe('VersionedMap', () => {
  it('keeps the newest version of each item and remembers removals', () => {
    const map = new VersionedMap<{ id: string; v: string }>();
    expect(map.set({ id: 'a', v: 'one' }, 2)).toBe(true);
    expect(map.set({ id: 'a', v: 'older' }, 1)).toBe(false);
    expect(map.set({ id: 'a', v: 'again' }, 2)).toBe(false);
    expect(map.get('a')?.v).toBe('one');
    expect(map.remove('a', 3)).toBe(true);
    expect(map.set({ id: 'a', v: 'stale' }, 2)).toBe(false);
    expect(map.has('a')).toBe(false);
    expect(map.set({ id: 'a', v: 'back' }, 4)).toBe(true);
    expect(map.values()).toEqual([{ id: 'a', v: 'back' }]);
  });
});

describe('QaState (public)', () => {
  it('starts from the snapshot and applies later events', () => {
    const state = new QaState<PublicQuestion, PublicPost>();
    expect(state.loaded).toBe(false);
    const change = state.applySnapshot(
      snapshot(10, { questions: [question('q1')], posts: [post('p1')], answeringQuestionId: 'q1', questionsOpen: true }),
    );
    expect(change).toMatchObject({ changed: true, newQuestions: ['q1'], newPosts: ['p1'] });
    expect(state.loaded).toBe(true);
    expect(state.seq).toBe(10);
    expect(state.answeringQuestionId).toBe('q1');
    expect(state.settings).toEqual({ questionsOpen: true });

    expect(state.applyEvent(event(11, 'post', post('p2', { questionId: 'q1' })))).toMatchObject({ changed: true, newPosts: ['p2'] });
    expect(state.applyEvent(event(12, 'question', question('q1', { status: 'answered' })))).toMatchObject({
      changed: true,
      newQuestions: [],
    });
    expect(state.applyEvent(event(13, 'answering', { answeringQuestionId: null })).changed).toBe(true);
    expect(state.applyEvent(event(14, 'settings', { questionsOpen: false })).changed).toBe(true);
    expect(ids(state.posts.values())).toEqual(['p1', 'p2']);
    expect(state.questions.get('q1')?.status).toBe('answered');
    expect(state.answeringQuestionId).toBeNull();
    expect(state.settings.questionsOpen).toBe(false);
    expect(state.seq).toBe(14);
  });

  it('ignores events the snapshot already holds and events it has seen', () => {
    const state = new QaState<PublicQuestion, PublicPost>();
    state.applySnapshot(snapshot(10, { questions: [question('q1', { body: '快照里的版本' })] }));
    // Seq 9 and 10 are in the snapshot: an older copy of q1 and a post that was later removed.
    expect(state.applyEvent(event(9, 'question', question('q1', { body: '旧版本' }))).changed).toBe(false);
    expect(state.applyEvent(event(10, 'post', post('gone'))).changed).toBe(false);
    expect(state.questions.get('q1')?.body).toBe('快照里的版本');
    expect(state.posts.values()).toEqual([]);
    // The same event twice (a replay after reconnect) changes nothing the second time.
    expect(state.applyEvent(event(11, 'post', post('p1'))).changed).toBe(true);
    expect(state.applyEvent(event(11, 'post', post('p1')))).toMatchObject({ changed: false, newPosts: [] });
    expect(state.posts.values()).toHaveLength(1);
  });

  it('orders by seq per item when events arrive out of order', () => {
    const state = new QaState<PublicQuestion, PublicPost>();
    state.applySnapshot(snapshot(5));
    state.applyEvent(event(8, 'question', question('q1', { body: '第二次修改' })));
    // Older state of the same item: ignored. Another item's older event: still applied.
    expect(state.applyEvent(event(7, 'question', question('q1', { body: '第一次修改' }))).changed).toBe(false);
    expect(state.applyEvent(event(6, 'question', question('q2'))).changed).toBe(true);
    expect(state.questions.get('q1')?.body).toBe('第二次修改');
    expect(ids(state.questions.values())).toEqual(['q1', 'q2']);
    expect(state.seq).toBe(8);
    // The answering marker too.
    state.applyEvent(event(10, 'answering', { answeringQuestionId: 'q2' }));
    state.applyEvent(event(9, 'answering', { answeringQuestionId: 'q1' }));
    expect(state.answeringQuestionId).toBe('q2');
  });

  it('removes a question that stops being public, and an older copy does not bring it back', () => {
    const state = new QaState<PublicQuestion, PublicPost>();
    state.applySnapshot(snapshot(3, { questions: [question('q1'), question('q2')] }));
    expect(state.applyEvent(event(4, 'question', { id: 'q1', removed: true })).changed).toBe(true);
    expect(state.applyEvent(event(4, 'question', { id: 'q1', removed: true })).changed).toBe(false);
    expect(state.applyEvent(event(2, 'question', question('q1'))).changed).toBe(false);
    expect(ids(state.questions.values())).toEqual(['q2']);
    // A later event may publish it again.
    expect(state.applyEvent(event(6, 'question', question('q1'))).newQuestions).toEqual(['q1']);
  });

  it('takes a newer snapshot as the whole truth, and ignores an older one', () => {
    const state = new QaState<PublicQuestion, PublicPost>();
    state.applySnapshot(snapshot(3, { questions: [question('q1'), question('q2')], posts: [post('p1')] }));
    state.applyEvent(event(9, 'post', post('p9')));
    // Seq 8: q2 went private, p1 stays; p9 (seq 9) is newer than this snapshot and stays too.
    state.applySnapshot(snapshot(8, { questions: [question('q1')], posts: [post('p1')] }));
    expect(ids(state.questions.values())).toEqual(['q1']);
    expect(ids(state.posts.values())).toEqual(['p1', 'p9']);
    expect(state.applySnapshot(snapshot(4, { questions: [question('q2')] })).changed).toBe(false);
    expect(ids(state.questions.values())).toEqual(['q1']);
  });

  it('gives since as the highest seq seen, including the end of a replay', () => {
    const state = new QaState<PublicQuestion, PublicPost>();
    expect(state.seq).toBe(0);
    state.applySnapshot(snapshot(20));
    state.applyEvent(event(23, 'post', post('p1')));
    expect(state.seq).toBe(23);
    // Staff-only events moved the seq on without anything for this audience.
    state.synced(30);
    expect(state.seq).toBe(30);
    state.synced(25);
    expect(state.seq).toBe(30);
  });

  it("keeps this device's questions apart and follows their public fate", () => {
    const state = new QaState<PublicQuestion, PublicPost>();
    state.applySnapshot(snapshot(10));
    // From GET my-questions, asked at seq 10.
    state.applyMine([mine('m1', 'pending'), mine('m2', 'pending')], 10);
    // A device event (MyQuestion shape) is not public.
    const rejected = state.applyEvent(event(11, 'question', mine('m2', 'rejected', { rejectReason: '重复提问' })));
    expect(rejected).toMatchObject({ changed: true, myStatusChanged: ['m2'], newQuestions: [] });
    expect(state.questions.values()).toEqual([]);
    expect(state.mine.get('m2')).toMatchObject({ status: 'rejected', rejectReason: '重复提问' });
    // Approval arrives as a public event only: "my questions" shows it too, with the moderator's wording.
    const approved = state.applyEvent(event(12, 'question', question('m1', { body: '修改后的问题' })));
    expect(approved).toMatchObject({ newQuestions: ['m1'], myStatusChanged: ['m1'] });
    expect(state.mine.get('m1')).toMatchObject({ status: 'approved', body: '修改后的问题' });
    // A device event at or below the snapshot's seq still counts: the public snapshot has no device items.
    state.applySnapshot(snapshot(20, { questions: [question('m1')] }));
    expect(state.applyEvent(event(15, 'question', mine('m3', 'pending'))).changed).toBe(true);
  });

  it("places an HTTP answer between the seq seen at the request and the next event", () => {
    const state = new QaState<PublicQuestion, PublicPost>();
    state.applySnapshot(snapshot(10));
    state.applyEvent(event(11, 'question', mine('m1', 'pending')));
    // The withdrawal answer was requested at seq 11: newer than event 11, older than event 12.
    expect(state.applyMine([mine('m1', 'withdrawn')], 11).myStatusChanged).toEqual(['m1']);
    expect(state.applyEvent(event(11, 'question', mine('m1', 'pending'))).changed).toBe(false);
    expect(state.mine.get('m1')?.status).toBe('withdrawn');
    state.applyEvent(event(12, 'question', mine('m1', 'merged')));
    expect(state.mine.get('m1')?.status).toBe('merged');
  });
});

describe('QaState (staff)', () => {
  const staffQuestion = (id: string, extra: Partial<StaffQuestion> = {}): StaffQuestion => ({
    id,
    nickname: '网友',
    contact: '13800000000',
    body: '县里的营商环境有哪些新举措？',
    originalBody: null,
    status: 'pending',
    selected: false,
    answering: false,
    rejectReason: null,
    mergedInto: null,
    flagged: false,
    advance: false,
    createdAt: '2025-03-01T02:00:00.000Z',
    updatedAt: '2025-03-01T02:00:00.000Z',
    answeredAt: null,
    programTimeMs: null,
    ...extra,
  });

  it('takes the answering question and the settings from the staff snapshot, and applies action answers', () => {
    const state = new QaState<StaffQuestion, StaffPost>('staff');
    state.applySnapshot({
      seq: 4,
      questions: [staffQuestion('q1', { status: 'approved', answering: true }), staffQuestion('q2')],
      posts: [],
      settings: {
        reviewQuestions: true,
        reviewHostPosts: false,
        reviewGuestPosts: true,
        sensitiveWordAction: 'hold',
        questionsOpen: true,
      },
    });
    expect(state.answeringQuestionId).toBe('q1');
    expect(state.settings.reviewGuestPosts).toBe(true);
    // Staff question events carry `answering`: they are never taken for a device's question.
    state.applyEvent(event(5, 'question', staffQuestion('q3')));
    expect(state.questions.has('q3')).toBe(true);
    expect(state.mine.values()).toEqual([]);
    // The answer to "answering" on q2, sent at seq 5, moves the marker before the socket says so.
    state.applyAnswer('question', staffQuestion('q2', { status: 'approved', answering: true }), 5);
    expect(state.answeringQuestionId).toBe('q2');
    // Then the socket's own events (seq 6) confirm and win over the answer.
    state.applyEvent(event(6, 'question', staffQuestion('q2', { status: 'answered', answering: false })));
    state.applyEvent(event(6, 'answering', { answeringQuestionId: null }));
    expect(state.questions.get('q2')?.status).toBe('answered');
    expect(state.answeringQuestionId).toBeNull();
    // A settings event changes only what it carries.
    state.applyEvent(event(7, 'settings', { questionsOpen: false }));
    expect(state.settings).toMatchObject({ questionsOpen: false, reviewGuestPosts: true });
  });

  it('flags a ban made or lifted (which it does not hold) so the desk reads the ban list again', () => {
    const state = new QaState<StaffQuestion, StaffPost>('staff');
    state.applySnapshot({ seq: 3, questions: [staffQuestion('q1')], posts: [] });
    expect(state.applyEvent({ ...event(4, 'question', staffQuestion('q1', { status: 'approved' })), audience: 'staff' }).bansChanged).toBe(false);
    const made = state.applyEvent({ ...event(5, 'ban', { id: 'b1', reason: '含不文明用语' }), audience: 'staff' });
    expect(made).toMatchObject({ changed: true, bansChanged: true, newQuestions: [] });
    expect(state.applyEvent({ ...event(6, 'ban', { id: 'b1', removed: true }), audience: 'staff' }).bansChanged).toBe(true);
    expect(state.questions.values().map((q) => q.id)).toEqual(['q1']);
  });

  it('keeps the order of action answers in a row before the socket confirms them', () => {
    const state = new QaState<StaffQuestion, StaffPost>('staff');
    state.applySnapshot({ seq: 7, questions: [staffQuestion('q1')], posts: [] });
    // Approve, then select, both answered while the socket is still at seq 7.
    expect(state.applyAnswer('question', staffQuestion('q1', { status: 'approved' }), 7).changed).toBe(true);
    expect(state.applyAnswer('question', staffQuestion('q1', { status: 'approved', selected: true }), 7).changed).toBe(true);
    expect(state.questions.get('q1')).toMatchObject({ status: 'approved', selected: true });
    // Then the socket's events arrive in order: any event after seq 7 wins over the answers, so the approval's
    // (seq 8) shows for a moment, and the selection's own (seq 9) brings the same state back.
    state.applyEvent({ ...event(8, 'question', staffQuestion('q1', { status: 'approved' })), audience: 'staff' });
    expect(state.questions.get('q1')?.selected).toBe(false);
    state.applyEvent({ ...event(9, 'question', staffQuestion('q1', { status: 'approved', selected: true })), audience: 'staff' });
    expect(state.questions.get('q1')?.selected).toBe(true);
  });

  it('applies only the staff events of the staff socket, which carries every audience', () => {
    const state = new QaState<StaffQuestion, StaffPost>('staff');
    state.applySnapshot({ seq: 1, questions: [staffQuestion('q1')], posts: [] });
    // One change, three events (one seq each): the device's and the public view must not replace the staff one.
    const approved = staffQuestion('q1', { status: 'approved' });
    const { contact: _c, originalBody: _o, selected: _s, flagged: _f, ...rest } = approved;
    expect(state.applyEvent({ ...event(2, 'question', { ...rest, answering: false }), audience: 'public' }).changed).toBe(false);
    expect(state.applyEvent({ ...event(3, 'question', mine('q1', 'approved')), audience: 'device' }).changed).toBe(false);
    expect(state.applyEvent({ ...event(4, 'question', approved), audience: 'staff' }).changed).toBe(true);
    expect(state.applyEvent({ ...event(5, 'question', { id: 'q1', removed: true }), audience: 'public' }).changed).toBe(false);
    expect(state.questions.get('q1')).toEqual(approved);
    expect(state.mine.values()).toEqual([]);
    expect(state.seq).toBe(5);
  });
});

describe('QaState audiences (public)', () => {
  it("routes by the event's audience when it has one", () => {
    const state = new QaState<PublicQuestion, PublicPost>('public');
    state.applySnapshot(snapshot(1));
    // A device event whose shape alone would not tell (a field added to MyQuestion one day).
    state.applyEvent({ ...event(2, 'question', { ...mine('m1', 'pending'), answering: false }), audience: 'device' });
    expect(state.mine.get('m1')?.status).toBe('pending');
    expect(state.questions.values()).toEqual([]);
    state.applyEvent({ ...event(3, 'question', question('m1')), audience: 'public' });
    expect(ids(state.questions.values())).toEqual(['m1']);
    expect(state.mine.get('m1')?.status).toBe('approved');
  });
});
