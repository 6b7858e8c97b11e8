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
