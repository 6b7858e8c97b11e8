import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contracts bind a producer to services under published monitoring terms: the contract, its
 * services and which terms version each reports against from which date, its history (creation,
 * status changes, amendments with their changes), its documents (kept in PostgreSQL with their
 * SHA-256), the reporting obligations (expected reports) made from it, and a record of
 * background job runs so that several API instances run a daily job once.
 */
export class Contracts1764000000000 implements MigrationInterface {
  name = 'Contracts1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE contract (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        producer_id uuid NOT NULL REFERENCES producer (id),
        number varchar(40) NOT NULL,
        title varchar(200) NOT NULL,
        kind varchar(30) NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'DRAFT',
        valid_from date NOT NULL,
        valid_to date,
        ended_on date,
        options jsonb NOT NULL DEFAULT '[]',
        reporting_due_days integer NOT NULL,
        manager_id uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_contract_number UNIQUE (organiser_id, number),
        CONSTRAINT ck_contract_kind CHECK (kind IN ('IN_HOUSE_AGREEMENT', 'PURCHASE_CONTRACT', 'VOUCHER_APPROVAL')),
        CONSTRAINT ck_contract_status CHECK (status IN ('DRAFT', 'ACTIVE', 'SUSPENDED', 'ENDED', 'TERMINATED')),
        CONSTRAINT ck_contract_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CONSTRAINT ck_contract_due_days CHECK (reporting_due_days BETWEEN 0 AND 365)
      )`);
    await q.query(`CREATE INDEX ix_contract_producer ON contract (producer_id)`);
    await q.query(`CREATE INDEX ix_contract_organiser_valid_to ON contract (organiser_id, valid_to)`);
    await q.query(`
      CREATE TABLE contract_service (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        contract_id uuid NOT NULL REFERENCES contract (id),
        service_code varchar(40) NOT NULL,
        unit_price numeric(12, 2) NOT NULL,
        estimated_volume numeric(14, 2) NOT NULL,
        unit_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_contract_service UNIQUE (contract_id, service_code),
        CONSTRAINT ck_contract_service_price CHECK (unit_price >= 0),
        CONSTRAINT ck_contract_service_volume CHECK (estimated_volume >= 0)
      )`);
    await q.query(`
      CREATE TABLE contract_service_terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        contract_service_id uuid NOT NULL REFERENCES contract_service (id) ON DELETE CASCADE,
        terms_id uuid NOT NULL REFERENCES monitoring_terms (id),
        effective_from date NOT NULL,
        CONSTRAINT uq_contract_service_terms UNIQUE (contract_service_id, effective_from)
      )`);
    await q.query(`
      CREATE TABLE contract_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        contract_id uuid NOT NULL REFERENCES contract (id),
        kind varchar(20) NOT NULL,
        reason text NOT NULL,
        effective_date date NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]',
        from_status varchar(20),
        to_status varchar(20),
        actor_id uuid,
        actor_email varchar(254),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_contract_event_kind CHECK (kind IN ('CREATED', 'STATUS', 'AMENDMENT'))
      )`);
    await q.query(`CREATE INDEX ix_contract_event_contract ON contract_event (contract_id, created_at)`);
    await q.query(`
      CREATE TABLE contract_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        contract_id uuid NOT NULL REFERENCES contract (id),
        filename varchar(255) NOT NULL,
        media_type varchar(120) NOT NULL,
        size integer NOT NULL,
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_contract_document_size CHECK (size > 0 AND size <= 20971520)
      )`);
    await q.query(`CREATE INDEX ix_contract_document_contract ON contract_document (contract_id)`);
    await q.query(`
      CREATE TABLE report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        contract_id uuid NOT NULL REFERENCES contract (id),
        contract_service_id uuid NOT NULL REFERENCES contract_service (id),
        producer_id uuid NOT NULL REFERENCES producer (id),
        service_code varchar(40) NOT NULL,
        terms_id uuid NOT NULL REFERENCES monitoring_terms (id),
        period_type varchar(10) NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        due_date date NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'EXPECTED',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_report_period UNIQUE (contract_service_id, period_type, period_start),
        CONSTRAINT ck_report_period_type CHECK (period_type IN ('MONTH', 'QUARTER', 'YEAR')),
        CONSTRAINT ck_report_status CHECK (status IN ('EXPECTED', 'DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
        CONSTRAINT ck_report_period CHECK (period_end >= period_start AND due_date >= period_end)
      )`);
    await q.query(`CREATE INDEX ix_report_producer ON report (producer_id, period_start)`);
    await q.query(
      `CREATE INDEX ix_report_organiser_service ON report (organiser_id, service_code, period_start)`,
    );
    await q.query(`CREATE INDEX ix_report_contract ON report (contract_id)`);
    await q.query(`
      CREATE TABLE job_run (
        job varchar(60) NOT NULL,
        run_date date NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        result jsonb,
        CONSTRAINT pk_job_run PRIMARY KEY (job, run_date)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_run`);
    await q.query(`DROP TABLE report`);
    await q.query(`DROP TABLE contract_document`);
    await q.query(`DROP TABLE contract_event`);
    await q.query(`DROP TABLE contract_service_terms`);
    await q.query(`DROP TABLE contract_service`);
    await q.query(`DROP TABLE contract`);
  }
}
