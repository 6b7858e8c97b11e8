import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiToken,
  ApiTokenInput,
  BenchmarkRow,
  CompletenessRow,
  ComparisonGrouping,
  ComparisonResult,
  ComparisonStatus,
  CorrectiveAction,
  CorrectiveActionCloseInput,
  CorrectiveActionDecisionInput,
  CorrectiveActionEvidence,
  CorrectiveActionInput,
  CorrectiveActionPlanInput,
  CorrectiveActionStatus,
  CreatedApiToken,
  Deviation,
  DeviationKind,
  DeviationStatus,
  ExpectedReportStatus,
  NotificationInbox,
  Page,
  ReportObligation,
} from '@sopu/shared';
import { showsOwnErrors } from '@sopu/web/auth';
import { Observable } from 'rxjs';

export interface ReportQuery {
  contractId?: string;
  service?: string;
  status?: ExpectedReportStatus | '';
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface DeviationQuery {
  status?: DeviationStatus | '';
  kind?: DeviationKind | '';
  service?: string;
  producerId?: string;
  withoutAction?: boolean | null;
  page?: number;
  pageSize?: number;
}

export interface CorrectiveActionQuery {
  status?: CorrectiveActionStatus | '';
  overdue?: boolean | null;
  producerId?: string;
  service?: string;
  page?: number;
  pageSize?: number;
}

export interface CompletenessQuery {
  service?: string;
  from?: string;
  to?: string;
  groupBy?: 'producerType' | 'producer';
}

/** `GET /api/comparisons`; an empty `criteria` asks for every criterion of the service. */
export interface ComparisonQuery {
  service: string;
  from: string;
  to: string;
  criteria: string[];
  groupBy: ComparisonGrouping;
  status: ComparisonStatus;
}

/** Drops empty filters so that only what was chosen is sent. */
function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') result = result.set(key, String(value));
  return result;
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');
const ACTIONS = '/api/corrective-actions';

/** The steering endpoints: deviations, corrective actions, notifications, completeness, benchmarks, tokens. */
@Injectable({ providedIn: 'root' })
export class SteeringApi {
  private readonly http = inject(HttpClient);

  reports(query: ReportQuery = {}): Observable<Page<ReportObligation>> {
    return this.http.get<Page<ReportObligation>>('/api/reports', { params: params(query) });
  }

  deviations(query: DeviationQuery = {}): Observable<Page<Deviation>> {
    return this.http.get<Page<Deviation>>('/api/deviations', { params: params(query) });
  }

  actions(query: CorrectiveActionQuery = {}): Observable<Page<CorrectiveAction>> {
    return this.http.get<Page<CorrectiveAction>>(ACTIONS, { params: params(query) });
  }

  /** The detail page tells itself why an action could not be shown (e.g. not found). */
  action(id: string): Observable<CorrectiveAction> {
    return this.http.get<CorrectiveAction>(`${ACTIONS}/${path(id)}`, { context: showsOwnErrors() });
  }

  /** The forms below show their errors beside their fields. */
  openAction(input: CorrectiveActionInput): Observable<CorrectiveAction> {
    return this.http.post<CorrectiveAction>(ACTIONS, input, { context: showsOwnErrors() });
  }

  submitPlan(id: string, input: CorrectiveActionPlanInput): Observable<CorrectiveAction> {
    return this.http.post<CorrectiveAction>(`${ACTIONS}/${path(id)}/plan`, input, {
      context: showsOwnErrors(),
    });
  }

  decide(id: string, input: CorrectiveActionDecisionInput): Observable<CorrectiveAction> {
    return this.http.post<CorrectiveAction>(`${ACTIONS}/${path(id)}/decision`, input, {
      context: showsOwnErrors(),
    });
  }

  close(id: string, input: CorrectiveActionCloseInput): Observable<CorrectiveAction> {
    return this.http.post<CorrectiveAction>(`${ACTIONS}/${path(id)}/close`, input, {
      context: showsOwnErrors(),
    });
  }

  /** The body is the file itself, so a 20 MB document is not inflated by an encoding. */
  addEvidence(id: string, file: Blob, filename: string): Observable<CorrectiveActionEvidence> {
    return this.http.post<CorrectiveActionEvidence>(`${ACTIONS}/${path(id)}/evidence`, file, {
      params: params({ filename }),
      headers: new HttpHeaders({ 'Content-Type': 'application/octet-stream' }),
      context: showsOwnErrors(),
    });
  }

  /** Where the browser downloads evidence from (the session cookie goes along). */
  evidenceUrl(id: string, evidenceId: string): string {
    return `${ACTIONS}/${path(id)}/evidence/${path(evidenceId)}`;
  }

  notifications(unread = false): Observable<NotificationInbox> {
    return this.http.get<NotificationInbox>('/api/notifications', {
      params: params({ unread: unread || '' }),
      // The inbox is polled in the background: a failed poll is not worth a notice.
      context: showsOwnErrors(),
    });
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`/api/notifications/${path(id)}/read`, null);
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>('/api/notifications/read', null);
  }

  completeness(query: CompletenessQuery = {}): Observable<CompletenessRow[]> {
    return this.http.get<CompletenessRow[]>('/api/completeness', { params: params(query) });
  }

  comparisons(query: ComparisonQuery): Observable<ComparisonResult> {
    return this.http.get<ComparisonResult>('/api/comparisons', {
      params: params({ ...query, criteria: query.criteria.join(',') }),
    });
  }

  benchmarks(service: string, producerId?: string): Observable<BenchmarkRow[]> {
    return this.http.get<BenchmarkRow[]>('/api/benchmarks', { params: params({ service, producerId }) });
  }

  tokens(producerId?: string): Observable<ApiToken[]> {
    return this.http.get<ApiToken[]>('/api/api-tokens', { params: params({ producerId }) });
  }

  createToken(input: ApiTokenInput): Observable<CreatedApiToken> {
    return this.http.post<CreatedApiToken>('/api/api-tokens', input, { context: showsOwnErrors() });
  }

  revokeToken(id: string): Observable<void> {
    return this.http.delete<void>(`/api/api-tokens/${path(id)}`);
  }
}
