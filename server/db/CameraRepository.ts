import crypto from 'node:crypto';
import { IsNull, type DataSource, type Repository } from 'typeorm';
import type { Camera } from '../domain/Camera.js';
import { CameraEntity, type CameraRow } from './entities/CameraEntity.js';

export class CameraRepository {
  #cameras: Repository<CameraRow>;

  constructor(dataSource: DataSource) {
    this.#cameras = dataSource.getRepository(CameraEntity);
  }

  async create(input: { interviewId: string; name: string; tokenHash: string }): Promise<Camera> {
    const row: CameraRow = { id: crypto.randomUUID(), revokedAt: null, createdAt: new Date(), ...input };
    await this.#cameras.insert(row);
    return toCamera(row);
  }

  /** With the token hash: for authentication. Revoked cameras included; callers check `revokedAt`. */
  findWithTokenHash(id: string): Promise<CameraRow | null> {
    return this.#cameras.findOneBy({ id });
  }

  async findActive(id: string): Promise<Camera | null> {
    const row = await this.#cameras.findOneBy({ id, revokedAt: IsNull() });
    return row ? toCamera(row) : null;
  }

  /** The interview's cameras that were not removed, oldest first. */
  async listActive(interviewId: string): Promise<Camera[]> {
    const rows = await this.#cameras.find({ where: { interviewId, revokedAt: IsNull() }, order: { createdAt: 'ASC' } });
    return rows.map(toCamera);
  }

  /** False when there is no such active camera. */
  async replaceTokenHash(id: string, tokenHash: string): Promise<boolean> {
    const result = await this.#cameras.update({ id, revokedAt: IsNull() }, { tokenHash });
    return (result.affected ?? 0) > 0;
  }

  /** False when there is no such active camera. */
  async revoke(id: string, now: Date): Promise<boolean> {
    const result = await this.#cameras.update({ id, revokedAt: IsNull() }, { revokedAt: now });
    return (result.affected ?? 0) > 0;
  }
}

function toCamera(row: CameraRow): Camera {
  return { id: row.id, interviewId: row.interviewId, name: row.name, createdAt: row.createdAt, revokedAt: row.revokedAt };
}
