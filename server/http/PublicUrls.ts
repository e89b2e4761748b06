/** The addresses handed out to cameras, players and portals, all under the public base URL. */
export class PublicUrls {
  readonly base: string;

  constructor(base: string) {
    this.base = base.replace(/\/+$/, '');
  }

  whip(cameraId: string): string {
    return `${this.base}/whip/${cameraId}`;
  }

  hls(interviewId: string): string {
    return `${this.base}/media/interviews/${interviewId}/hls/index.m3u8`;
  }

  /** A file below the data directory, by its relative path (e.g. interviews/<id>/images/<imageId>.jpg). */
  media(relativePath: string): string {
    return `${this.base}/media/${relativePath}`;
  }

  page(interviewId: string): string {
    return `${this.base}/watch/${interviewId}`;
  }
}
