import { playlistSecondsAt, type PlaylistSegment } from './hlsPlaylist.js';

/** An answered question, with the wall-clock moment its answer began. */
export interface AnsweredQuestion {
  id: string;
  /** The question as shown publicly. */
  body: string;
  /** When the host took it up (正在回答), else when it was marked answered. */
  answerStartedAt: Date;
}

/** Contract C4: a chapter of the replay, in seconds from the start of its playlist. */
export interface Chapter {
  questionId: string;
  title: string;
  startSeconds: number;
}

/** Titles are the question; a long one is cut at this many characters (with an ellipsis) so chapter lists stay lists. */
export const CHAPTER_TITLE_MAX = 60;

/**
 * The replay's chapters: each answered question at the point of the replay playlist where its answer began, found
 * through the segments' PROGRAM-DATE-TIME (the wall clock FFmpeg wrote with each segment), so reconnect gaps and the
 * encoder's start-up do not shift them. In playlist order; [] when the playlist carries no dates. Pure.
 */
export function buildChapters(questions: readonly AnsweredQuestion[], segments: readonly PlaylistSegment[]): Chapter[] {
  const chapters: Chapter[] = [];
  for (const question of questions) {
    const seconds = playlistSecondsAt(segments, question.answerStartedAt);
    if (seconds === null) continue;
    chapters.push({ questionId: question.id, title: chapterTitle(question.body), startSeconds: Math.round(seconds * 10) / 10 });
  }
  return chapters.sort((a, b) => a.startSeconds - b.startSeconds || a.questionId.localeCompare(b.questionId));
}

export function chapterTitle(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  const characters = [...text];
  return characters.length <= CHAPTER_TITLE_MAX ? text : `${characters.slice(0, CHAPTER_TITLE_MAX - 1).join('')}…`;
}
