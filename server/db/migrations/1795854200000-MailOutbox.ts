import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail reminders (issue 6): an optional address on each console account, and the outbox every e-mail waits in
 * until the mail server has taken it (queued → sent, or failed after its last try), so a mail server that is down
 * loses nothing and a restart resumes where sending stopped.
 */
export class MailOutbox1795854200000 implements MigrationInterface {
  name = 'MailOutbox1795854200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN email text`);
    await queryRunner.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        to_address text NOT NULL,
        user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        subject text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    // The sender's question: which queued mails are due.
    await queryRunner.query(`CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'queued'`);
    await queryRunner.query(`CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE mail_outbox`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN email`);
  }
}
