import { Signal, computed, inject } from '@angular/core';
import { Role } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';

/** Every signed-in user reads the catalogue; only these roles edit it (the API enforces the same). */
export const CATALOGUE_EDITORS: readonly Role[] = ['CONTRACT_MANAGER', 'ADMIN'];

/** Whether the signed-in user may edit the catalogue, for hiding edit buttons. Call in an injection context. */
export function canEditCatalogue(): Signal<boolean> {
  const auth = inject(AuthStore);
  return computed(() => {
    const role = auth.role();
    return role !== null && CATALOGUE_EDITORS.includes(role);
  });
}
