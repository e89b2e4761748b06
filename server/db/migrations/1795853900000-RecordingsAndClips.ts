import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recordings, clips and clip exports (issue 5). A recording is every part of one source (the program, or one
 * camera's ISO feed) of an interview: each FFmpeg run writes one part, so a crash or a reconnect adds a part and
 * never overwrites one. Parts join in start order into one timeline. Clip exports are persistent jobs: a server that
 * restarts picks the queued and the interrupted ones up again.
 */
export class RecordingsAndClips1795853900000 implements MigrationInterface {
  name = 'RecordingsAndClips1795853900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE recording_parts (
        id uuid PRIMARY KEY,
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('program', 'camera')),
        -- No foreign key: a camera removed after the show keeps its recording.
        camera_id uuid,
        path text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('recording', 'complete', 'failed')),
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        duration_seconds double precision,
        bytes bigint NOT NULL DEFAULT 0,
        video_codec text,
        has_audio boolean,
        width integer,
        height integer,
        recovered boolean NOT NULL DEFAULT false,
        error text,
        CHECK ((kind = 'program') = (camera_id IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX recording_parts_source_idx ON recording_parts (interview_id, kind, camera_id, started_at)`);

    await queryRunner.query(`
      CREATE TABLE clips (
        id uuid PRIMARY KEY,
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        title text NOT NULL,
        source_kind text NOT NULL CHECK (source_kind IN ('program', 'camera')),
        camera_id uuid,
        in_seconds double precision NOT NULL CHECK (in_seconds >= 0),
        out_seconds double precision NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (out_seconds > in_seconds),
        CHECK ((source_kind = 'camera') = (camera_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX clips_interview_idx ON clips (interview_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE export_jobs (
        id uuid PRIMARY KEY,
        clip_id uuid NOT NULL REFERENCES clips (id) ON DELETE CASCADE,
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        mode text NOT NULL CHECK (mode IN ('fast', 'exact')),
        source_kind text NOT NULL CHECK (source_kind IN ('program', 'camera')),
        camera_id uuid,
        in_seconds double precision NOT NULL,
        out_seconds double precision NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        progress real NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        output_path text,
        bytes bigint,
        error_code text,
        error_message text,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX export_jobs_clip_idx ON export_jobs (clip_id, created_at)`);
    // The runner takes the oldest queued job; the partial index keeps that cheap however many jobs are done.
    await queryRunner.query(`CREATE INDEX export_jobs_queue_idx ON export_jobs (created_at) WHERE status IN ('queued', 'running')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE export_jobs`);
    await queryRunner.query(`DROP TABLE clips`);
    await queryRunner.query(`DROP TABLE recording_parts`);
  }
}
