import { transcriptDocx } from './transcriptDocx.js';
import type { PublishedTranscript } from './TranscriptService.js';

/** Documents kept: a county publishes about a dozen transcripts a year; each is a megabyte or two with pictures. */
const MAX_DOCUMENTS = 16;

/**
 * The DOCX of each published transcript, made once per publication: packing a long show with pictures takes seconds
 * of CPU (docx zips with a JavaScript deflate), too much to repeat for every download of a public address.
 * Requests for a document being made wait for the same work. Keyed by interview and publication time, so a new
 * publication makes a new document; the least recently used are dropped beyond MAX_DOCUMENTS.
 */
export class TranscriptDocxCache {
  readonly #dataDir: string;
  readonly #documents = new Map<string, Promise<Buffer>>();

  constructor(dataDir: string) {
    this.#dataDir = dataDir;
  }

  get(interviewId: string, transcript: PublishedTranscript): Promise<Buffer> {
    const key = `${interviewId}:${transcript.publishedAt.getTime()}`;
    let document = this.#documents.get(key);
    if (document) {
      // Most recently used last.
      this.#documents.delete(key);
    } else {
      document = transcriptDocx(transcript, this.#dataDir);
      // A failed packing is not kept: the next request tries again.
      document.catch(() => this.#documents.delete(key));
    }
    this.#documents.set(key, document);
    while (this.#documents.size > MAX_DOCUMENTS) this.#documents.delete(this.#documents.keys().next().value!);
    return document;
  }
}
