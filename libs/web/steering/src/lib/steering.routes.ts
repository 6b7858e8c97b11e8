import { Routes, UrlSegment } from '@angular/router';
import { ApiTokensPage } from './api-tokens-page';
import { ComparisonsPage } from './comparisons-page';
import { CompletenessPage } from './completeness-page';
import { CorrectiveActionPage } from './corrective-action-page';
import { CorrectiveActionsPage } from './corrective-actions-page';
import { DeviationsPage } from './deviations-page';
import { NotificationsPage } from './notifications-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only an action id matches `:id`, so anything else is "not found", not a failed lookup. */
const actionId = (_route: unknown, segments: UrlSegment[]) => UUID.test(segments[0]?.path ?? '');

/** `/deviations`: everyone signed in (a reporter sees their own producer's). */
export const DEVIATION_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'deviations.title', component: DeviationsPage },
];

/** `/corrective-actions` and `/corrective-actions/:id`. */
export const CORRECTIVE_ACTION_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'actions.title', component: CorrectiveActionsPage },
  { path: ':id', title: 'actions.title', canMatch: [actionId], component: CorrectiveActionPage },
];

/** `/completeness`: the organiser's staff (checked in the app's routes). */
export const COMPLETENESS_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'completeness.title',
    component: CompletenessPage,
  },
];

/** `/comparisons`: the organiser's staff, checked in the app's routes (reporters keep the anonymised benchmark on their home page). */
export const COMPARISON_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'comparison.title',
    component: ComparisonsPage,
  },
];

/** `/api-tokens`: reporters (own producer) and managers, checked in the app's routes. */
export const API_TOKEN_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'tokens.title',
    component: ApiTokensPage,
  },
];

/** `/notifications`: the inbox. */
export const NOTIFICATION_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'inbox.title', component: NotificationsPage },
];
