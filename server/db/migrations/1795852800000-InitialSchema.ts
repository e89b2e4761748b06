import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, sessions, interviews with guests, cameras and their studio tokens. */
export class InitialSchema1795852800000 implements MigrationInterface {
  name = 'InitialSchema1795852800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 100),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'staff')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        token_hash text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`);
    await queryRunner.query(`
      CREATE TABLE interviews (
        id uuid PRIMARY KEY,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        topic text,
        department text,
        starts_at timestamptz,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'live', 'ended')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        live_at timestamptz,
        ended_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE guests (
        id uuid PRIMARY KEY,
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        name text NOT NULL,
        position text NOT NULL DEFAULT '',
        sort_order integer NOT NULL,
        UNIQUE (interview_id, sort_order)
      )`);
    await queryRunner.query(`
      CREATE TABLE cameras (
        id uuid PRIMARY KEY,
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX cameras_interview_id_idx ON cameras (interview_id)`);
    await queryRunner.query(`
      CREATE TABLE camera_studio_tokens (
        id uuid PRIMARY KEY,
        camera_id uuid NOT NULL REFERENCES cameras (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX camera_studio_tokens_camera_id_idx ON camera_studio_tokens (camera_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE camera_studio_tokens`);
    await queryRunner.query(`DROP TABLE cameras`);
    await queryRunner.query(`DROP TABLE guests`);
    await queryRunner.query(`DROP TABLE interviews`);
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
