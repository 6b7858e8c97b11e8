import { Signal, computed, inject } from '@angular/core';
import { Role } from '@sopu/shared';
import { AuthStore, roleGuard } from '@sopu/web/auth';

/** Everyone signed in reads contracts (a reporter only their own producer's); these roles change them. */
export const CONTRACT_EDITORS: readonly Role[] = ['CONTRACT_MANAGER', 'ADMIN'];

export const contractEditorsGuard = roleGuard(...CONTRACT_EDITORS);

/** Whether the signed-in user may change contracts, for hiding edit buttons. Call in an injection context. */
export function canEditContracts(): Signal<boolean> {
  const auth = inject(AuthStore);
  return computed(() => {
    const role = auth.role();
    return role !== null && CONTRACT_EDITORS.includes(role);
  });
}
