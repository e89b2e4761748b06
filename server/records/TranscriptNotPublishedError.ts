/** No published transcript here (none yet, taken down, a draft or unknown interview): HTTP 404 for the public. */
export class TranscriptNotPublishedError extends Error {
  readonly code = 'transcript_not_published';

  constructor() {
    super('This interview has no published transcript (文字实录) yet; it appears here once the department publishes it.');
    this.name = 'TranscriptNotPublishedError';
  }
}
