import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live Q&A and 图文直播: who does what per interview, netizens' questions, host and guest posts, review
 * settings, the audit log, and the per-interview event log viewers resume from (see docs/qa.md).
 *
 * Netizens are known only by hashes: `device_hash` is sha256 of the token their browser keeps, `ip_hash` sha256 of
 * their address, so the database never holds either.
 */
export class QaSchema1795853000000 implements MigrationInterface {
  name = 'QaSchema1795853000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The last event number handed out; bumped under the interview's row lock, so seqs commit in order.
    await queryRunner.query(`ALTER TABLE interviews ADD COLUMN qa_seq bigint NOT NULL DEFAULT 0`);
    // Handing out event numbers is not a change viewers of the interview itself need to hear about: only updates
    // that change something besides qa_seq keep announcing on interview_changed.
    await queryRunner.query(`DROP TRIGGER interviews_notify_changed ON interviews`);
    await queryRunner.query(`
      CREATE TRIGGER interviews_notify_inserted AFTER INSERT ON interviews
      FOR EACH ROW EXECUTE FUNCTION notify_interview_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER interviews_notify_updated AFTER UPDATE ON interviews
      FOR EACH ROW WHEN ((to_jsonb(OLD) - 'qa_seq') IS DISTINCT FROM (to_jsonb(NEW) - 'qa_seq'))
      EXECUTE FUNCTION notify_interview_changed()`);

    await queryRunner.query(`
      CREATE TABLE interview_members (
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        roles text[] NOT NULL
          CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['moderator', 'host', 'guest', 'reviewer']::text[]),
        guest_index integer CHECK (guest_index >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (interview_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX interview_members_user_id_idx ON interview_members (user_id)`);

    await queryRunner.query(`
      CREATE TABLE questions (
        id uuid PRIMARY KEY,
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        device_hash text NOT NULL,
        ip_hash text,
        nickname text NOT NULL,
        contact text,
        body text NOT NULL,
        original_body text,
        status text NOT NULL
          CHECK (status IN ('pending', 'approved', 'rejected', 'answered', 'withdrawn', 'merged')),
        selected boolean NOT NULL DEFAULT false,
        answering boolean NOT NULL DEFAULT false,
        reject_reason text,
        merged_into uuid REFERENCES questions (id) ON DELETE SET NULL,
        flagged boolean NOT NULL DEFAULT false,
        advance boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        answered_at timestamptz,
        program_time_ms integer
      )`);
    await queryRunner.query(`CREATE INDEX questions_interview_created_idx ON questions (interview_id, created_at)`);
    await queryRunner.query(`CREATE INDEX questions_interview_device_idx ON questions (interview_id, device_hash, created_at)`);
    // The rules allow one question being answered at a time; the database keeps them honest.
    await queryRunner.query(`CREATE UNIQUE INDEX questions_one_answering_idx ON questions (interview_id) WHERE answering`);

    await queryRunner.query(`
      CREATE TABLE posts (
        id uuid PRIMARY KEY,
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('host', 'guest')),
        author_name text NOT NULL,
        author_position text,
        author_user_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL,
        images jsonb NOT NULL DEFAULT '[]',
        question_id uuid REFERENCES questions (id) ON DELETE SET NULL,
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        reject_reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        published_at timestamptz,
        program_time_ms integer
      )`);
    await queryRunner.query(`CREATE INDEX posts_interview_created_idx ON posts (interview_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE review_settings (
        interview_id uuid PRIMARY KEY REFERENCES interviews (id) ON DELETE CASCADE,
        review_questions boolean NOT NULL,
        review_host_posts boolean NOT NULL,
        review_guest_posts boolean NOT NULL,
        sensitive_word_action text NOT NULL CHECK (sensitive_word_action IN ('hold', 'reject')),
        questions_open boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE moderation_actions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        actor_device_hash text,
        action text NOT NULL,
        target_type text NOT NULL CHECK (target_type IN ('question', 'post', 'settings', 'member')),
        target_id text NOT NULL,
        before jsonb,
        after jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX moderation_actions_interview_idx ON moderation_actions (interview_id, id DESC)`);

    await queryRunner.query(`
      CREATE TABLE qa_events (
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        audience text NOT NULL CHECK (audience IN ('public', 'staff', 'device')),
        device_hash text CHECK ((audience = 'device') = (device_hash IS NOT NULL)),
        type text NOT NULL CHECK (type IN ('question', 'post', 'answering', 'settings')),
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (interview_id, seq)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE qa_events`);
    await queryRunner.query(`DROP TABLE moderation_actions`);
    await queryRunner.query(`DROP TABLE review_settings`);
    await queryRunner.query(`DROP TABLE posts`);
    await queryRunner.query(`DROP TABLE questions`);
    await queryRunner.query(`DROP TABLE interview_members`);
    await queryRunner.query(`DROP TRIGGER interviews_notify_updated ON interviews`);
    await queryRunner.query(`DROP TRIGGER interviews_notify_inserted ON interviews`);
    await queryRunner.query(`
      CREATE TRIGGER interviews_notify_changed AFTER INSERT OR UPDATE ON interviews
      FOR EACH ROW EXECUTE FUNCTION notify_interview_changed()`);
    await queryRunner.query(`ALTER TABLE interviews DROP COLUMN qa_seq`);
  }
}
