import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ContractSummary,
  Language,
  MajorDistrict,
  Producer,
  ProducerDetail,
  ProducerInput,
  ProducerStatus,
  ProducerType,
  ServiceUnit,
  ServiceUnitInput,
} from '@sopu/shared';
import { showsOwnErrors } from '@sopu/web/auth';
import { Observable } from 'rxjs';

/** The registry's filters; an empty string means "any". */
export interface ProducerQuery {
  search: string;
  type: ProducerType | '';
  district: MajorDistrict | '';
  language: Language | '';
  status: ProducerStatus | '';
}

export const EMPTY_PRODUCER_QUERY: ProducerQuery = {
  search: '',
  type: '',
  district: '',
  language: '',
  status: '',
};

/** `/api/producers`: the producer registry and the producers' service units. */
@Injectable({ providedIn: 'root' })
export class ProducersApi {
  private readonly http = inject(HttpClient);

  list(query: ProducerQuery = EMPTY_PRODUCER_QUERY): Observable<Producer[]> {
    let params = new HttpParams();
    for (const [name, value] of Object.entries(query)) if (value) params = params.set(name, value);
    return this.http.get<Producer[]>('/api/producers', { params });
  }

  /** The detail page tells itself why a producer could not be shown (e.g. not found). */
  get(id: string): Observable<ProducerDetail> {
    return this.http.get<ProducerDetail>(`/api/producers/${encodeURIComponent(id)}`, {
      context: showsOwnErrors(),
    });
  }

  /**
   * A producer's contracts, for its page. Read from `/api/contracts` here because the contracts library
   * builds on this one and cannot be imported by it.
   */
  contracts(producerId: string): Observable<ContractSummary[]> {
    return this.http.get<ContractSummary[]>('/api/contracts', { params: { producerId } });
  }

  /** The forms show these errors on their own fields. */
  create(input: ProducerInput): Observable<ProducerDetail> {
    return this.http.post<ProducerDetail>('/api/producers', input, { context: showsOwnErrors() });
  }

  update(id: string, changes: Partial<ProducerInput>): Observable<ProducerDetail> {
    return this.http.patch<ProducerDetail>(`/api/producers/${encodeURIComponent(id)}`, changes, {
      context: showsOwnErrors(),
    });
  }

  addUnit(producerId: string, input: ServiceUnitInput): Observable<ServiceUnit> {
    return this.http.post<ServiceUnit>(`/api/producers/${encodeURIComponent(producerId)}/units`, input, {
      context: showsOwnErrors(),
    });
  }

  updateUnit(
    producerId: string,
    unitId: string,
    changes: Partial<ServiceUnitInput>,
  ): Observable<ServiceUnit> {
    return this.http.patch<ServiceUnit>(
      `/api/producers/${encodeURIComponent(producerId)}/units/${encodeURIComponent(unitId)}`,
      changes,
      { context: showsOwnErrors() },
    );
  }
}
