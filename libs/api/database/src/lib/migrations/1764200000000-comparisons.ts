import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comparisons of producers and producer types, fast at national scale.
 *
 * A report's values count in comparisons from the moment a revision is accepted; `accepted_revision`
 * names that revision (kept by a trigger on reviews, so every path that accepts sets it). The view
 * `accepted_value` is the plain answer: the current accepted values with the producer's type and
 * whether each value meets its target.
 *
 * Two summaries are kept in step with acceptance, in the same transaction, by `comparison_refresh`:
 *
 * - `comparison_running`: for each producer, service and criterion, one row per month from its first
 *   to its last reported period, holding running totals since the first period (months without a
 *   value carry the totals forward). A producer's totals for any period range are then the row at
 *   the range's end minus the row before its start: two rows per producer and criterion, however
 *   long the range.
 * - `comparison_type_period`: for each service, criterion, period and producer type, the totals and
 *   the median of the values, for the series per period.
 *
 * Both can be rebuilt from `accepted_value` at any time (`comparison_refresh(org, NULL, NULL, NULL)`),
 * and the API's tests check that they answer exactly as the plain aggregate does.
 */
/** The running totals a comparison reads, kept in its indexes so that it never visits the table. */
export const RUNNING_COVER =
  'INCLUDE (criterion_code, producer_id, producer_type, is_last, n, num, den, wsum, resp, vsum, green, amber, red, meets, targeted, na)';

/**
 * With a producer: that producer's running totals for the service, and its type's totals for
 * the period (on acceptance). Without: everything of the organiser (or of one service),
 * set-based. The statements are built with EXECUTE so that each call is planned for its own
 * arguments (a cached generic plan could scan every value of the organiser for one acceptance).
 * 1764300000000 replaces the function; its `down` restores this text.
 */
