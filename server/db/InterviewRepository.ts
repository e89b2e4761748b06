import crypto from 'node:crypto';
import { In, type DataSource, type Repository } from 'typeorm';
import type { FeaturedCandidate } from '../domain/featuredInterview.js';
import type { Guest, Interview, InterviewStatus } from '../domain/Interview.js';
import { transitionInterview } from '../domain/interviewLifecycle.js';
import { GuestEntity, type GuestRow } from './entities/GuestEntity.js';
import { InterviewEntity, type InterviewRow } from './entities/InterviewEntity.js';

export interface NewInterview {
  title: string;
  topic: string | null;
  department: string | null;
  startsAt: Date | null;
  guests: Guest[];
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
      title: input.title,
      topic: input.topic,
      department: input.department,
      startsAt: input.startsAt,
      status: 'scheduled',
      createdAt: now,
      updatedAt: now,
      liveAt: null,
      endedAt: null,
    };
    const guests: GuestRow[] = input.guests.map((guest, sortOrder) => ({
      id: crypto.randomUUID(),
      interviewId: row.id,
      name: guest.name,
      position: guest.position,
      sortOrder,
    }));
    await this.#dataSource.transaction(async (manager) => {
      await manager.insert(InterviewEntity, row);
      if (guests.length > 0) await manager.insert(GuestEntity, guests);
    });
    return toInterview(row, guests);
  }

  async get(id: string): Promise<Interview | null> {
    const row = await this.#interviews.findOneBy({ id });
    if (!row) return null;
    const guests = await this.#guests.find({ where: { interviewId: id }, order: { sortOrder: 'ASC' } });
    return toInterview(row, guests);
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

  /** What pickFeaturedInterview needs of every interview (a county plans about a dozen a year). */
  featuredCandidates(): Promise<FeaturedCandidate[]> {
    return this.#interviews.find({ select: { id: true, status: true, startsAt: true, createdAt: true, liveAt: true } });
  }

  /**
   * Moves the interview to `status` under a row lock, so a media event and a console click at the same moment
   * cannot interleave. Null when there is no such interview; throws InvalidStatusTransitionError when not allowed.
   */
  async setStatus(id: string, status: InterviewStatus, now: Date): Promise<{ interview: Interview; changed: boolean } | null> {
    const result = await this.#dataSource.transaction(async (manager) => {
      const row = await manager.findOne(InterviewEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) return null;
      const next = transitionInterview(row, status, now);
      if (!next) return { row, changed: false };
      await manager.update(InterviewEntity, { id }, { ...next, updatedAt: now });
      return { row: { ...row, ...next, updatedAt: now }, changed: true };
    });
    if (!result) return null;
    const guests = await this.#guests.find({ where: { interviewId: id }, order: { sortOrder: 'ASC' } });
    return { interview: toInterview(result.row, guests), changed: result.changed };
  }
}

function toInterview(row: InterviewRow, guests: GuestRow[]): Interview {
  return {
    id: row.id,
    title: row.title,
    topic: row.topic,
    department: row.department,
    startsAt: row.startsAt,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    liveAt: row.liveAt,
    endedAt: row.endedAt,
    guests: guests.map((guest) => ({ name: guest.name, position: guest.position })),
  };
}
