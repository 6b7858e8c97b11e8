import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue: versioned service descriptions, quality criteria and versioned monitoring terms
 * with their items. Texts in three languages are jsonb objects `{fi, sv, en}`. A published
 * terms version and its items are frozen by triggers, not only by the code.
 */
export class Catalogue1763900000000 implements MigrationInterface {
  name = 'Catalogue1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_description (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        code varchar(40) NOT NULL,
        version integer NOT NULL,
        status varchar(20) NOT NULL,
        area varchar(40) NOT NULL,
        output_unit varchar(40) NOT NULL,
        name jsonb NOT NULL,
        description jsonb NOT NULL,
        inclusions jsonb NOT NULL,
        target_group jsonb NOT NULL,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_service_description_code_version UNIQUE (organiser_id, code, version),
        CONSTRAINT ck_service_description_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
        CONSTRAINT ck_service_description_version CHECK (version >= 1)
      )`);
    // At most one published and one draft version of a code at a time.
    await q.query(
      `CREATE UNIQUE INDEX uq_service_description_one_published ON service_description (organiser_id, code) WHERE status = 'PUBLISHED'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_service_description_one_draft ON service_description (organiser_id, code) WHERE status = 'DRAFT'`,
    );
    await q.query(`
      CREATE TABLE criterion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        code varchar(40) NOT NULL,
        measure_type varchar(20) NOT NULL,
        direction varchar(20) NOT NULL,
        unit jsonb NOT NULL,
        name jsonb NOT NULL,
        definition jsonb NOT NULL,
        interpretation jsonb NOT NULL,
        numerator_definition jsonb,
        denominator_definition jsonb,
        min_value numeric,
        max_value numeric,
        decimals integer NOT NULL DEFAULT 0,
        scale_min numeric,
        scale_max numeric,
        rate_multiplier numeric,
        allow_not_applicable boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_criterion_code UNIQUE (organiser_id, code),
        CONSTRAINT ck_criterion_decimals CHECK (decimals BETWEEN 0 AND 6),
        CONSTRAINT ck_criterion_bounds CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value),
        CONSTRAINT ck_criterion_scale CHECK (scale_min IS NULL OR scale_max IS NULL OR scale_min < scale_max),
        CONSTRAINT ck_criterion_rate CHECK (measure_type <> 'RATE' OR rate_multiplier > 0)
      )`);
    await q.query(`
      CREATE TABLE monitoring_terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        service_code varchar(40) NOT NULL,
        service_description_id uuid NOT NULL REFERENCES service_description (id),
        version integer NOT NULL,
        status varchar(20) NOT NULL,
        valid_from date,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_monitoring_terms_version UNIQUE (organiser_id, service_code, version),
        CONSTRAINT ck_monitoring_terms_status CHECK (status IN ('DRAFT', 'PUBLISHED')),
        CONSTRAINT ck_monitoring_terms_published CHECK (
          status = 'DRAFT' OR (valid_from IS NOT NULL AND published_at IS NOT NULL))
      )`);
    // At most one version in force per date: two published versions never share a start.
    await q.query(
      `CREATE UNIQUE INDEX uq_monitoring_terms_valid_from ON monitoring_terms (organiser_id, service_code, valid_from) WHERE status = 'PUBLISHED'`,
    );
    // One draft at a time per service: a second would silently fork the next version.
    await q.query(
      `CREATE UNIQUE INDEX uq_monitoring_terms_one_draft ON monitoring_terms (organiser_id, service_code) WHERE status = 'DRAFT'`,
    );
    await q.query(
      `CREATE INDEX ix_monitoring_terms_description ON monitoring_terms (service_description_id)`,
    );
    await q.query(`
      CREATE TABLE monitoring_terms_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        terms_id uuid NOT NULL REFERENCES monitoring_terms (id),
        criterion_id uuid NOT NULL REFERENCES criterion (id),
        position integer NOT NULL,
        required boolean NOT NULL,
        target numeric,
        green_min numeric,
        green_max numeric,
        amber_min numeric,
        amber_max numeric,
        has_green boolean NOT NULL DEFAULT false,
        has_amber boolean NOT NULL DEFAULT false,
        frequency varchar(20) NOT NULL,
        evidence_required boolean NOT NULL DEFAULT false,
        note jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_monitoring_terms_item_criterion UNIQUE (terms_id, criterion_id),
        CONSTRAINT ck_monitoring_terms_item_frequency CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'YEARLY'))
      )`);
    await q.query(
      `CREATE INDEX ix_monitoring_terms_item_terms ON monitoring_terms_item (terms_id, position)`,
    );
    await q.query(`CREATE INDEX ix_monitoring_terms_item_criterion ON monitoring_terms_item (criterion_id)`);
    // Published terms are the basis of every report made against them: frozen for ever.
    await q.query(`
      CREATE FUNCTION monitoring_terms_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'published monitoring_terms % is frozen', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_monitoring_terms_frozen BEFORE UPDATE OR DELETE ON monitoring_terms
      FOR EACH ROW EXECUTE FUNCTION monitoring_terms_frozen()`);
    await q.query(`
      CREATE FUNCTION monitoring_terms_item_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        terms uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.terms_id ELSE OLD.terms_id END;
      BEGIN
        IF EXISTS (SELECT 1 FROM monitoring_terms WHERE id = terms AND status = 'PUBLISHED') THEN
          RAISE EXCEPTION 'items of published monitoring_terms % are frozen', terms USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_monitoring_terms_item_frozen BEFORE INSERT OR UPDATE OR DELETE ON monitoring_terms_item
      FOR EACH ROW EXECUTE FUNCTION monitoring_terms_item_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE monitoring_terms_item`);
    await q.query(`DROP FUNCTION monitoring_terms_item_frozen()`);
    await q.query(`DROP TABLE monitoring_terms`);
    await q.query(`DROP FUNCTION monitoring_terms_frozen()`);
    await q.query(`DROP TABLE criterion`);
    await q.query(`DROP TABLE service_description`);
  }
}
