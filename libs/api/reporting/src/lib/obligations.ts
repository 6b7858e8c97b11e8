import { EntityManager } from 'typeorm';

/**
 * Creates the expected reports of contracts in force, for every period that has begun by `today`:
 * a monthly, quarterly or yearly period for each frequency that the terms in force at the
 * period's start ask for. Each period reports against the terms version in force at its start
 * (an amendment moving a service to new terms leaves earlier periods on their version), is due
 * the contract's number of days after it ends, and is skipped while the contract was suspended.
 * An ended or terminated contract owes the periods that began before its end, and no later ones.
 * Idempotent: an existing report is never touched. Returns how many reports were created.
 */
export async function createObligations(
  em: EntityManager,
  today: string,
  scope: { contractId?: string } = {},
): Promise<number> {
  const rows: unknown[] = await em.query(
    `
    WITH services AS (
      SELECT c.id AS contract_id, c.organiser_id, c.producer_id, c.reporting_due_days, c.valid_from,
             LEAST(COALESCE(c.valid_to, 'infinity'::date), COALESCE(c.ended_on, 'infinity'::date), $1::date) AS last_start,
             s.id AS service_id, s.service_code
        FROM contract c JOIN contract_service s ON s.contract_id = c.id
       WHERE c.status <> 'DRAFT' AND ($2::uuid IS NULL OR c.id = $2::uuid)
    ),
    frequencies AS (
      SELECT DISTINCT t.contract_service_id AS service_id, i.frequency
        FROM contract_service_terms t JOIN monitoring_terms_item i ON i.terms_id = t.terms_id
    ),
    periods AS (
      SELECT s.*, f.frequency, p.period_start::date AS period_start,
             (p.period_start + CASE f.frequency WHEN 'MONTHLY' THEN interval '1 month'
                                                WHEN 'QUARTERLY' THEN interval '3 months'
                                                ELSE interval '1 year' END - interval '1 day')::date AS period_end
        FROM services s
        JOIN frequencies f ON f.service_id = s.service_id
        CROSS JOIN LATERAL generate_series(
          date_trunc(CASE f.frequency WHEN 'MONTHLY' THEN 'month' WHEN 'QUARTERLY' THEN 'quarter' ELSE 'year' END,
                     s.valid_from::timestamp),
          s.last_start::timestamp,
          CASE f.frequency WHEN 'MONTHLY' THEN interval '1 month'
                           WHEN 'QUARTERLY' THEN interval '3 months'
                           ELSE interval '1 year' END) AS p(period_start)
    ),
    suspensions AS (
      SELECT e.contract_id, e.effective_date AS suspended_from,
             (SELECT min(n.effective_date) FROM contract_event n
               WHERE n.contract_id = e.contract_id AND n.kind = 'STATUS' AND n.created_at > e.created_at) AS resumed_on
        FROM contract_event e
       WHERE e.kind = 'STATUS' AND e.to_status = 'SUSPENDED'
    ),
    due AS (
      SELECT p.*, terms.terms_id
        FROM periods p
        CROSS JOIN LATERAL (
          SELECT t.terms_id FROM contract_service_terms t
           WHERE t.contract_service_id = p.service_id AND t.effective_from <= GREATEST(p.period_start, p.valid_from)
           ORDER BY t.effective_from DESC LIMIT 1) terms
       WHERE EXISTS (SELECT 1 FROM monitoring_terms_item i WHERE i.terms_id = terms.terms_id AND i.frequency = p.frequency)
         AND NOT EXISTS (
           SELECT 1 FROM suspensions x
            WHERE x.contract_id = p.contract_id AND p.period_start >= x.suspended_from
              AND (x.resumed_on IS NULL OR p.period_start < x.resumed_on))
    )
    INSERT INTO report (organiser_id, contract_id, contract_service_id, producer_id, service_code, terms_id,
                        period_type, period_start, period_end, due_date)
    SELECT organiser_id, contract_id, service_id, producer_id, service_code, terms_id,
           CASE frequency WHEN 'MONTHLY' THEN 'MONTH' WHEN 'QUARTERLY' THEN 'QUARTER' ELSE 'YEAR' END,
           period_start, period_end, period_end + reporting_due_days
      FROM due
    ON CONFLICT (contract_service_id, period_type, period_start) DO NOTHING
    RETURNING id`,
    [today, scope.contractId ?? null],
  );
  return rows.length;
}
