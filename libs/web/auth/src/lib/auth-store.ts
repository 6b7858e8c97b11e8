import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { I18n } from '@sopu/web/i18n';
import { AuthUser, Language, LoginResponse } from '@sopu/shared';
import { firstValueFrom } from 'rxjs';
import { showsOwnErrors } from './api-errors';

export interface AccountChanges {
  language?: Language;
  displayName?: string;
}

/** The signed-in user. The session itself is an httpOnly cookie; this store only mirrors `GET /api/auth/me`. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18n);
  private readonly current = signal<AuthUser | null>(null);
  private loading: Promise<AuthUser | null> | null = null;

  readonly user = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);
  readonly role = computed(() => this.current()?.role ?? null);

  /** Asks the API who is signed in, once; later calls reuse the answer until sign-in or sign-out. */
  load(): Promise<AuthUser | null> {
    this.loading ??= firstValueFrom(
      this.http.get<AuthUser>('/api/auth/me', { context: showsOwnErrors() }),
    ).then(
      (user) => {
        this.setUser(user);
        return user;
      },
      (error: unknown) => {
        // 401 is the normal answer when nobody is signed in; other failures also leave us signed out,
        // and the next guarded navigation asks again.
        this.current.set(null);
        if (!(error instanceof HttpErrorResponse && error.status === 401)) this.loading = null;
        return null;
      },
    );
    return this.loading;
  }

  async signIn(email: string, password: string): Promise<AuthUser> {
    const response = await firstValueFrom(
      this.http.post<LoginResponse>('/api/auth/login', { email, password }, { context: showsOwnErrors() }),
    );
    this.setUser(response.user);
    return response.user;
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>('/api/auth/logout', null, { context: showsOwnErrors() }));
    } catch {
      // The session may already have ended; either way the user is signed out here.
    } finally {
      this.clear();
    }
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<AuthUser> {
    const response = await firstValueFrom(
      this.http.post<LoginResponse>(
        '/api/auth/password',
        { currentPassword, newPassword },
        { context: showsOwnErrors() },
      ),
    );
    this.setUser(response.user);
    return response.user;
  }

  async updateMe(changes: AccountChanges): Promise<AuthUser> {
    const user = await firstValueFrom(this.http.patch<AuthUser>('/api/auth/me', changes));
    this.setUser(user);
    return user;
  }

  /** Switches the UI language at once and, when signed in, remembers it for this user. */
  async changeLanguage(lang: Language): Promise<void> {
    this.i18n.setLanguage(lang);
    if (this.signedIn() && this.current()?.language !== lang) await this.updateMe({ language: lang });
  }

  /** Forgets the user without calling the API (the session has already ended). */
  clear(): void {
    this.current.set(null);
    this.loading = Promise.resolve(null);
  }

  private setUser(user: AuthUser): void {
    this.current.set(user);
    this.loading = Promise.resolve(user);
    if (this.i18n.lang() !== user.language) this.i18n.setLanguage(user.language);
  }
}
