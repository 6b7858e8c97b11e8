import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  Contract,
  ContractDocument,
  ContractEvent,
  ContractInput,
  ContractKind,
  ContractStatus,
  ContractSummary,
  ContractUpdate,
  Page,
  ReportObligation,
  StatusChangeInput,
} from '@sopu/shared';
import { showsOwnErrors } from '@sopu/web/auth';
import { Observable } from 'rxjs';

/** The list's filters; an empty value means "any". */
export interface ContractQuery {
  search?: string;
  producerId?: string;
  status?: ContractStatus | '';
  kind?: ContractKind | '';
  service?: string;
  endingWithinDays?: number | null;
}

/** Drops empty filters so that only what was chosen is sent. */
function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') result = result.set(key, String(value));
  return result;
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/** `/api/contracts`: contracts, their history, documents and the reports they call for. */
@Injectable({ providedIn: 'root' })
export class ContractsApi {
  private readonly http = inject(HttpClient);

  list(query: ContractQuery = {}): Observable<ContractSummary[]> {
    return this.http.get<ContractSummary[]>('/api/contracts', { params: params(query) });
  }

  /** The detail page tells itself why a contract could not be shown (e.g. not found). */
  get(id: string): Observable<Contract> {
    return this.http.get<Contract>(`/api/contracts/${path(id)}`, { context: showsOwnErrors() });
  }

  history(id: string): Observable<ContractEvent[]> {
    return this.http.get<ContractEvent[]>(`/api/contracts/${path(id)}/history`);
  }

  obligations(id: string): Observable<Page<ReportObligation>> {
    return this.http.get<Page<ReportObligation>>(`/api/contracts/${path(id)}/obligations`);
  }

  /** The forms show these errors on their own fields. */
  create(input: ContractInput): Observable<Contract> {
    return this.http.post<Contract>('/api/contracts', input, { context: showsOwnErrors() });
  }

  update(id: string, changes: ContractUpdate): Observable<Contract> {
    return this.http.patch<Contract>(`/api/contracts/${path(id)}`, changes, { context: showsOwnErrors() });
  }

  changeStatus(id: string, change: StatusChangeInput): Observable<Contract> {
    return this.http.post<Contract>(`/api/contracts/${path(id)}/status`, change, {
      context: showsOwnErrors(),
    });
  }

  documents(id: string): Observable<ContractDocument[]> {
    return this.http.get<ContractDocument[]>(`/api/contracts/${path(id)}/documents`);
  }

  /** The body is the file itself, so a 20 MB document is not inflated by an encoding. */
  addDocument(id: string, file: Blob, filename: string): Observable<ContractDocument> {
    return this.http.post<ContractDocument>(`/api/contracts/${path(id)}/documents`, file, {
      params: params({ filename }),
      headers: new HttpHeaders({ 'Content-Type': 'application/octet-stream' }),
      context: showsOwnErrors(),
    });
  }

  /** Where the browser downloads a document from (the session cookie goes along). */
  documentUrl(id: string, documentId: string): string {
    return `/api/contracts/${path(id)}/documents/${path(documentId)}`;
  }
}
