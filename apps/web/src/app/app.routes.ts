import { Routes } from '@angular/router';
import { ORGANISER_STAFF_ROLES } from '@sopu/shared';
import { AccountPage, SignInPage, authGuard, roleGuard } from '@sopu/web/auth';
import { HomePage, NotFoundPage, ShellLayout } from '@sopu/web/shell';

/**
 * Route titles are translation keys; TranslatedTitleStrategy turns them into "Page – Sopu".
 * Sign-in and the shell are needed at start anyway (guards, interceptors); feature pages load lazily.
 * Role checks stand here, on the section: a refused section falls through to "not found" (a check
 * inside the lazily loaded routes would leave an empty page) and its code is never loaded.
 */
export const appRoutes: Routes = [
  { path: 'sign-in', title: 'signIn.title', component: SignInPage },
  {
    path: '',
    canActivate: [authGuard],
    component: ShellLayout,
    children: [
      { path: '', pathMatch: 'full', title: 'nav.home', component: HomePage },
      { path: 'account', title: 'account.title', component: AccountPage },
      {
        path: 'producers',
        loadChildren: () => import('@sopu/web/producers').then((m) => m.PRODUCER_ROUTES),
      },
      {
        path: 'contracts',
        loadChildren: () => import('@sopu/web/contracts').then((m) => m.CONTRACT_ROUTES),
      },
      {
        path: 'reports',
        loadChildren: () => import('@sopu/web/reporting').then((m) => m.REPORT_ROUTES),
      },
      {
        path: 'deviations',
        loadChildren: () => import('@sopu/web/steering').then((m) => m.DEVIATION_ROUTES),
      },
      {
        path: 'corrective-actions',
        loadChildren: () => import('@sopu/web/steering').then((m) => m.CORRECTIVE_ACTION_ROUTES),
      },
      {
        path: 'completeness',
        canMatch: [roleGuard(...ORGANISER_STAFF_ROLES)],
        loadChildren: () => import('@sopu/web/steering').then((m) => m.COMPLETENESS_ROUTES),
      },
      {
        path: 'comparisons',
        canMatch: [roleGuard(...ORGANISER_STAFF_ROLES)],
        loadChildren: () => import('@sopu/web/steering').then((m) => m.COMPARISON_ROUTES),
      },
      {
        path: 'api-tokens',
        canMatch: [roleGuard('ADMIN', 'CONTRACT_MANAGER', 'PROVIDER_REPORTER')],
        loadChildren: () => import('@sopu/web/steering').then((m) => m.API_TOKEN_ROUTES),
      },
      {
        path: 'notifications',
        loadChildren: () => import('@sopu/web/steering').then((m) => m.NOTIFICATION_ROUTES),
      },
      {
        path: 'catalogue',
        loadChildren: () => import('@sopu/web/catalogue').then((m) => m.CATALOGUE_ROUTES),
      },
      {
        path: 'admin/users',
        title: 'users.title',
        canMatch: [roleGuard('ADMIN')],
        loadComponent: () => import('@sopu/web/admin').then((m) => m.UsersPage),
      },
      {
        path: 'admin/audit',
        title: 'audit.title',
        canMatch: [roleGuard('ADMIN')],
        loadComponent: () => import('@sopu/web/admin').then((m) => m.AuditLogPage),
      },
      { path: '**', title: 'notFound.title', component: NotFoundPage },
    ],
  },
];
