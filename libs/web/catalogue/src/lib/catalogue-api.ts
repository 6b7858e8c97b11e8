import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  Criterion,
  CriterionInput,
  DescriptionStatus,
  Language,
  MeasureType,
  MonitoringTerms,
  ServiceArea,
  ServiceDescription,
  ServiceDescriptionInput,
  TermsComparison,
  TermsUpdate,
} from '@sopu/shared';
import { showsOwnErrors } from '@sopu/web/auth';
import { Observable } from 'rxjs';

export interface DescriptionQuery {
  search?: string;
  area?: ServiceArea | '';
  status?: DescriptionStatus | '';
  missingLanguage?: Language | '';
}

export interface CriterionQuery {
  search?: string;
  measureType?: MeasureType | '';
  missingLanguage?: Language | '';
}

/** Drops empty filters so that the URL carries only what was chosen. */
function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') result = result.set(key, String(value));
  return result;
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/** The catalogue endpoints. Writes show their errors on the form that made them. */
@Injectable({ providedIn: 'root' })
export class CatalogueApi {
  private readonly http = inject(HttpClient);

  descriptions(query: DescriptionQuery = {}): Observable<ServiceDescription[]> {
    return this.http.get<ServiceDescription[]>('/api/service-descriptions', { params: params(query) });
  }

  description(id: string): Observable<ServiceDescription> {
    return this.http.get<ServiceDescription>(`/api/service-descriptions/${path(id)}`);
  }

  descriptionVersions(id: string): Observable<ServiceDescription[]> {
    return this.http.get<ServiceDescription[]>(`/api/service-descriptions/${path(id)}/versions`);
  }

  createDescription(input: ServiceDescriptionInput): Observable<ServiceDescription> {
    return this.http.post<ServiceDescription>('/api/service-descriptions', input, {
      context: showsOwnErrors(),
    });
  }

  /** A draft is edited in place; a published version answers with a new draft version. */
  updateDescription(id: string, changes: Partial<ServiceDescriptionInput>): Observable<ServiceDescription> {
    return this.http.patch<ServiceDescription>(`/api/service-descriptions/${path(id)}`, changes, {
      context: showsOwnErrors(),
    });
  }

  publishDescription(id: string): Observable<ServiceDescription> {
    return this.http.post<ServiceDescription>(`/api/service-descriptions/${path(id)}/publish`, null, {
      context: showsOwnErrors(),
    });
  }

  criteria(query: CriterionQuery = {}): Observable<Criterion[]> {
    return this.http.get<Criterion[]>('/api/criteria', { params: params(query) });
  }

  criterion(id: string): Observable<Criterion> {
    return this.http.get<Criterion>(`/api/criteria/${path(id)}`);
  }

  createCriterion(input: CriterionInput): Observable<Criterion> {
    return this.http.post<Criterion>('/api/criteria', input, { context: showsOwnErrors() });
  }

  updateCriterion(id: string, changes: Partial<CriterionInput>): Observable<Criterion> {
    return this.http.patch<Criterion>(`/api/criteria/${path(id)}`, changes, { context: showsOwnErrors() });
  }

  /** Every version, newest first; of one service when `service` is given. */
  termsVersions(service?: string): Observable<MonitoringTerms[]> {
    return this.http.get<MonitoringTerms[]>('/api/monitoring-terms', { params: params({ service }) });
  }

  terms(id: string): Observable<MonitoringTerms> {
    return this.http.get<MonitoringTerms>(`/api/monitoring-terms/${path(id)}`);
  }

  createTerms(serviceCode: string): Observable<MonitoringTerms> {
    return this.http.post<MonitoringTerms>(
      '/api/monitoring-terms',
      { serviceCode },
      { context: showsOwnErrors() },
    );
  }

  updateTerms(id: string, update: TermsUpdate): Observable<MonitoringTerms> {
    return this.http.patch<MonitoringTerms>(`/api/monitoring-terms/${path(id)}`, update, {
      context: showsOwnErrors(),
    });
  }

  publishTerms(id: string): Observable<MonitoringTerms> {
    return this.http.post<MonitoringTerms>(`/api/monitoring-terms/${path(id)}/publish`, null, {
      context: showsOwnErrors(),
    });
  }

  newTermsVersion(id: string): Observable<MonitoringTerms> {
    return this.http.post<MonitoringTerms>(`/api/monitoring-terms/${path(id)}/new-version`, null, {
      context: showsOwnErrors(),
    });
  }

  compareTerms(id: string, otherId: string): Observable<TermsComparison> {
    return this.http.get<TermsComparison>(`/api/monitoring-terms/${path(id)}/compare/${path(otherId)}`);
  }
}
