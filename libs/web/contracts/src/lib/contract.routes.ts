import { Routes, UrlSegment } from '@angular/router';
import { contractEditorsGuard } from './contract-access';
import { ContractEditor } from './contract-editor';
import { ContractPage } from './contract-page';
import { ContractsPage } from './contracts-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only a contract id matches `:id`, so `/contracts/new` for a reader is "not found", not a failed lookup. */
const contractId = (_route: unknown, segments: UrlSegment[]) => UUID.test(segments[0]?.path ?? '');

/** Everyone signed in reads contracts; only contract managers and administrators change them. */
export const CONTRACT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'contracts.title', component: ContractsPage },
  { path: 'new', title: 'contracts.newTitle', canMatch: [contractEditorsGuard], component: ContractEditor },
  { path: ':id', title: 'contracts.detailTitle', canMatch: [contractId], component: ContractPage },
  {
    path: ':id/edit',
    title: 'contracts.editTitle',
    canMatch: [contractId, contractEditorsGuard],
    component: ContractEditor,
  },
];
