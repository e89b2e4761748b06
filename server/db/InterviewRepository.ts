import crypto from 'node:crypto';
import { In, Not, type DataSource, type EntityManager, type Repository } from 'typeorm';
import type { FeaturedCandidate } from '../domain/featuredInterview.js';
import type { Interview, InterviewStatus, Person } from '../domain/Interview.js';
import { canTransition, transitionInterview, type TransitionActor } from '../domain/interviewLifecycle.js';
import { GuestEntity, type GuestRow } from './entities/GuestEntity.js';
import { InterviewEntity, type InterviewRow } from './entities/InterviewEntity.js';

/** What staff write about an interview: everything but its status and lifecycle times. */
export interface InterviewDetails {
  title: string;
  topic: string | null;
  department: string | null;
  background: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  host: Person | null;
  guests: Person[];
}

export interface NewInterview extends InterviewDetails {
  /** A new interview starts as a draft (console) or announced at once (the API's default, as before drafts). */
  status: 'draft' | 'scheduled';
}

export class InterviewRepository {
  #dataSource: DataSource;
  #interviews: Repository<InterviewRow>;
  #guests: Repository<GuestRow>;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
    this.#interviews = dataSource.getRepository(InterviewEntity);
    this.#guests = dataSource.getRepository(GuestEntity);
  }

  async create(input: NewInterview): Promise<Interview> {
    const now = new Date();
    const row: InterviewRow = {
      id: crypto.randomUUID(),
      ...detailColumns(input),
      status: input.status,
      createdAt: now,
      updatedAt: now,
      liveAt: null,
      endedAt: null,
    };
    const guests = guestRows(row.id, input.guests);
    await this.#dataSource.transaction(async (manager) => {
      await manager.insert(InterviewEntity, row);
      if (guests.length > 0) await manager.insert(GuestEntity, guests);
    });
    return toInterview(row, guests);
  }

  /**
   * Replaces the details and the guest list (in the order given) in one transaction. Null when there is no such
   * interview. Any status may be edited: a misspelt name is fixed while on air too.
   */
  async update(id: string, details: InterviewDetails): Promise<Interview | null> {
    const now = new Date();
    const result = await this.#dataSource.transaction(async (manager) => {
      const row = await manager.findOne(InterviewEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) return null;
      const next: InterviewRow = { ...row, ...detailColumns(details), updatedAt: now };
      await manager.update(InterviewEntity, { id }, { ...detailColumns(details), updatedAt: now });
      const guests = guestRows(id, details.guests);
      await manager.delete(GuestEntity, { interviewId: id });
      if (guests.length > 0) await manager.insert(GuestEntity, guests);
      return { row: next, guests };
    });
    return result && toInterview(result.row, result.guests);
  }

  async get(id: string): Promise<Interview | null> {
    const row = await this.#interviews.findOneBy({ id });
    if (!row) return null;
    return toInterview(row, await this.#guestsOf(this.#dataSource.manager, id));
  }

  /** Newest first. */
  async list(): Promise<Interview[]> {
    const rows = await this.#interviews.find({ order: { createdAt: 'DESC' } });
    if (rows.length === 0) return [];
    const guests = await this.#guests.find({
      where: { interviewId: In(rows.map((row) => row.id)) },
      order: { sortOrder: 'ASC' },
    });
    return rows.map((row) => toInterview(row, guests.filter((guest) => guest.interviewId === row.id)));
  }

  /** The status alone (for the public gate, which asks on every playlist request), or null for an unknown id. */
  async statusOf(id: string): Promise<InterviewStatus | null> {
    const row = await this.#interviews.findOne({ where: { id }, select: { id: true, status: true } });
    return row?.status ?? null;
  }

  /** What pickFeaturedInterview needs of every public interview (a county plans about a dozen a year). */
  featuredCandidates(): Promise<FeaturedCandidate[]> {
    return this.#interviews.find({
      where: { status: Not('draft') },
      select: { id: true, status: true, startsAt: true, createdAt: true, liveAt: true },
    });
  }

  /**
   * Moves the interview to `status` under a row lock, so a media event and a console click at the same moment
   * cannot interleave. Null when there is no such interview. For staff a move the lifecycle does not allow throws
   * InvalidStatusTransitionError; for the media node it is ignored (changed false, ignored true).
   */
  async setStatus(
    id: string,
    status: InterviewStatus,
    now: Date,
    actor: TransitionActor = 'staff',
  ): Promise<{ interview: Interview; changed: boolean; ignored: boolean } | null> {
    const result = await this.#dataSource.transaction(async (manager) => {
      const row = await manager.findOne(InterviewEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) return null;
      if (actor === 'media' && row.status !== status && !canTransition(row, status, 'media')) return { row, changed: false, ignored: true };
      const next = transitionInterview(row, status, now, actor);
      if (!next) return { row, changed: false, ignored: false };
      await manager.update(InterviewEntity, { id }, { ...next, updatedAt: now });
      return { row: { ...row, ...next, updatedAt: now }, changed: true, ignored: false };
    });
    if (!result) return null;
    const guests = await this.#guestsOf(this.#dataSource.manager, id);
    return { interview: toInterview(result.row, guests), changed: result.changed, ignored: result.ignored };
  }

  #guestsOf(manager: EntityManager, interviewId: string): Promise<GuestRow[]> {
    return manager.find(GuestEntity, { where: { interviewId }, order: { sortOrder: 'ASC' } });
  }
}

function detailColumns(details: InterviewDetails): Omit<InterviewRow, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'liveAt' | 'endedAt'> {
  return {
    title: details.title,
    topic: details.topic,
    department: details.department,
    background: details.background,
    startsAt: details.startsAt,
    endsAt: details.endsAt,
    hostName: details.host?.name ?? null,
    hostPosition: details.host?.position ?? '',
    hostBio: details.host?.bio ?? null,
    hostPhoto: details.host?.photo ?? null,
  };
}

function guestRows(interviewId: string, guests: readonly Person[]): GuestRow[] {
  return guests.map((guest, sortOrder) => ({
    id: crypto.randomUUID(),
    interviewId,
    name: guest.name,
    position: guest.position,
    bio: guest.bio,
    photo: guest.photo,
    sortOrder,
  }));
}

function toInterview(row: InterviewRow, guests: GuestRow[]): Interview {
  return {
    id: row.id,
    title: row.title,
    topic: row.topic,
    department: row.department,
    background: row.background,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    liveAt: row.liveAt,
    endedAt: row.endedAt,
    host: row.hostName === null ? null : { name: row.hostName, position: row.hostPosition, bio: row.hostBio, photo: row.hostPhoto },
    guests: guests.map((guest) => ({ name: guest.name, position: guest.position, bio: guest.bio, photo: guest.photo })),
  };
}
