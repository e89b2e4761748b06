import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions end after a while unused (last_seen_at), besides their absolute expiry; failed logins are kept for a
 * while (login_failures) so guessing is throttled per account and per address across server processes.
 */
export class SessionIdleAndLoginFailures1795854000000 implements MigrationInterface {
  name = 'SessionIdleAndLoginFailures1795854000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`
      CREATE TABLE login_failures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username text NOT NULL,
        address text NOT NULL,
        failed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX login_failures_username_idx ON login_failures (username, failed_at)`);
    await queryRunner.query(`CREATE INDEX login_failures_address_idx ON login_failures (address, failed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE login_failures`);
    await queryRunner.query(`ALTER TABLE sessions DROP COLUMN last_seen_at`);
  }
}
