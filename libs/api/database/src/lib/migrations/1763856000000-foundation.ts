import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation: organisers (the root of every record), a minimal producer, users and their
 * sessions, sign-in throttling, installation settings, and the append-only audit log.
 */
export class Foundation1763856000000 implements MigrationInterface {
  name = 'Foundation1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organiser (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_id varchar(9) NOT NULL,
        name_fi varchar(200) NOT NULL,
        name_sv varchar(200) NOT NULL,
        name_en varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_organiser_business_id UNIQUE (business_id)
      )`);
    await q.query(`
      CREATE TABLE producer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        name varchar(200) NOT NULL,
        type varchar(40) NOT NULL,
        business_id varchar(9),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_producer_organiser_name UNIQUE (organiser_id, name)
      )`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        email varchar(254) NOT NULL,
        display_name varchar(200) NOT NULL,
        role varchar(30) NOT NULL,
        producer_id uuid REFERENCES producer (id),
        language varchar(2) NOT NULL DEFAULT 'fi',
        active boolean NOT NULL DEFAULT true,
        password_hash text NOT NULL,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_app_user_role CHECK (role IN ('ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER')),
        CONSTRAINT ck_app_user_language CHECK (language IN ('fi', 'sv', 'en')),
        CONSTRAINT ck_app_user_reporter_producer CHECK ((role = 'PROVIDER_REPORTER') = (producer_id IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_app_user_email ON app_user (lower(email))`);
    await q.query(`CREATE INDEX ix_app_user_organiser ON app_user (organiser_id)`);
    await q.query(`CREATE INDEX ix_app_user_producer ON app_user (producer_id)`);
    await q.query(`CREATE INDEX ix_producer_organiser ON producer (organiser_id)`);
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoke_reason varchar(40)
      )`);
    await q.query(
      `CREATE INDEX ix_auth_session_user_live ON auth_session (user_id) WHERE revoked_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE login_failure (
        id bigserial PRIMARY KEY,
        key varchar(320) NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_login_failure_key_time ON login_failure (key, failed_at)`);
    await q.query(`
      CREATE TABLE app_setting (
        key varchar(100) PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_email varchar(254),
        action varchar(100) NOT NULL,
        entity_type varchar(100) NOT NULL,
        entity_id varchar(100),
        before jsonb,
        after jsonb,
        request_id varchar(64)
      )`);
    await q.query(
      `CREATE INDEX ix_audit_event_organiser_time ON audit_event (organiser_id, occurred_at DESC)`,
    );
    await q.query(`CREATE INDEX ix_audit_event_entity ON audit_event (organiser_id, entity_type, entity_id)`);
    // Append-only in the database itself, not only by convention in the code.
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER tr_audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`DROP TABLE app_setting`);
    await q.query(`DROP TABLE login_failure`);
    await q.query(`DROP TABLE auth_session`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE producer`);
    await q.query(`DROP TABLE organiser`);
  }
}
