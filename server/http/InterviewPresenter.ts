import fs from 'node:fs/promises';
import path from 'node:path';
import type { Guest, Interview, InterviewStatus } from '../domain/Interview.js';
import type { PublicUrls } from './PublicUrls.js';

/** What portals and players get for an interview. */
export interface PublicInterviewJson {
  id: string;
  title: string;
  topic: string | null;
  department: string | null;
  startsAt: string | null;
  status: InterviewStatus;
  guests: Guest[];
  /** The program playlist once there is one (live or ended), else null. */
  hlsUrl: string | null;
  pageUrl: string;
}

/** What the console gets: the public view plus the lifecycle times. */
export interface StaffInterviewJson extends PublicInterviewJson {
  createdAt: string;
  updatedAt: string;
  liveAt: string | null;
  endedAt: string | null;
}

/** Turns interviews into JSON, looking on disk for the playlist the media node writes. */
export class InterviewPresenter {
  #urls: PublicUrls;
  #dataDir: string;

  constructor(urls: PublicUrls, dataDir: string) {
    this.#urls = urls;
    this.#dataDir = dataDir;
  }

  async toPublic(interview: Interview): Promise<PublicInterviewJson> {
    return {
      id: interview.id,
      title: interview.title,
      topic: interview.topic,
      department: interview.department,
      startsAt: interview.startsAt?.toISOString() ?? null,
      status: interview.status,
      guests: interview.guests.map((guest) => ({ name: guest.name, position: guest.position })),
      hlsUrl: (await this.#hasPlaylist(interview)) ? this.#urls.hls(interview.id) : null,
      pageUrl: this.#urls.page(interview.id),
    };
  }

  async toStaff(interview: Interview): Promise<StaffInterviewJson> {
    return {
      ...(await this.toPublic(interview)),
      createdAt: interview.createdAt.toISOString(),
      updatedAt: interview.updatedAt.toISOString(),
      liveAt: interview.liveAt?.toISOString() ?? null,
      endedAt: interview.endedAt?.toISOString() ?? null,
    };
  }

  /** A scheduled show has no playlist to offer even if old files lie around; a live or ended one needs the file. */
  async #hasPlaylist(interview: Interview): Promise<boolean> {
    if (interview.status === 'scheduled') return false;
    const playlist = path.join(this.#dataDir, 'interviews', interview.id, 'hls', 'index.m3u8');
    return fs.access(playlist).then(
      () => true,
      () => false,
    );
  }
}
