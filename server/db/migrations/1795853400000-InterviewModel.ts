import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The interview model of the console (issue 4): the statuses draft (草稿) and replay (回顾已发布) beside the
 * existing three, whose rows keep their status; background text, a planned end and the host (主持人) on the
 * interview; a short bio and a portrait for each guest. The host lives on the interview, not in `guests`, because
 * the Q&A counts guests by their index there.
 */
export class InterviewModel1795853400000 implements MigrationInterface {
  name = 'InterviewModel1795853400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE interviews DROP CONSTRAINT interviews_status_check`);
    await queryRunner.query(`
      ALTER TABLE interviews
        ADD CONSTRAINT interviews_status_check CHECK (status IN ('draft', 'scheduled', 'live', 'ended', 'replay')),
        ADD COLUMN background text,
        ADD COLUMN ends_at timestamptz,
        ADD COLUMN host_name text,
        ADD COLUMN host_position text NOT NULL DEFAULT '',
        ADD COLUMN host_bio text,
        ADD COLUMN host_photo text,
        ADD CONSTRAINT interviews_ends_after_start CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)`);
    await queryRunner.query(`ALTER TABLE guests ADD COLUMN bio text, ADD COLUMN photo text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE guests DROP COLUMN photo, DROP COLUMN bio`);
    await queryRunner.query(`UPDATE interviews SET status = 'scheduled' WHERE status = 'draft'`);
    await queryRunner.query(`UPDATE interviews SET status = 'ended' WHERE status = 'replay'`);
    await queryRunner.query(`
      ALTER TABLE interviews
        DROP CONSTRAINT interviews_ends_after_start,
        DROP COLUMN host_photo,
        DROP COLUMN host_bio,
        DROP COLUMN host_position,
        DROP COLUMN host_name,
        DROP COLUMN ends_at,
        DROP COLUMN background,
        DROP CONSTRAINT interviews_status_check`);
    await queryRunner.query(`ALTER TABLE interviews ADD CONSTRAINT interviews_status_check CHECK (status IN ('scheduled', 'live', 'ended'))`);
  }
}
