import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { AuditEventView, Page } from '@sopu/shared';
import { Observable } from 'rxjs';

export interface AuditQuery {
  action: string;
  entityType: string;
  /** ISO timestamps, or empty for no limit. */
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery): Observable<Page<AuditEventView>> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    for (const key of ['action', 'entityType', 'from', 'to'] as const) {
      if (query[key]) params = params.set(key, query[key]);
    }
    return this.http.get<Page<AuditEventView>>('/api/audit-events', { params });
  }
}
