import { RecordsRuleError } from './RecordsRuleError.js';
import type { Transcript, TranscriptEntry } from './Transcript.js';

/** A change the department's reviewer (or whoever the permissions allow) makes to a transcript. */
export type TranscriptCommand =
  | { type: 'build'; entries: TranscriptEntry[] }
  | { type: 'edit'; entries: TranscriptEntry[] }
  | { type: 'approve' }
  | { type: 'publish' }
  | { type: 'unpublish' };

/**
 * The transcript after `command` by `userId` at `now`; `current` is null before the first build.
 *
 * - build: (re)builds the working copy from the show, as a draft; a published copy stays up until the new one is
 *   published. The history keeps the copy it replaces.
 * - edit: replaces the working copy; an approved or published one goes back to draft (it needs approving again).
 * - approve: draft → approved; an empty transcript cannot be approved.
 * - publish: approved → published; the working copy becomes the public one.
 * - unpublish: takes the public copy down; the working copy stays (approved, ready to publish again).
 */
export function applyTranscriptCommand(
  current: Transcript | null,
  command: TranscriptCommand,
  userId: string,
  now: Date,
  interviewId: string,
): Transcript {
  if (command.type === 'build') {
    return {
      interviewId,
      status: 'draft',
      entries: command.entries,
      publishedEntries: current?.publishedEntries ?? null,
      builtAt: now,
      updatedAt: now,
      updatedBy: userId,
      approvedAt: null,
      approvedBy: null,
      publishedAt: current?.publishedAt ?? null,
      publishedBy: current?.publishedBy ?? null,
    };
  }
  if (current === null) {
    throw new RecordsRuleError('transcript_not_built', 'There is no transcript yet; build it from the show first.');
  }
  switch (command.type) {
    case 'edit':
      return { ...current, status: 'draft', entries: command.entries, updatedAt: now, updatedBy: userId, approvedAt: null, approvedBy: null };
    case 'approve':
      if (current.status !== 'draft') {
        throw new RecordsRuleError('transcript_not_draft', 'This version is already approved; edit it to make a new draft.');
      }
      if (current.entries.length === 0) {
        throw new RecordsRuleError('transcript_empty', 'The transcript has no entries; build it again or add entries before approving.');
      }
      return { ...current, status: 'approved', approvedAt: now, approvedBy: userId };
    case 'publish':
      if (current.status !== 'approved') {
        throw new RecordsRuleError(
          'transcript_not_approved',
          current.status === 'published' ? 'This version is already published.' : 'Approve the transcript before publishing it.',
        );
      }
      return { ...current, status: 'published', publishedEntries: current.entries, publishedAt: now, publishedBy: userId };
    case 'unpublish':
      if (current.publishedEntries === null) {
        throw new RecordsRuleError('nothing_to_unpublish', 'The transcript is not published.');
      }
      return {
        ...current,
        status: current.status === 'published' ? 'approved' : current.status,
        publishedEntries: null,
        publishedAt: null,
        publishedBy: null,
      };
  }
}

/**
 * Checks an edited copy's pictures: each must be one of the show's published pictures (`allowedImageIds`), so an
 * edit cannot put a staff-only upload before the public. Throws RecordsRuleError `unknown_image`.
 */
export function checkEntryImages(entries: readonly TranscriptEntry[], allowedImageIds: ReadonlySet<string>): void {
  entries.forEach((entry, index) => {
    for (const id of entry.imageIds) {
      if (!allowedImageIds.has(id)) {
        throw new RecordsRuleError('unknown_image', `Entry ${index + 1} names a picture (${id}) that is not on an approved post of this show.`);
      }
    }
  });
}
