import { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { AuthContext } from './access';
import { DomainError } from './domain-error';

/**
 * One row of the caller's organiser by id, locked for update when asked; another organiser's row
 * answers 404 exactly like a missing one, so ids never reveal what exists elsewhere.
 */
export async function organiserRow<T extends { id: string; organiserId: string }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  auth: AuthContext,
  id: string,
  options: { lock?: boolean } = {},
): Promise<T> {
  const row = await em.findOne(entity, {
    where: { id, organiserId: auth.organiserId } as FindOptionsWhere<T>,
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!row) throw new DomainError('NOT_FOUND');
  return row;
}
