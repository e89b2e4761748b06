import type { Transcript, TranscriptEntry, TranscriptRole } from '../domain/records/Transcript.js';
import type { TranscriptRevision } from '../db/TranscriptRepository.js';

/** A picture of the show as the transcript shows it. */
export interface TranscriptImage {
  id: string;
  url: string;
  width: number;
  height: number;
  /** Below the data directory (exports read the file). */
  path: string;
  mimeType: string;
}

/** Contract C3: the published transcript for portals. */
export interface PublicTranscriptJson {
  publishedAt: string;
  entries: { role: TranscriptRole; speaker: string; text: string; images?: string[] }[];
}

export interface StaffTranscriptEntryJson extends TranscriptEntry {
  images: { id: string; url: string; width: number; height: number }[];
}

/** The console's view: the working copy, its state, who did what, and what the user may do. */
export interface StaffTranscriptJson {
  interviewId: string;
  interviewTitle: string;
  /** Whether the show is over, so the transcript can be built. */
  showOver: boolean;
  transcript: {
    status: Transcript['status'];
    entries: StaffTranscriptEntryJson[];
    published: boolean;
    publishedAt: string | null;
    builtAt: string;
    updatedAt: string;
    approvedAt: string | null;
  } | null;
  history: { id: string; action: TranscriptRevision['action']; status: Transcript['status']; actorUsername: string | null; createdAt: string }[];
  me: { canEdit: boolean; canApprove: boolean; canPublish: boolean };
}

export function publicTranscriptJson(publishedAt: Date, entries: readonly TranscriptEntry[], images: ReadonlyMap<string, TranscriptImage>): PublicTranscriptJson {
  return {
    publishedAt: publishedAt.toISOString(),
    entries: entries.map((entry) => {
      const urls = entry.imageIds.flatMap((id) => images.get(id)?.url ?? []);
      return { role: entry.role, speaker: entry.speaker, text: entry.text, ...(urls.length > 0 && { images: urls }) };
    }),
  };
}

export function staffEntryJson(entry: TranscriptEntry, images: ReadonlyMap<string, TranscriptImage>): StaffTranscriptEntryJson {
  return {
    ...entry,
    images: entry.imageIds.flatMap((id) => {
      const image = images.get(id);
      return image ? [{ id, url: image.url, width: image.width, height: image.height }] : [];
    }),
  };
}
