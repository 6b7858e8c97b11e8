import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Producers grow from the foundation's minimal record: status, the in-house cost centre and a
 * contact; and their service units, with names in three languages, address, major district,
 * service languages and capacity.
 */
export class Producers1763950000000 implements MigrationInterface {
  name = 'Producers1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE producer
        ADD COLUMN status varchar(20) NOT NULL DEFAULT 'ACTIVE',
        ADD COLUMN cost_centre varchar(40),
        ADD COLUMN contact_name varchar(200),
        ADD COLUMN contact_email varchar(254),
        ADD COLUMN contact_phone varchar(40),
        ADD CONSTRAINT ck_producer_status CHECK (status IN ('ACTIVE', 'INACTIVE')),
        ADD CONSTRAINT ck_producer_cost_centre CHECK (cost_centre IS NULL OR type = 'SELF_PRODUCED')`);
    await q.query(`
      CREATE TABLE service_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser (id),
        producer_id uuid NOT NULL REFERENCES producer (id),
        name jsonb NOT NULL,
        street_address varchar(200) NOT NULL,
        postal_code varchar(5) NOT NULL,
        post_office varchar(100) NOT NULL,
        district varchar(20) NOT NULL,
        languages varchar(2)[] NOT NULL,
        capacity integer,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_service_unit_postal_code CHECK (postal_code ~ '^[0-9]{5}$'),
        CONSTRAINT ck_service_unit_capacity CHECK (capacity IS NULL OR capacity >= 0),
        CONSTRAINT ck_service_unit_languages CHECK (
          cardinality(languages) >= 1 AND languages <@ ARRAY['fi', 'sv', 'en']::varchar(2)[])
      )`);
    await q.query(`CREATE INDEX ix_service_unit_producer ON service_unit (producer_id)`);
    await q.query(`CREATE INDEX ix_service_unit_organiser_district ON service_unit (organiser_id, district)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE service_unit`);
    await q.query(`
      ALTER TABLE producer
        DROP CONSTRAINT ck_producer_cost_centre,
        DROP CONSTRAINT ck_producer_status,
        DROP COLUMN contact_phone,
        DROP COLUMN contact_email,
        DROP COLUMN contact_name,
        DROP COLUMN cost_centre,
        DROP COLUMN status`);
  }
}
