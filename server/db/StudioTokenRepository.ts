import crypto from 'node:crypto';
import { LessThanOrEqual, MoreThan, type DataSource, type Repository } from 'typeorm';
import { CameraStudioTokenEntity, type CameraStudioTokenRow } from './entities/CameraStudioTokenEntity.js';

export class StudioTokenRepository {
  #tokens: Repository<CameraStudioTokenRow>;

  constructor(dataSource: DataSource) {
    this.#tokens = dataSource.getRepository(CameraStudioTokenEntity);
  }

  async create(input: { cameraId: string; tokenHash: string; userId: string; expiresAt: Date }): Promise<void> {
    await this.#tokens.insert({ id: crypto.randomUUID(), ...input });
  }

  /** Hashes of the camera's unexpired studio tokens (a few at most: one per open studio page). */
  async validHashes(cameraId: string, now: Date): Promise<string[]> {
    const rows = await this.#tokens.find({ select: { tokenHash: true }, where: { cameraId, expiresAt: MoreThan(now) } });
    return rows.map((row) => row.tokenHash);
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.#tokens.delete({ expiresAt: LessThanOrEqual(now) });
  }

  async deleteForCamera(cameraId: string): Promise<void> {
    await this.#tokens.delete({ cameraId });
  }
}
