import { Signal, computed, inject } from '@angular/core';
import { Role } from '@sopu/shared';
import { AuthStore, roleGuard } from '@sopu/web/auth';

/** Who opens, decides and closes corrective actions. */
export const ACTION_MANAGERS: readonly Role[] = ['CONTRACT_MANAGER', 'ADMIN'];
/** The organiser's staff: they see every producer. */
export const STAFF: readonly Role[] = ['ADMIN', 'CONTRACT_MANAGER', 'ANALYST'];
/** Who keeps API tokens: a reporter for their own producer, managers for any. */
export const TOKEN_KEEPERS: readonly Role[] = ['ADMIN', 'CONTRACT_MANAGER', 'PROVIDER_REPORTER'];

export const staffGuard = roleGuard(...STAFF);
export const tokenKeepersGuard = roleGuard(...TOKEN_KEEPERS);

/** Whether the signed-in user has one of `roles`, for showing buttons. Call in an injection context. */
export function hasRole(roles: readonly Role[]): Signal<boolean> {
  const auth = inject(AuthStore);
  return computed(() => {
    const role = auth.role();
    return role !== null && roles.includes(role);
  });
}
