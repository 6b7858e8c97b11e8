import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import { Role } from '@sopu/shared';
import { AuthStore } from './auth-store';

/** Lets signed-in users through; sends everyone else to sign in and back here afterwards. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const user = await inject(AuthStore).load();
  return user ? true : router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/**
 * Lets only the given roles match or activate a route. Used as `canMatch`, a refused route falls through to
 * "not found" instead of revealing that it exists.
 */
export function roleGuard(...roles: Role[]): CanMatchFn & CanActivateFn {
  return async () => {
    const user = await inject(AuthStore).load();
    return user !== null && roles.includes(user.role);
  };
}
