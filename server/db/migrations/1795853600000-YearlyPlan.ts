import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The column's year (issue 6): the interviewed units (镇, 部门, 直属机构) and each console user's unit and roles;
 * the units' proposals (意见建议征集表, annex 2); the yearly plan (访谈计划表, annex 1) and its rows, each of which may
 * become an interview; reminders to units that have not proposed; the preparation checklist of each interview; and
 * the one setting of the workflow (how many days before a show its announcement is due).
 */
export class YearlyPlan1795853600000 implements MigrationInterface {
  name = 'YearlyPlan1795853600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('town', 'department', 'agency')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Apart from users so that the accounts table and its code stay as they were: a user without a row here is an
    // account from before roles (see planPermissions.ts).
    await queryRunner.query(`
      CREATE TABLE staff_assignments (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
        roles text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX staff_assignments_organisation_idx ON staff_assignments (organisation_id)`);

    await queryRunner.query(`
      CREATE TABLE plans (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        published_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'changes_requested', 'accepted', 'declined')),
        suggested_time text NOT NULL DEFAULT '',
        guests jsonb NOT NULL DEFAULT '[]',
        topic text NOT NULL DEFAULT '',
        main_content text NOT NULL DEFAULT '',
        column_suggestions text NOT NULL DEFAULT '',
        contact_person text NOT NULL DEFAULT '',
        phone text NOT NULL DEFAULT '',
        fax text NOT NULL DEFAULT '',
        review_comment text,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        reviewed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        submitted_at timestamptz,
        reviewed_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX proposals_year_idx ON proposals (year, organisation_id)`);
    await queryRunner.query(`
      CREATE TABLE plan_rows (
        id uuid PRIMARY KEY,
        year integer NOT NULL REFERENCES plans (year) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq > 0),
        organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
        unit_name text NOT NULL,
        time_text text NOT NULL DEFAULT '',
        planned_date date,
        topic text NOT NULL,
        remarks text NOT NULL DEFAULT '',
        proposal_id uuid UNIQUE REFERENCES proposals (id) ON DELETE SET NULL,
        interview_id uuid UNIQUE REFERENCES interviews (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (year, seq) DEFERRABLE INITIALLY DEFERRED
      )`);
    await queryRunner.query(`
      CREATE TABLE unit_notices (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        year integer NOT NULL,
        message text NOT NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX unit_notices_organisation_idx ON unit_notices (organisation_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE checklist_marks (
        interview_id uuid NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        item text NOT NULL CHECK (item IN ('guests_confirmed', 'materials_uploaded', 'questions_screened', 'studio_test', 'announcement_published')),
        done_at timestamptz NOT NULL,
        done_by uuid REFERENCES users (id) ON DELETE SET NULL,
        PRIMARY KEY (interview_id, item)
      )`);
    await queryRunner.query(`
      CREATE TABLE plan_settings (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        announce_days_before integer NOT NULL DEFAULT 3 CHECK (announce_days_before BETWEEN 0 AND 60)
      )`);
    await queryRunner.query(`INSERT INTO plan_settings DEFAULT VALUES`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['plan_settings', 'checklist_marks', 'unit_notices', 'plan_rows', 'proposals', 'plans', 'staff_assignments', 'organisations']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
