import { describe, expect, it } from 'vitest';
import { RecordsRuleError } from '../../../server/domain/records/RecordsRuleError.js';
import type { Transcript, TranscriptEntry } from '../../../server/domain/records/Transcript.js';
import { applyTranscriptCommand, checkEntryImages, type TranscriptCommand } from '../../../server/domain/records/transcriptLifecycle.js';
import { INTERVIEW_ID, thrown } from '../qa/fixtures.js';

const t0 = new Date('2026-05-21T01:00:00Z');
const t1 = new Date('2026-05-21T02:00:00Z');
const entries: TranscriptEntry[] = [{ role: 'host', speaker: '主持人', text: '各位好', imageIds: [] }];
const edited: TranscriptEntry[] = [{ role: 'host', speaker: '主持人', text: '各位网友好', imageIds: [] }];

const apply = (current: Transcript | null, command: TranscriptCommand, user = 'reviewer', now = t1) =>
  applyTranscriptCommand(current, command, user, now, INTERVIEW_ID);
const code = (fn: () => unknown) => {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(RecordsRuleError);
  return (error as RecordsRuleError).code;
};

describe('applyTranscriptCommand', () => {
  const built = apply(null, { type: 'build', entries }, 'builder', t0);

  it('builds a draft that records who built it and when', () => {
    expect(built).toMatchObject({ interviewId: INTERVIEW_ID, status: 'draft', entries, publishedEntries: null, builtAt: t0, updatedAt: t0, updatedBy: 'builder' });
  });

  it('runs draft → approved → published, the public copy being the approved entries', () => {
    const approved = apply(built, { type: 'approve' });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'reviewer', approvedAt: t1 });
    const published = apply(approved, { type: 'publish' }, 'publisher');
    expect(published).toMatchObject({ status: 'published', publishedEntries: entries, publishedBy: 'publisher', publishedAt: t1 });
  });

  it('refuses to publish a draft, approve twice, approve an empty transcript or change one never built', () => {
    expect(code(() => apply(built, { type: 'publish' }))).toBe('transcript_not_approved');
    expect(code(() => apply(apply(built, { type: 'approve' }), { type: 'approve' }))).toBe('transcript_not_draft');
    expect(code(() => apply(apply(null, { type: 'build', entries: [] }), { type: 'approve' }))).toBe('transcript_empty');
    expect(code(() => apply(null, { type: 'approve' }))).toBe('transcript_not_built');
    expect(code(() => apply(built, { type: 'unpublish' }))).toBe('nothing_to_unpublish');
  });

  it('keeps the published copy up while an edit of it waits for approval, and records the editor', () => {
    const published = apply(apply(built, { type: 'approve' }), { type: 'publish' });
    const draft = apply(published, { type: 'edit', entries: edited }, 'editor', new Date('2026-05-22T00:00:00Z'));
    expect(draft).toMatchObject({ status: 'draft', entries: edited, publishedEntries: entries, updatedBy: 'editor', approvedAt: null });
    const republished = apply(apply(draft, { type: 'approve' }), { type: 'publish' });
    expect(republished.publishedEntries).toEqual(edited);
  });

  it('a rebuild keeps the published copy and starts a new draft', () => {
    const published = apply(apply(built, { type: 'approve' }), { type: 'publish' });
    const rebuilt = apply(published, { type: 'build', entries: edited });
    expect(rebuilt).toMatchObject({ status: 'draft', entries: edited, publishedEntries: entries, publishedAt: t1 });
  });

  it('unpublishing takes the public copy down and leaves the working copy approved', () => {
    const published = apply(apply(built, { type: 'approve' }), { type: 'publish' });
    expect(apply(published, { type: 'unpublish' })).toMatchObject({ status: 'approved', publishedEntries: null, publishedAt: null });
  });
});

describe('checkEntryImages', () => {
  it('accepts only pictures of the show', () => {
    const withImage: TranscriptEntry[] = [{ ...entries[0]!, imageIds: ['a'] }];
    expect(() => checkEntryImages(withImage, new Set(['a']))).not.toThrow();
    expect(code(() => checkEntryImages(withImage, new Set(['b'])))).toBe('unknown_image');
  });
});
