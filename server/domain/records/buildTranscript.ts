import type { Post, Question } from '../qa/types.js';
import type { TranscriptEntry } from './Transcript.js';

/**
 * Builds the 文字实录 from what viewers saw: the approved host and guest posts, and the netizens' questions the show
 * answered, in program order.
 *
 * Order: posts by when they were written (the order things were said; a post approved later by the reviewer was
 * still said at its writing). A question answered by posts (一问一答) comes right before the first of them, as the
 * host puts it to the guests; an answered question without such a post comes at the time it was marked answered.
 * Pending, rejected or merged items, and approved questions never answered, are not part of the record (those get
 * follow-ups instead).
 */
export function buildTranscript(input: { questions: readonly Question[]; posts: readonly Post[] }): TranscriptEntry[] {
  const posts = input.posts.filter((post) => post.status === 'approved');
  const firstAnswerAt = new Map<string, number>();
  for (const post of posts) {
    if (post.questionId === null) continue;
    const at = post.createdAt.getTime();
    const seen = firstAnswerAt.get(post.questionId);
    if (seen === undefined || at < seen) firstAnswerAt.set(post.questionId, at);
  }
  type Item = { at: number; rank: number; tie: string; entry: TranscriptEntry };
  const items: Item[] = [];
  for (const question of input.questions) {
    if (question.status !== 'answered') continue;
    const at = firstAnswerAt.get(question.id) ?? (question.answeredAt ?? question.updatedAt).getTime();
    // A question sorts before a post written at the same instant: it is what the post answers.
    items.push({ at, rank: 0, tie: question.id, entry: { role: 'netizen', speaker: question.nickname, text: question.body, imageIds: [] } });
  }
  for (const post of posts) {
    items.push({
      at: post.createdAt.getTime(),
      rank: 1,
      tie: post.id,
      entry: { role: post.role, speaker: post.authorName, text: post.body, imageIds: post.images.map((image) => image.id) },
    });
  }
  items.sort((a, b) => a.at - b.at || a.rank - b.rank || (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0));
  return items.map((item) => item.entry);
}
