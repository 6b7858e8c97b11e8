import { Routes, UrlSegment } from '@angular/router';
import { ReportPage } from './report-page';
import { ReportSheetsPage } from './report-sheets-page';
import { ReportsPage } from './reports-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only a report id matches `:id`, so anything else is "not found", not a failed lookup. */
const reportId = (_route: unknown, segments: UrlSegment[]) => UUID.test(segments[0]?.path ?? '');

/** Everyone signed in reads reports (a reporter only their own producer's); the API decides who may write. */
export const REPORT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'reports.title', component: ReportsPage },
  { path: 'sheets', title: 'reports.sheets.title', component: ReportSheetsPage },
  { path: ':id', title: 'reports.detailTitle', canMatch: [reportId], component: ReportPage },
];
