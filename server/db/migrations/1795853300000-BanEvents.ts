import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bans made and lifted are announced to the interview's staff sockets, so every open moderation desk shows the
 * list as it is: the event log gains the type 'ban' (staff audience only; viewers never learn who is banned).
 */
export class BanEvents1795853300000 implements MigrationInterface {
  name = 'BanEvents1795853300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE qa_events
        DROP CONSTRAINT qa_events_type_check,
        ADD CONSTRAINT qa_events_type_check CHECK (type IN ('question', 'post', 'answering', 'settings', 'ban'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM qa_events WHERE type = 'ban'`);
    await queryRunner.query(`
      ALTER TABLE qa_events
        DROP CONSTRAINT qa_events_type_check,
        ADD CONSTRAINT qa_events_type_check CHECK (type IN ('question', 'post', 'answering', 'settings'))`);
  }
}
