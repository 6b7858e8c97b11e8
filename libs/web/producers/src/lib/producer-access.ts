import { Signal, computed, inject } from '@angular/core';
import { Role } from '@sopu/shared';
import { AuthStore, roleGuard } from '@sopu/web/auth';

/** Everyone signed in reads the registry (a reporter only their own producer); these roles change it. */
export const PRODUCER_EDITORS: readonly Role[] = ['CONTRACT_MANAGER', 'ADMIN'];

export const producerEditorsGuard = roleGuard(...PRODUCER_EDITORS);

/** Whether the signed-in user may change producers, for hiding edit buttons. Call in an injection context. */
export function canEditProducers(): Signal<boolean> {
  const auth = inject(AuthStore);
  return computed(() => {
    const role = auth.role();
    return role !== null && PRODUCER_EDITORS.includes(role);
  });
}
