import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Language, Page, ProducerSummary, Role, UserSummary } from '@sopu/shared';
import { showsOwnErrors } from '@sopu/web/auth';
import { Observable } from 'rxjs';

export type ActiveFilter = '' | 'true' | 'false';

export interface UserQuery {
  search: string;
  role: Role | '';
  active: ActiveFilter;
  page: number;
  pageSize: number;
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  producerId?: string;
  language: Language;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  producerId?: string | null;
  language?: Language;
  active?: boolean;
}

export interface CreatedUser {
  user: UserSummary;
  temporaryPassword: string;
}

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(query: UserQuery): Observable<Page<UserSummary>> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.search) params = params.set('search', query.search);
    if (query.role) params = params.set('role', query.role);
    if (query.active) params = params.set('active', query.active);
    return this.http.get<Page<UserSummary>>('/api/users', { params });
  }

  /** The dialogs show these errors on their own fields. */
  create(user: NewUser): Observable<CreatedUser> {
    return this.http.post<CreatedUser>('/api/users', user, { context: showsOwnErrors() });
  }

  update(id: string, changes: UserChanges): Observable<UserSummary> {
    return this.http.patch<UserSummary>(`/api/users/${encodeURIComponent(id)}`, changes, {
      context: showsOwnErrors(),
    });
  }

  resetPassword(id: string): Observable<{ temporaryPassword: string }> {
    return this.http.post<{ temporaryPassword: string }>(
      `/api/users/${encodeURIComponent(id)}/reset-password`,
      null,
    );
  }

  producers(): Observable<ProducerSummary[]> {
    return this.http.get<ProducerSummary[]>('/api/producers');
  }
}
