import { EntityManager } from 'typeorm';
import type { NotificationKind } from '@sopu/shared';

/** Who gets an in-app notification: the reporters of one producer, or the organiser's reviewers. */
export type Recipients =
  { producerId: string } | { reviewersOf: { organiserId: string; managerId: string | null } };

/**
 * Writes one notification per active recipient with `em`, so it exists exactly when the change
 * that caused it commits. Reviewers are the contract's own manager, or every contract manager of
 * the organiser when the contract names none.
 */
export async function notify(
  em: EntityManager,
  organiserId: string,
  to: Recipients,
  kind: NotificationKind,
  params: Record<string, string | number>,
  link: string,
): Promise<void> {
  const [who, args] =
    'producerId' in to
      ? [`role = 'PROVIDER_REPORTER' AND producer_id = $5`, [to.producerId]]
      : to.reviewersOf.managerId
        ? [`id = $5`, [to.reviewersOf.managerId]]
        : [`role = 'CONTRACT_MANAGER'`, []];
  await em.query(
    `INSERT INTO notification (organiser_id, user_id, kind, params, link)
     SELECT $1, id, $2, $3, $4 FROM app_user
      WHERE organiser_id = $1 AND active AND ${who}`,
    [organiserId, kind, JSON.stringify(params), link, ...args],
  );
}

/**
 * Reminds the reporters of each report due by `horizon` and not yet submitted, once per report
 * and reporter, in one statement. Returns how many reminders were written.
 */
export async function remindDeadlines(em: EntityManager, today: string, horizon: string): Promise<number> {
  const rows: unknown[] = await em.query(
    `INSERT INTO notification (organiser_id, user_id, kind, params, link)
     SELECT r.organiser_id, u.id, 'deadlineApproaching',
            jsonb_build_object('service', r.service_code, 'period', to_char(r.period_start, 'YYYY-MM-DD'),
                               'due', to_char(r.due_date, 'YYYY-MM-DD')),
            '/reports/' || r.id
       FROM report r
       JOIN app_user u ON u.producer_id = r.producer_id AND u.role = 'PROVIDER_REPORTER' AND u.active
      WHERE r.status IN ('EXPECTED', 'DRAFT', 'RETURNED') AND r.due_date BETWEEN $1 AND $2
        AND NOT EXISTS (SELECT 1 FROM notification n
                         WHERE n.user_id = u.id AND n.kind = 'deadlineApproaching' AND n.link = '/reports/' || r.id)
     RETURNING id`,
    [today, horizon],
  );
  return rows.length;
}
