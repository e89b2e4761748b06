import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every committed change to an interview or its guests is announced on the `interview_changed`
 * channel with the interview's id. A trigger, so no write path can forget it, and NOTIFY is
 * delivered only on commit: viewers are never told of a change that was not stored.
 */
export class InterviewChangeNotify1795852900000 implements MigrationInterface {
  name = 'InterviewChangeNotify1795852900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_interview_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'interviews' THEN
          PERFORM pg_notify('interview_changed', COALESCE(NEW.id, OLD.id)::text);
        ELSE
          PERFORM pg_notify('interview_changed', COALESCE(NEW.interview_id, OLD.interview_id)::text);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER interviews_notify_changed AFTER INSERT OR UPDATE ON interviews
      FOR EACH ROW EXECUTE FUNCTION notify_interview_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER guests_notify_changed AFTER INSERT OR UPDATE OR DELETE ON guests
      FOR EACH ROW EXECUTE FUNCTION notify_interview_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER guests_notify_changed ON guests');
    await queryRunner.query('DROP TRIGGER interviews_notify_changed ON interviews');
    await queryRunner.query('DROP FUNCTION notify_interview_changed()');
  }
}