export const COMPARISON_REFRESH_1764200000000 = `
      CREATE FUNCTION comparison_refresh(p_org uuid, p_service varchar, p_producer uuid, p_period date)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        v_type varchar;
        v_values text;
        v_periods text;
      BEGIN
        IF p_producer IS NULL THEN
          -- A rebuild writes millions of rows in key order: sort in memory, and make the index on
          -- the month afterwards in one pass instead of row by row.
          SET LOCAL work_mem = '256MB';
          IF p_service IS NULL THEN
            DROP INDEX ix_comparison_running_period;
            DELETE FROM comparison_running WHERE organiser_id = p_org;
            DELETE FROM comparison_type_period WHERE organiser_id = p_org;
            v_values := 'organiser_id = $1';
          ELSE
            -- One service: a bulk load may rebuild its services side by side, one per connection.
            DELETE FROM comparison_running WHERE organiser_id = p_org AND service_code = p_service;
            DELETE FROM comparison_type_period WHERE organiser_id = p_org AND service_code = p_service;
            v_values := 'organiser_id = $1 AND service_code = $2';
          END IF;
          v_periods := v_values;
        ELSE
          -- Two acceptances for the same producer and service (or type and period) wait for each
          -- other, so the second one recomputes with the first one's values.
          PERFORM pg_advisory_xact_lock(hashtextextended('comparison:' || p_org || p_service || p_producer, 0));
          DELETE FROM comparison_running
           WHERE organiser_id = p_org AND service_code = p_service AND producer_id = p_producer;
          v_values := 'organiser_id = $1 AND service_code = $2 AND producer_id = $3';
          SELECT type INTO v_type FROM producer WHERE id = p_producer;
          IF p_period IS NOT NULL THEN
            PERFORM pg_advisory_xact_lock(hashtextextended('comparison:' || p_org || p_service || p_period || v_type, 0));
            DELETE FROM comparison_type_period
             WHERE organiser_id = p_org AND service_code = p_service AND period_start = p_period AND producer_type = v_type;
          END IF;
          v_periods := 'organiser_id = $1 AND service_code = $2 AND period_start = $4 AND producer_type = $5';
        END IF;

        -- Running totals from each producer's first to its last period; months without a value carry them.
        EXECUTE format($sql$
          INSERT INTO comparison_running
          WITH per AS (
            SELECT service_code, producer_id, criterion_code, period_start, max(producer_type) AS producer_type,
                   count(measured) AS n, coalesce(sum(numerator), 0) AS num, coalesce(sum(denominator), 0) AS den,
                   coalesce(sum(measured * respondents), 0)::double precision AS wsum,
                   coalesce(sum(respondents), 0) AS resp, coalesce(sum(measured), 0)::double precision AS vsum,
                   count(*) FILTER (WHERE light = 'GREEN') AS green, count(*) FILTER (WHERE light = 'AMBER') AS amber,
                   count(*) FILTER (WHERE light = 'RED') AS red, count(*) FILTER (WHERE meets) AS meets,
                   count(meets) AS targeted, count(*) FILTER (WHERE not_applicable) AS na
              FROM accepted_value WHERE %s
             GROUP BY service_code, producer_id, criterion_code, period_start
          ),
          run AS (
            SELECT service_code, producer_id, criterion_code, period_start,
                   max(producer_type) OVER k AS producer_type,
                   lead(period_start) OVER w AS next, max(period_start) OVER k AS last,
                   sum(n) OVER w AS n, sum(num) OVER w AS num, sum(den) OVER w AS den, sum(wsum) OVER w AS wsum,
                   sum(resp) OVER w AS resp, sum(vsum) OVER w AS vsum, sum(green) OVER w AS green,
                   sum(amber) OVER w AS amber, sum(red) OVER w AS red, sum(meets) OVER w AS meets,
                   sum(targeted) OVER w AS targeted, sum(na) OVER w AS na
              FROM per
            WINDOW k AS (PARTITION BY service_code, producer_id, criterion_code),
                   w AS (PARTITION BY service_code, producer_id, criterion_code ORDER BY period_start)
          )
          -- Each reported period's totals carried forward to the month before the next one.
          SELECT $1, r.service_code, r.criterion_code, r.producer_id, g.m::date, r.producer_type, g.m::date = r.last,
                 r.n, r.num, r.den, r.wsum, r.resp, r.vsum, r.green, r.amber, r.red, r.meets, r.targeted, r.na
            FROM run r
           CROSS JOIN LATERAL generate_series(r.period_start, coalesce(r.next - interval '1 month', r.period_start),
                                              interval '1 month') AS g (m)
           ORDER BY r.service_code, r.producer_id, r.criterion_code, g.m
        $sql$, v_values) USING p_org, p_service, p_producer;

        IF p_producer IS NULL THEN
          IF p_service IS NULL THEN
            CREATE INDEX ix_comparison_running_period ON comparison_running (organiser_id, service_code, period_start)
              ${RUNNING_COVER};
          END IF;
        ELSIF p_period IS NULL THEN
          RETURN;
        END IF;
        -- Each producer type's totals per period: all of them, or the accepted report's type and period.
        EXECUTE format($sql$
          INSERT INTO comparison_type_period
          SELECT $1, service_code, criterion_code, period_start, producer_type,
                 count(DISTINCT producer_id), count(measured), coalesce(sum(numerator), 0), coalesce(sum(denominator), 0),
                 coalesce(sum(measured * respondents), 0), coalesce(sum(respondents), 0), coalesce(sum(measured), 0),
                 count(*) FILTER (WHERE light = 'GREEN'), count(*) FILTER (WHERE light = 'AMBER'),
                 count(*) FILTER (WHERE light = 'RED'), count(*) FILTER (WHERE meets), count(meets),
                 count(*) FILTER (WHERE not_applicable),
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY measured)
            FROM accepted_value WHERE %s
           GROUP BY service_code, criterion_code, period_start, producer_type
        $sql$, v_periods) USING p_org, p_service, p_producer, p_period, v_type;
      END $$`;

export class Comparisons1764200000000 implements MigrationInterface {
  name = 'Comparisons1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report ADD COLUMN accepted_revision integer`);
    // Coverage per group reads only this index.
    await q.query(
      `CREATE INDEX ix_report_coverage ON report (organiser_id, service_code, period_start)
         INCLUDE (producer_id, contract_service_id, revision_count, due_date, accepted_revision)`,
    );
    await q.query(`
      UPDATE report r SET accepted_revision = a.number
        FROM (SELECT rv.report_id, max(rv.number) AS number
                FROM report_revision rv JOIN report_review rr ON rr.revision_id = rv.id AND rr.decision = 'ACCEPT'
               GROUP BY rv.report_id) a
       WHERE a.report_id = r.id`);
    await q.query(`
      CREATE FUNCTION report_accepted_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.decision = 'ACCEPT' THEN
          UPDATE report SET accepted_revision = (SELECT number FROM report_revision WHERE id = NEW.revision_id)
           WHERE id = NEW.report_id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_review_accepted AFTER INSERT ON report_review
      FOR EACH ROW EXECUTE FUNCTION report_accepted_revision()`);

