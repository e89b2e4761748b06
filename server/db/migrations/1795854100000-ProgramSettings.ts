import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The director's choices for an interview's program that must outlive a server restart (issue 5): whose microphone
 * the program carries (null: the camera on air's) and the overlays drawn over it.
 */
export class ProgramSettings1795854100000 implements MigrationInterface {
  name = 'ProgramSettings1795854100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE program_settings (
        interview_id uuid PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
        audio_camera_id uuid REFERENCES cameras (id) ON DELETE SET NULL,
        overlays jsonb NOT NULL DEFAULT '{"lowerThird": null, "logo": false, "liveBadge": false}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE program_settings`);
  }
}
