import type { DataSource } from 'typeorm';
import type { Clip, ExportJob } from '../domain/recording/types.js';
import { ClipEntity } from './entities/ClipEntity.js';
import { ExportJobEntity } from './entities/ExportJobEntity.js';

/** The clips rows, and the export jobs of each clip. */
export class ClipRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  async insert(clip: Clip): Promise<void> {
    await this.#dataSource.manager.insert(ClipEntity, clip);
  }

  get(interviewId: string, id: string): Promise<Clip | null> {
    return this.#dataSource.manager.findOneBy(ClipEntity, { interviewId, id });
  }

  list(interviewId: string): Promise<Clip[]> {
    return this.#dataSource.manager.find(ClipEntity, { where: { interviewId }, order: { createdAt: 'ASC' } });
  }

  async update(clip: Clip): Promise<void> {
    await this.#dataSource.manager.update(ClipEntity, { id: clip.id }, { title: clip.title, inSeconds: clip.inSeconds, outSeconds: clip.outSeconds, updatedAt: clip.updatedAt });
  }

  /** Deletes the clip; its jobs go with it (ON DELETE CASCADE). Returns the jobs it had, for their files. */
  async delete(interviewId: string, id: string): Promise<ExportJob[]> {
    return this.#dataSource.transaction(async (manager) => {
      const jobs = await manager.findBy(ExportJobEntity, { clipId: id, interviewId });
      await manager.delete(ClipEntity, { id, interviewId });
      return jobs;
    });
  }
}