    await q.query(`
      CREATE FUNCTION meets_target(direction varchar, target numeric, measured numeric, light varchar)
      RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN measured IS NULL THEN NULL
          WHEN direction = 'TARGET_RANGE' THEN CASE WHEN light IS NULL THEN NULL ELSE light = 'GREEN' END
          WHEN target IS NULL THEN NULL
          WHEN direction = 'HIGHER_IS_BETTER' THEN measured >= target
          WHEN direction = 'LOWER_IS_BETTER' THEN measured <= target
          ELSE NULL END
      $$`);

    await q.query(`
      CREATE VIEW accepted_value AS
      SELECT r.organiser_id, r.service_code, v.criterion_code, r.producer_id, p.type AS producer_type,
             r.id AS report_id, r.contract_service_id, r.period_start, v.measure_type,
             v.numerator, v.denominator, v.value, v.respondents, v.flag, v.not_applicable, v.measured, v.light,
             meets_target(c.direction, ti.target, v.measured, v.light) AS meets
        FROM report r
        JOIN report_revision rv ON rv.report_id = r.id AND rv.number = r.accepted_revision
        JOIN report_value v ON v.revision_id = rv.id
        JOIN producer p ON p.id = r.producer_id
        LEFT JOIN criterion c ON c.organiser_id = r.organiser_id AND c.code = v.criterion_code
        LEFT JOIN monitoring_terms_item ti ON ti.terms_id = r.terms_id AND ti.criterion_id = c.id`);

    // Totals are counts (bigint) and sums of measured values (double precision: the figures shown
    // are rounded; numerators and denominators, which pool percentages, stay exact whole numbers).
    // The summaries are derived from reports, which carry the foreign keys; they have none of their
    // own, so that a rebuild does not check ten million references.
    await q.query(`
      CREATE TABLE comparison_running (
        organiser_id uuid NOT NULL,
        service_code varchar(40) NOT NULL,
        criterion_code varchar(40) NOT NULL,
        producer_id uuid NOT NULL,
        period_start date NOT NULL,
        producer_type varchar(40) NOT NULL,
        is_last boolean NOT NULL,
        n bigint NOT NULL,
        num numeric NOT NULL,
        den numeric NOT NULL,
        wsum double precision NOT NULL,
        resp bigint NOT NULL,
        vsum double precision NOT NULL,
        green bigint NOT NULL,
        amber bigint NOT NULL,
        red bigint NOT NULL,
        meets bigint NOT NULL,
        targeted bigint NOT NULL,
        na bigint NOT NULL,
        CONSTRAINT pk_comparison_running PRIMARY KEY (organiser_id, service_code, producer_id, criterion_code, period_start)
      )`);
    await q.query(
      `CREATE INDEX ix_comparison_running_period ON comparison_running (organiser_id, service_code, period_start) ${RUNNING_COVER}`,
    );
    await q.query(
      `CREATE INDEX ix_comparison_running_last ON comparison_running (organiser_id, service_code, period_start) ${RUNNING_COVER} WHERE is_last`,
    );
    await q.query(`
      CREATE TABLE comparison_type_period (
        organiser_id uuid NOT NULL,
        service_code varchar(40) NOT NULL,
        criterion_code varchar(40) NOT NULL,
        period_start date NOT NULL,
        producer_type varchar(40) NOT NULL,
        producers integer NOT NULL,
        n bigint NOT NULL,
        num numeric NOT NULL,
        den numeric NOT NULL,
        wsum double precision NOT NULL,
        resp bigint NOT NULL,
        vsum double precision NOT NULL,
        green bigint NOT NULL,
        amber bigint NOT NULL,
        red bigint NOT NULL,
        meets bigint NOT NULL,
        targeted bigint NOT NULL,
        na bigint NOT NULL,
        median double precision,
        CONSTRAINT pk_comparison_type_period PRIMARY KEY (organiser_id, service_code, period_start, criterion_code, producer_type)
      )`);

    await q.query(COMPARISON_REFRESH_1764200000000);

    // Reports accepted before this migration.
    await q.query(`SELECT comparison_refresh(id, NULL, NULL, NULL) FROM organiser`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION comparison_refresh(uuid, varchar, uuid, date)`);
    await q.query(`DROP TABLE comparison_type_period`);
    await q.query(`DROP TABLE comparison_running`);
    await q.query(`DROP VIEW accepted_value`);
    await q.query(`DROP FUNCTION meets_target(varchar, numeric, numeric, varchar)`);
    await q.query(`DROP TRIGGER report_review_accepted ON report_review`);
    await q.query(`DROP FUNCTION report_accepted_revision()`);
    await q.query(`DROP INDEX ix_report_coverage`);
    await q.query(`ALTER TABLE report DROP COLUMN accepted_revision`);
  }
}
