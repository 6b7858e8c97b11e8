import { MigrationInterface, QueryRunner } from 'typeorm';
import { COMPARISON_REFRESH_1764200000000, RUNNING_COVER } from './1764200000000-comparisons';

/**
 * `comparison_refresh` rebuilds both summaries from one reading of the accepted values.
 *
 * Reading the values (report ⋈ accepted revision ⋈ value ⋈ producer ⋈ criterion ⋈ terms) is most
 * of a rebuild's time, and the first version read them twice per rebuild: once for the running
 * totals and once for the totals per producer type and period. A rebuild (of an organiser or one
 * service) now reads them once into a materialised CTE that feeds both inserts in one statement.
 * On acceptance the two summaries need different values (the producer's periods; the type's
 * producers in one period), so each is still read on its own, as narrowly as before. The figures
 * are the same; the API's tests compare both summaries with the plain aggregate.
 */
export class ComparisonRefreshOnePass1764300000000 implements MigrationInterface {
  name = 'ComparisonRefreshOnePass1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION comparison_refresh(p_org uuid, p_service varchar, p_producer uuid, p_period date)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        v_type varchar;
        v_values text;
        v_periods text;
        -- The accepted values a refresh reads, as the CTE "src"; %s is the filter.
        v_src constant text := $sql$
          src AS (
            SELECT service_code, producer_id, criterion_code, period_start, producer_type,
                   numerator, denominator, measured, respondents, light, meets, not_applicable
              FROM accepted_value WHERE %s
          )$sql$;
        -- Each producer type's totals per period, from src.
        v_type_periods constant text := $sql$
          INSERT INTO comparison_type_period
          SELECT $1, service_code, criterion_code, period_start, producer_type,
                 count(DISTINCT producer_id), count(measured), coalesce(sum(numerator), 0), coalesce(sum(denominator), 0),
                 coalesce(sum(measured * respondents), 0), coalesce(sum(respondents), 0), coalesce(sum(measured), 0),
                 count(*) FILTER (WHERE light = 'GREEN'), count(*) FILTER (WHERE light = 'AMBER'),
                 count(*) FILTER (WHERE light = 'RED'), count(*) FILTER (WHERE meets), count(meets),
                 count(*) FILTER (WHERE not_applicable),
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY measured)
            FROM src
           GROUP BY service_code, criterion_code, period_start, producer_type$sql$;
        -- Running totals from each producer's first to its last period (months without a value
        -- carry them), from src: the CTEs "per" and "run", then the insert.
        v_running_ctes constant text := $sql$
          per AS (
            SELECT service_code, producer_id, criterion_code, period_start, max(producer_type) AS producer_type,
                   count(measured) AS n, coalesce(sum(numerator), 0) AS num, coalesce(sum(denominator), 0) AS den,
                   coalesce(sum(measured * respondents), 0)::double precision AS wsum,
                   coalesce(sum(respondents), 0) AS resp, coalesce(sum(measured), 0)::double precision AS vsum,
                   count(*) FILTER (WHERE light = 'GREEN') AS green, count(*) FILTER (WHERE light = 'AMBER') AS amber,
                   count(*) FILTER (WHERE light = 'RED') AS red, count(*) FILTER (WHERE meets) AS meets,
                   count(meets) AS targeted, count(*) FILTER (WHERE not_applicable) AS na
              FROM src
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
          )$sql$;
        -- Each reported period's totals carried forward to the month before the next one.
        v_running constant text := $sql$
          INSERT INTO comparison_running
          SELECT $1, r.service_code, r.criterion_code, r.producer_id, g.m::date, r.producer_type, g.m::date = r.last,
                 r.n, r.num, r.den, r.wsum, r.resp, r.vsum, r.green, r.amber, r.red, r.meets, r.targeted, r.na
            FROM run r
           CROSS JOIN LATERAL generate_series(r.period_start, coalesce(r.next - interval '1 month', r.period_start),
                                              interval '1 month') AS g (m)
           ORDER BY r.service_code, r.producer_id, r.criterion_code, g.m$sql$;
      BEGIN
        IF p_producer IS NULL THEN
          -- A rebuild writes millions of rows in key order: sort in memory, and make the index on
          -- the month afterwards in one pass instead of row by row. Compiling its plan (JIT) took
          -- 2 s per service at national scale and saved nothing.
          SET LOCAL work_mem = '256MB';
          SET LOCAL jit = off;
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
          -- One reading of the values (src, read twice, is materialised) feeds both summaries.
          EXECUTE 'WITH ' || format(v_src, v_values) || ', type_periods AS (' || v_type_periods || '), '
                  || v_running_ctes || v_running
            USING p_org, p_service;
          IF p_service IS NULL THEN
            CREATE INDEX ix_comparison_running_period ON comparison_running (organiser_id, service_code, period_start)
              ${RUNNING_COVER};
          END IF;
          RETURN;
        END IF;

        -- Two acceptances for the same producer and service (or type and period) wait for each
        -- other, so the second one recomputes with the first one's values. The statements are built
        -- with EXECUTE so that each call is planned for its own arguments (a cached generic plan
        -- could scan every value of the organiser for one acceptance).
        PERFORM pg_advisory_xact_lock(hashtextextended('comparison:' || p_org || p_service || p_producer, 0));
        DELETE FROM comparison_running
         WHERE organiser_id = p_org AND service_code = p_service AND producer_id = p_producer;
        EXECUTE 'WITH ' || format(v_src, 'organiser_id = $1 AND service_code = $2 AND producer_id = $3') || ', '
                || v_running_ctes || v_running
          USING p_org, p_service, p_producer;
        IF p_period IS NULL THEN
          RETURN;
        END IF;
        SELECT type INTO v_type FROM producer WHERE id = p_producer;
        PERFORM pg_advisory_xact_lock(hashtextextended('comparison:' || p_org || p_service || p_period || v_type, 0));
        DELETE FROM comparison_type_period
         WHERE organiser_id = p_org AND service_code = p_service AND period_start = p_period AND producer_type = v_type;
        EXECUTE 'WITH ' || format(v_src, 'organiser_id = $1 AND service_code = $2 AND period_start = $3 AND producer_type = $4')
                || v_type_periods
          USING p_org, p_service, p_period, v_type;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(COMPARISON_REFRESH_1764200000000.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
  }
}
