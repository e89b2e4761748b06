/**
 * Where a show is in its life: 草稿 (draft, staff only) → 已发布预告 (scheduled, announced) → 直播中 (live) →
 * 已结束 (ended) → 回顾已发布 (replay published). interviewLifecycle.ts says which moves are allowed.
 */
export type InterviewStatus = 'draft' | 'scheduled' | 'live' | 'ended' | 'replay';

export const INTERVIEW_STATUSES: readonly InterviewStatus[] = ['draft', 'scheduled', 'live', 'ended', 'replay'];

/** A person announced with the show: the host (主持人) or a guest (嘉宾). */
export interface Person {
  name: string;
  /** Their post (职务), e.g. 县教育局局长; may be empty. */
  position: string;
  /** A short introduction (嘉宾介绍). */
  bio: string | null;
  /** The portrait's file name in the interview's people folder (see portraitPath), or null. */
  photo: string | null;
}

/** What the Q&A needs of a guest: who answers (guestIndex counts in announcement order). */
export type Guest = Pick<Person, 'name' | 'position'>;

/** One 在线访谈 show. */
export interface Interview {
  id: string;
  title: string;
  topic: string | null;
  /** The interviewed department (责任单位). */
  department: string | null;
  /** 背景介绍: why the show is held, shown with the announcement. */
  background: string | null;
  startsAt: Date | null;
  /** The planned end; null when not planned. */
  endsAt: Date | null;
  status: InterviewStatus;
  createdAt: Date;
  updatedAt: Date;
  /** When the show first went on air. */
  liveAt: Date | null;
  /** When the show last ended; null before it ended or while live again. */
  endedAt: Date | null;
  host: Person | null;
  /** In announcement order. */
  guests: Person[];
}

/** Whether viewers may see the interview at all: a draft is answered 404 everywhere public, as if it did not exist. */
export function isPublicStatus(status: InterviewStatus): boolean {
  return status !== 'draft';
}

/** Where an interview's portraits live, below the data directory. */
export function portraitPath(interviewId: string, photo: string): string {
  return `interviews/${interviewId}/people/${photo}`;
}
