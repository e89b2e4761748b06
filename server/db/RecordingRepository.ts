import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { RecordingPart, RecordingSource } from '../domain/recording/types.js';
import { RecordingPartEntity } from './entities/RecordingPartEntity.js';

/** What is known when a part begins. */
export interface NewRecordingPart extends RecordingSource {
  interviewId: string;
  path: string;
  startedAt: Date;
}

/** What is known once a part ended and was finalised. */
export type EndedRecordingPart = Pick<
  RecordingPart,
  'status' | 'endedAt' | 'durationSeconds' | 'bytes' | 'videoCodec' | 'hasAudio' | 'width' | 'height' | 'recovered' | 'error'
>;

/** The recording_parts rows: one per FFmpeg run writing the program or a camera's ISO recording. */
export class RecordingRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  /** Records a part that began; a part already known (by path) is left as it is. */
  async started(input: NewRecordingPart): Promise<void> {
    await this.#dataSource
      .createQueryBuilder()
      .insert()
      .into(RecordingPartEntity)
      .values({
        id: crypto.randomUUID(),
        ...input,
        status: 'recording',
        endedAt: null,
        durationSeconds: null,
        bytes: 0,
        videoCodec: null,
        hasAudio: null,
        width: null,
        height: null,
        recovered: false,
        error: null,
      })
      .orIgnore()
      .execute();
  }

  /** Records how a part ended; inserts it when its start was never recorded (the server died in between). */
  async ended(input: NewRecordingPart, ended: EndedRecordingPart): Promise<void> {
    await this.started(input);
    await this.#dataSource.manager.update(RecordingPartEntity, { path: input.path }, ended);
  }

  /** Removes the row of a part that recorded nothing. */
  async forget(path: string): Promise<void> {
    await this.#dataSource.manager.delete(RecordingPartEntity, { path });
  }

  list(interviewId: string): Promise<RecordingPart[]> {
    return this.#dataSource.manager.find(RecordingPartEntity, { where: { interviewId }, order: { startedAt: 'ASC' } });
  }

  /** Parts still marked as being written: after a crash of the server, none of them is. */
  unfinished(): Promise<RecordingPart[]> {
    return this.#dataSource.manager.find(RecordingPartEntity, { where: { status: 'recording' } });
  }

  async knownPaths(interviewId: string): Promise<Set<string>> {
    const rows = await this.#dataSource.manager.find(RecordingPartEntity, { where: { interviewId }, select: { path: true } });
    return new Set(rows.map((row) => row.path));
  }

  /** Names of the interview's cameras, revoked ones included (their recordings stay). */
  async cameraNames(interviewId: string): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.#dataSource.query(`SELECT id, name FROM cameras WHERE interview_id = $1`, [
      interviewId,
    ]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
