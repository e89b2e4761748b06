import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ban list (禁止提问): moderators stop a device, an address, or both from asking, in one interview or in every
 * one (`interview_id` NULL), for some days or until lifted (`expires_at` NULL). Like questions, it holds only hashes.
 * Banning and lifting are audited, so the audit log gains the target type 'ban'.
 */
export class QuestionBans1795853200000 implements MigrationInterface {
  name = 'QuestionBans1795853200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE question_bans (
        id uuid PRIMARY KEY,
        interview_id uuid REFERENCES interviews (id) ON DELETE CASCADE,
        question_id uuid REFERENCES questions (id) ON DELETE SET NULL,
        device_hash text,
        ip_hash text,
        reason text NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        CHECK (device_hash IS NOT NULL OR ip_hash IS NOT NULL)
      )`);
    // Asking looks a ban up by the asker's device and address; the console lists an interview's bans.
    await queryRunner.query(`CREATE INDEX question_bans_device_idx ON question_bans (device_hash) WHERE device_hash IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX question_bans_ip_idx ON question_bans (ip_hash) WHERE ip_hash IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX question_bans_interview_idx ON question_bans (interview_id, created_at)`);

    await queryRunner.query(`
      ALTER TABLE moderation_actions
        DROP CONSTRAINT moderation_actions_target_type_check,
        ADD CONSTRAINT moderation_actions_target_type_check
          CHECK (target_type IN ('question', 'post', 'settings', 'member', 'ban'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM moderation_actions WHERE target_type = 'ban'`);
    await queryRunner.query(`
      ALTER TABLE moderation_actions
        DROP CONSTRAINT moderation_actions_target_type_check,
        ADD CONSTRAINT moderation_actions_target_type_check
          CHECK (target_type IN ('question', 'post', 'settings', 'member'))`);
    await queryRunner.query(`DROP TABLE question_bans`);
  }
}
