import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The after-show records: the transcript (文字实录) with its working and published copies and every change in its
 * history; follow-ups (会后答复) of questions not answered live; and each interview's audience (peak and total
 * viewers), which the realtime hub otherwise kept only in memory.
 */
export class Records1795853700000 implements MigrationInterface {
  name = 'Records1795853700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE transcripts (
        interview_id uuid PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('draft', 'approved', 'published')),
        entries jsonb NOT NULL,
        published_entries jsonb,
        built_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        approved_at timestamptz,
        approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        published_at timestamptz,
        published_by uuid REFERENCES users (id) ON DELETE SET NULL,
        CHECK ((published_entries IS NULL) = (published_at IS NULL))
      )`);
    // Every change keeps the copy it produced, who made it and when: an edit never loses what was there before.
    await queryRunner.query(`
      CREATE TABLE transcript_revisions (
        id bigserial PRIMARY KEY,
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN ('build', 'edit', 'approve', 'publish', 'unpublish')),
        status text NOT NULL,
        entries jsonb NOT NULL,
        actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX transcript_revisions_interview_idx ON transcript_revisions (interview_id, id)`);
    await queryRunner.query(`
      CREATE TABLE follow_ups (
        question_id uuid PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        due_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'answered', 'published')),
        answer text,
        answered_by uuid REFERENCES users (id) ON DELETE SET NULL,
        answered_at timestamptz,
        reject_reason text,
        reviewed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        reviewed_at timestamptz,
        published_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX follow_ups_interview_idx ON follow_ups (interview_id)`);
    // The office's overdue list reads the unpublished ones by due date.
    await queryRunner.query(`CREATE INDEX follow_ups_due_idx ON follow_ups (due_date) WHERE status <> 'published'`);
    await queryRunner.query(`
      CREATE TABLE interview_audience (
        interview_id uuid PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
        peak_viewers integer NOT NULL DEFAULT 0 CHECK (peak_viewers >= 0),
        total_viewers bigint NOT NULL DEFAULT 0 CHECK (total_viewers >= 0),
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE interview_audience`);
    await queryRunner.query(`DROP TABLE follow_ups`);
    await queryRunner.query(`DROP TABLE transcript_revisions`);
    await queryRunner.query(`DROP TABLE transcripts`);
  }
}
