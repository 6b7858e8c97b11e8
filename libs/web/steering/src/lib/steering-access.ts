import { Signal, computed, inject } from '@angular/core';
import { Role } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';

/** Who opens, decides and closes corrective actions. */
export const ACTION_MANAGERS: readonly Role[] = ['CONTRACT_MANAGER', 'ADMIN'];

/** Whether the signed-in user has one of `roles`, for showing buttons. Call in an injection context. */
export function hasRole(roles: readonly Role[]): Signal<boolean> {
  const auth = inject(AuthStore);
  return computed(() => {
    const role = auth.role();
    return role !== null && roles.includes(role);
  });
}
