import fs from 'node:fs/promises';
import path from 'node:path';
import { portraitPath, type Interview, type InterviewStatus, type Person } from '../domain/Interview.js';
import { staffTargets } from '../domain/interviewLifecycle.js';
import type { PublicUrls } from './PublicUrls.js';

/** A host or guest as portals show them (嘉宾介绍). */
export interface PersonJson {
  name: string;
  position: string;
  bio: string | null;
  photoUrl: string | null;
}

/** What portals and players get for an interview. Never made for a draft: drafts are not public. */
export interface PublicInterviewJson {
  id: string;
  title: string;
  topic: string | null;
  department: string | null;
  /** 背景介绍. */
  background: string | null;
  startsAt: string | null;
  /** The planned end. */
  endsAt: string | null;
  status: InterviewStatus;
  host: PersonJson | null;
  guests: PersonJson[];
  /** The program playlist once there is one (live, ended or replay), else null. */
  hlsUrl: string | null;
  pageUrl: string;
}

/** A person as the console edits them: the portrait's file name too, to send back unchanged. */
export interface StaffPersonJson extends PersonJson {
  photo: string | null;
}

/** What the console gets: the public view plus the lifecycle times and the moves staff may make next. */
export interface StaffInterviewJson extends PublicInterviewJson {
  host: StaffPersonJson | null;
  guests: StaffPersonJson[];
  createdAt: string;
  updatedAt: string;
  liveAt: string | null;
  endedAt: string | null;
  /** The statuses the console may move the interview to now (see interviewLifecycle.ts). */
  nextStatuses: InterviewStatus[];
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
    const person = (p: Person): PersonJson => ({ name: p.name, position: p.position, bio: p.bio, photoUrl: this.#photoUrl(interview.id, p) });
    return {
      id: interview.id,
      title: interview.title,
      topic: interview.topic,
      department: interview.department,
      background: interview.background,
      startsAt: interview.startsAt?.toISOString() ?? null,
      endsAt: interview.endsAt?.toISOString() ?? null,
      status: interview.status,
      host: interview.host && person(interview.host),
      guests: interview.guests.map(person),
      hlsUrl: (await this.#hasPlaylist(interview)) ? this.#urls.hls(interview.id) : null,
      pageUrl: this.#urls.page(interview.id),
    };
  }

  async toStaff(interview: Interview): Promise<StaffInterviewJson> {
    const person = (p: Person): StaffPersonJson => ({
      name: p.name,
      position: p.position,
      bio: p.bio,
      photoUrl: this.#photoUrl(interview.id, p),
      photo: p.photo,
    });
    return {
      ...(await this.toPublic(interview)),
      host: interview.host && person(interview.host),
      guests: interview.guests.map(person),
      createdAt: interview.createdAt.toISOString(),
      updatedAt: interview.updatedAt.toISOString(),
      liveAt: interview.liveAt?.toISOString() ?? null,
      endedAt: interview.endedAt?.toISOString() ?? null,
      nextStatuses: staffTargets(interview),
    };
  }

  #photoUrl(interviewId: string, person: Person): string | null {
    return person.photo === null ? null : this.#urls.media(portraitPath(interviewId, person.photo));
  }

  /**
   * A draft or an announced show has no playlist to offer even if files lie around (a studio test); a live, ended
   * or replayed one needs the file.
   */
  async #hasPlaylist(interview: Interview): Promise<boolean> {
    if (interview.status === 'draft' || interview.status === 'scheduled') return false;
    const playlist = path.join(this.#dataDir, 'interviews', interview.id, 'hls', 'index.m3u8');
    return fs.access(playlist).then(
      () => true,
      () => false,
    );
  }
}
