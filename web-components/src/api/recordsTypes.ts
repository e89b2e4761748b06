/** The after-show records' JSON as the console reads it (mirrors server/records/*; test/unit/wireContract.test.ts holds them together). */

export type TranscriptRole = 'host' | 'guest' | 'netizen' | 'department' | 'staff';
export type TranscriptStatus = 'draft' | 'approved' | 'published';
export type TranscriptAction = 'build' | 'edit' | 'approve' | 'publish' | 'unpublish';

export interface TranscriptEntry {
  role: TranscriptRole;
  speaker: string;
  text: string;
  imageIds: string[];
}

export interface StaffTranscriptEntry extends TranscriptEntry {
  images: { id: string; url: string; width: number; height: number }[];
}

export interface StaffTranscript {
  interviewId: string;
  interviewTitle: string;
  showOver: boolean;
  transcript: {
    status: TranscriptStatus;
    entries: StaffTranscriptEntry[];
    published: boolean;
    publishedAt: string | null;
    builtAt: string;
    updatedAt: string;
    approvedAt: string | null;
  } | null;
  history: { id: string; action: TranscriptAction; status: TranscriptStatus; actorUsername: string | null; createdAt: string }[];
  me: { canEdit: boolean; canApprove: boolean; canPublish: boolean };
}

/** Contract C3. */
export interface PublicTranscript {
  publishedAt: string;
  entries: { role: TranscriptRole; speaker: string; text: string; images?: string[] }[];
}

export type FollowUpStatus = 'open' | 'answered' | 'published';

export interface StaffFollowUp {
  questionId: string;
  interviewId: string;
  interviewTitle: string;
  department: string | null;
  nickname: string;
  question: string;
  askedAt: string;
  dueDate: string;
  dueAt: string;
  status: FollowUpStatus;
  overdue: boolean;
  daysOverdue: number;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  rejectReason: string | null;
  publishedAt: string | null;
}

export interface PublicFollowUp {
  questionId: string;
  nickname: string;
  question: string;
  askedAt: string;
  answer: string;
  publishedAt: string;
}

export interface StatisticsRow {
  department: string | null;
  interviews: number;
  showsHeld: number;
  viewersPeak: number;
  viewersTotal: number;
  questionsReceived: number;
  questionsApproved: number;
  answeredLive: number;
  answeredLater: number;
  overdue: number;
}

export interface YearStatistics {
  year: number;
  departments: StatisticsRow[];
  total: StatisticsRow;
}
