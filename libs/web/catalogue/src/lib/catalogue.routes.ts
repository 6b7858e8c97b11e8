import { Routes } from '@angular/router';
import { roleGuard } from '@sopu/web/auth';
import { CATALOGUE_EDITORS } from './catalogue-access';
import { CriteriaPage } from './criteria-page';
import { CriterionEditor } from './criterion-editor';
import { CriterionPage } from './criterion-page';
import { ServiceDescriptionEditor } from './service-description-editor';
import { ServiceDescriptionPage } from './service-description-page';
import { ServiceDescriptionsPage } from './service-descriptions-page';
import { TermsComparePage } from './terms-compare-page';
import { TermsDetailPage } from './terms-detail-page';
import { TermsEditor } from './terms-editor';
import { TermsListPage } from './terms-list-page';

/** Every signed-in user reads the catalogue; only contract managers and administrators edit it. */
const editors = roleGuard(...CATALOGUE_EDITORS);

export const CATALOGUE_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'services' },
  // catalogue-a: service descriptions and criteria
  { path: 'services', title: 'descriptions.title', component: ServiceDescriptionsPage },
  {
    path: 'services/new',
    title: 'descriptions.newTitle',
    canMatch: [editors],
    component: ServiceDescriptionEditor,
  },
  { path: 'services/:id', title: 'descriptions.detail', component: ServiceDescriptionPage },
  {
    path: 'services/:id/edit',
    title: 'descriptions.detail',
    canMatch: [editors],
    component: ServiceDescriptionEditor,
  },
  { path: 'criteria', title: 'criteria.title', component: CriteriaPage },
  { path: 'criteria/new', title: 'criteria.newTitle', canMatch: [editors], component: CriterionEditor },
  { path: 'criteria/:id', title: 'criteria.detail', component: CriterionPage },
  { path: 'criteria/:id/edit', title: 'criteria.detail', canMatch: [editors], component: CriterionEditor },
  // catalogue-b: monitoring terms
  { path: 'terms', title: 'terms.title', component: TermsListPage },
  { path: 'terms/:id', title: 'terms.detailTitle', component: TermsDetailPage },
  { path: 'terms/:id/edit', title: 'terms.editTitle', canMatch: [editors], component: TermsEditor },
  { path: 'terms/:id/compare/:otherId', title: 'terms.compareTitle', component: TermsComparePage },
];
