import type { DataSource } from 'typeorm';
import type { PostStatus } from '../domain/qa/types.js';
import { PostImageEntity, type PostImageRow } from './entities/PostImageEntity.js';

/** A stored picture with the status of the post carrying it (null while no post does). */
export interface StoredImage {
  row: PostImageRow;
  postStatus: PostStatus | null;
}

/** The post_images rows: written at upload, read when a file is served. Attaching happens in QaTransaction. */
export class PostImageRepository {
  readonly #dataSource: DataSource;

  constructor(dataSource: DataSource) {
    this.#dataSource = dataSource;
  }

  async insert(row: PostImageRow): Promise<void> {
    await this.#dataSource.manager.insert(PostImageEntity, row);
  }

  /**
   * Deletes the rows of pictures no post carries that were uploaded before `cutoff`; returns their paths. A post
   * attaching one at the same moment holds its row locked (QaTransaction.unattachedImages): the delete waits for it
   * and then sees the row attached, so an attached picture is never deleted.
   */
  async deleteUnattachedBefore(cutoff: Date): Promise<string[]> {
    const [rows]: [{ path: string }[], number] = await this.#dataSource.query(
      'DELETE FROM post_images WHERE post_id IS NULL AND created_at < $1 RETURNING path',
      [cutoff],
    );
    return rows.map((row) => row.path);
  }

  /** The picture stored at `path` (relative to the data directory), or null. */
  async findByPath(path: string): Promise<StoredImage | null> {
    const rows: { id: string; post_status: PostStatus | null }[] = await this.#dataSource.query(
      `SELECT i.id, p.status AS post_status FROM post_images i LEFT JOIN posts p ON p.id = i.post_id WHERE i.path = $1`,
      [path],
    );
    const found = rows[0];
    if (!found) return null;
    const row = await this.#dataSource.manager.findOneByOrFail(PostImageEntity, { id: found.id });
    return { row, postStatus: found.post_status };
  }
}
