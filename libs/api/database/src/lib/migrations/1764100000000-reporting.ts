import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quality reporting. A report keeps one draft (JSON by criterion code, with a version that every
 * save must name); a submission stores an immutable revision with its values both as shown
 * (`report_revision.values`) and as rows for comparisons (`report_value`); reviews accept or
 * return a revision; deviations are found on submission; corrective actions steer them.
 * Revisions, their values and reviews are refused UPDATE and DELETE by triggers, so nothing
 * submitted can be changed by the code or by hand.
 */
export class Reporting1764100000000 implements MigrationInterface {
  name = 'Reporting1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE report
        ADD COLUMN draft jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN draft_version integer NOT NULL DEFAULT 0,
        ADD COLUMN draft_saved_at timestamptz,
        ADD COLUMN draft_saved_by uuid REFERENCES app_user (id),
        ADD COLUMN revision_count integer NOT NULL DEFAULT 0,
        ADD COLUMN submitted_at timestamptz,
        ADD COLUMN accepted_at timestamptz`);
    await q.query(`CREATE INDEX ix_report_organiser_status ON report (organiser_id, status, due_date)`);

    await q.query(`
      CREATE TABLE report_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        report_id uuid NOT NULL REFERENCES report (id),
        number integer NOT NULL,
        idempotency_key varchar(200) NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid REFERENCES app_user (id),
        submitted_by_email varchar(320),
        via varchar(10) NOT NULL,
        late boolean NOT NULL,
        values jsonb NOT NULL,
        CONSTRAINT uq_report_revision UNIQUE (report_id, number),
        CONSTRAINT uq_report_revision_key UNIQUE (organiser_id, idempotency_key),
        CONSTRAINT ck_report_revision_via CHECK (via IN ('WEB', 'API', 'SHEET', 'SEED'))
      )`);

    // One row per submitted value, for comparisons across producers (numbers as exact decimals).
    await q.query(`
      CREATE TABLE report_value (
        revision_id uuid NOT NULL REFERENCES report_revision (id),
        criterion_code varchar(40) NOT NULL,
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        report_id uuid NOT NULL REFERENCES report (id),
        producer_id uuid NOT NULL REFERENCES producer (id),
        service_code varchar(40) NOT NULL,
        period_start date NOT NULL,
        measure_type varchar(20) NOT NULL,
        numerator numeric,
        denominator numeric,
        value numeric,
        respondents integer,
        flag boolean,
        not_applicable boolean NOT NULL DEFAULT false,
        measured numeric,
        light varchar(5),
        CONSTRAINT pk_report_value PRIMARY KEY (revision_id, criterion_code),
        CONSTRAINT ck_report_value_light CHECK (light IN ('GREEN', 'AMBER', 'RED'))
      )`);
    await q.query(
      `CREATE INDEX ix_report_value_service ON report_value (organiser_id, service_code, criterion_code, period_start)`,
    );

    // Evidence attached to a value where the terms require it. Rows are never changed: removing one
    // from a draft marks it removed, and a revision lists the attachments it was submitted with.
    await q.query(`
      CREATE TABLE report_attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        report_id uuid NOT NULL REFERENCES report (id),
        criterion_code varchar(40) NOT NULL,
        filename varchar(255) NOT NULL,
        media_type varchar(120) NOT NULL,
        size integer NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES app_user (id),
        uploaded_by_email varchar(320),
        created_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX ix_report_attachment_report ON report_attachment (report_id, criterion_code)`,
    );

    await q.query(`
      CREATE TABLE report_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        report_id uuid NOT NULL REFERENCES report (id),
        revision_id uuid NOT NULL REFERENCES report_revision (id),
        decision varchar(10) NOT NULL,
        comment text,
        value_comments jsonb NOT NULL DEFAULT '{}',
        reviewer_id uuid REFERENCES app_user (id),
        reviewer_email varchar(320),
        reviewed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_report_review_revision UNIQUE (revision_id),
        CONSTRAINT ck_report_review_decision CHECK (decision IN ('ACCEPT', 'RETURN'))
      )`);
    await q.query(`CREATE INDEX ix_report_review_report ON report_review (report_id)`);

    await q.query(`
      CREATE FUNCTION submitted_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'submitted reports are never changed: % of % refused', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    for (const table of ['report_revision', 'report_value', 'report_review']) {
      await q.query(`
        CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION submitted_is_immutable()`);
    }

    await q.query(`
      CREATE TABLE deviation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        report_id uuid NOT NULL REFERENCES report (id),
        contract_id uuid NOT NULL REFERENCES contract (id),
        producer_id uuid NOT NULL REFERENCES producer (id),
        service_code varchar(40) NOT NULL,
        period_start date NOT NULL,
        kind varchar(10) NOT NULL,
        criterion_code varchar(40) NOT NULL DEFAULT '',
        measured numeric,
        first_revision integer NOT NULL,
        last_revision integer NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'OPEN',
        detected_at timestamptz NOT NULL DEFAULT now(),
        cleared_at timestamptz,
        CONSTRAINT uq_deviation UNIQUE (report_id, kind, criterion_code),
        CONSTRAINT ck_deviation_kind CHECK (kind IN ('RED', 'MISSING', 'LATE')),
        CONSTRAINT ck_deviation_status CHECK (status IN ('OPEN', 'CLEARED'))
      )`);
    await q.query(
      `CREATE INDEX ix_deviation_organiser ON deviation (organiser_id, status, service_code, period_start)`,
    );
    await q.query(
      `CREATE INDEX ix_deviation_producer ON deviation (producer_id, criterion_code, period_start)`,
    );

    await q.query(`
      CREATE TABLE corrective_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        deviation_id uuid NOT NULL REFERENCES deviation (id),
        producer_id uuid NOT NULL REFERENCES producer (id),
        contract_id uuid NOT NULL REFERENCES contract (id),
        description text NOT NULL,
        severity varchar(10) NOT NULL,
        working_days integer NOT NULL,
        due_date date NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'OPEN',
        plan text,
        plan_submitted_at timestamptz,
        decision_comment text,
        decided_at timestamptz,
        close_reason text,
        closed_by_report_id uuid REFERENCES report (id),
        closed_at timestamptz,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT uq_corrective_action_deviation UNIQUE (deviation_id),
        CONSTRAINT ck_corrective_action_severity CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH')),
        CONSTRAINT ck_corrective_action_status
          CHECK (status IN ('OPEN', 'PLAN_SUBMITTED', 'PLAN_ACCEPTED', 'PLAN_REJECTED', 'CLOSED'))
      )`);
    await q.query(
      `CREATE INDEX ix_corrective_action_organiser ON corrective_action (organiser_id, status, due_date)`,
    );
    await q.query(`CREATE INDEX ix_corrective_action_producer ON corrective_action (producer_id, status)`);

    // Evidence a producer attaches to a corrective action: PDF, DOCX or XLSX, checked like contract documents.
    await q.query(`
      CREATE TABLE corrective_action_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        action_id uuid NOT NULL REFERENCES corrective_action (id),
        filename varchar(255) NOT NULL,
        media_type varchar(120) NOT NULL,
        size integer NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid REFERENCES app_user (id),
        uploaded_by_email varchar(320),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_corrective_action_evidence_action ON corrective_action_evidence (action_id)`,
    );

    await q.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        producer_id uuid NOT NULL REFERENCES producer (id),
        name varchar(100) NOT NULL,
        prefix varchar(16) NOT NULL,
        token_hash char(64) NOT NULL,
        created_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX ix_api_token_producer ON api_token (organiser_id, producer_id)`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        kind varchar(40) NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        link varchar(300),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_notification_user ON notification (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE api_token`);
    await q.query(`DROP TABLE corrective_action_evidence`);
    await q.query(`DROP TABLE corrective_action`);
    await q.query(`DROP TABLE deviation`);
    await q.query(`DROP TABLE report_review`);
    await q.query(`DROP TABLE report_attachment`);
    await q.query(`DROP TABLE report_value`);
    await q.query(`DROP TABLE report_revision`);
    await q.query(`DROP FUNCTION submitted_is_immutable()`);
    await q.query(`DROP INDEX ix_report_organiser_status`);
    await q.query(`
      ALTER TABLE report
        DROP COLUMN draft, DROP COLUMN draft_version, DROP COLUMN draft_saved_at,
        DROP COLUMN draft_saved_by, DROP COLUMN revision_count, DROP COLUMN submitted_at,
        DROP COLUMN accepted_at`);
  }
}
