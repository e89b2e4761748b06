import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Post pictures (图文直播): one row per uploaded file below the data directory. A picture is uploaded before the
 * post is written and attached when it is, so `post_id` stays null until then; serving reads the post's status to
 * decide whether the file is public.
 */
export class PostImages1795853100000 implements MigrationInterface {
  name = 'PostImages1795853100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE post_images (
        id uuid PRIMARY KEY,
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        path text NOT NULL UNIQUE,
        mime text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
        width integer NOT NULL CHECK (width > 0),
        height integer NOT NULL CHECK (height > 0),
        bytes integer NOT NULL CHECK (bytes > 0),
        uploaded_by uuid NOT NULL REFERENCES users (id),
        post_id uuid REFERENCES posts (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX post_images_post_idx ON post_images (post_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE post_images`);
  }
}
