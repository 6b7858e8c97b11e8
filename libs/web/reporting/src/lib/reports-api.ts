import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  Deviation,
  ExpectedReportStatus,
  Page,
  ReportDetail,
  ReportObligation,
  ReportRevision,
  ReportValuesInput,
  ReviewInput,
  SheetFormat,
  SheetImportResult,
  SubmitResult,
} from '@sopu/shared';
import { showsOwnErrors } from '@sopu/web/auth';
import { Observable } from 'rxjs';

/** The list's filters; an empty value means "any". */
export interface ReportQuery {
  status?: ExpectedReportStatus | '';
  service?: string;
  producerId?: string;
  page?: number;
  pageSize?: number;
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/** `/api/reports` and `/api/deviations`: expected and submitted reports, their drafts, reviews and revisions. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  list(query: ReportQuery = {}): Observable<Page<ReportObligation>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    return this.http.get<Page<ReportObligation>>('/api/reports', { params });
  }

  /** The report page tells itself why a report could not be shown (e.g. not found). */
  get(id: string): Observable<ReportDetail> {
    return this.http.get<ReportDetail>(`/api/reports/${path(id)}`, { context: showsOwnErrors() });
  }

  /** Autosave: the page says "someone else saved" itself instead of a global notice. */
  saveValues(id: string, input: ReportValuesInput): Observable<ReportDetail> {
    return this.http.put<ReportDetail>(`/api/reports/${path(id)}/values`, input, {
      context: showsOwnErrors(),
    });
  }

  /** `key` is made once per intent to submit and sent again when the user retries after a network error. */
  submit(id: string, key: string): Observable<SubmitResult> {
    return this.http.post<SubmitResult>(`/api/reports/${path(id)}/submit`, null, {
      headers: new HttpHeaders({ 'Idempotency-Key': key }),
      context: showsOwnErrors(),
    });
  }

  review(id: string, input: ReviewInput): Observable<ReportDetail> {
    return this.http.post<ReportDetail>(`/api/reports/${path(id)}/review`, input, {
      context: showsOwnErrors(),
    });
  }

  startCorrection(id: string): Observable<ReportDetail> {
    return this.http.post<ReportDetail>(`/api/reports/${path(id)}/corrections`, null);
  }

  revision(id: string, number: number): Observable<ReportRevision> {
    return this.http.get<ReportRevision>(`/api/reports/${path(id)}/revisions/${number}`);
  }

  /** Evidence for one value; the API recognises the type from the content. */
  addAttachment(id: string, criterion: string, file: Blob, filename: string): Observable<ReportDetail> {
    return this.http.post<ReportDetail>(`/api/reports/${path(id)}/attachments`, file, {
      params: new HttpParams().set('criterion', criterion).set('filename', filename),
      headers: new HttpHeaders({ 'Content-Type': 'application/octet-stream' }),
      context: showsOwnErrors(),
    });
  }

  removeAttachment(id: string, attachmentId: string): Observable<ReportDetail> {
    return this.http.delete<ReportDetail>(`/api/reports/${path(id)}/attachments/${path(attachmentId)}`, {
      context: showsOwnErrors(),
    });
  }

  /** Where the browser downloads an attachment from (the session cookie goes along). */
  attachmentUrl(id: string, attachmentId: string): string {
    return `/api/reports/${path(id)}/attachments/${path(attachmentId)}`;
  }

  /** Where the browser downloads a template of open reports from (the session cookie goes along). */
  templateUrl(format: SheetFormat, producerId: string | null): string {
    const params = new HttpParams({ fromObject: producerId ? { format, producerId } : { format } });
    return `/api/report-sheets/template?${params.toString()}`;
  }

  /** A filled sheet: checked only (`dryRun`), or stored all or none. */
  importSheet(file: Blob, dryRun: boolean): Observable<SheetImportResult> {
    return this.http.post<SheetImportResult>('/api/report-sheets/import', file, {
      params: new HttpParams().set('dryRun', String(dryRun)),
      headers: new HttpHeaders({ 'Content-Type': 'application/octet-stream' }),
      context: showsOwnErrors(),
    });
  }

  deviations(reportId: string): Observable<Page<Deviation>> {
    return this.http.get<Page<Deviation>>('/api/deviations', {
      params: new HttpParams().set('reportId', reportId).set('pageSize', 500),
    });
  }
}
