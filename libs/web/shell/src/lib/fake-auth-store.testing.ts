import { computed, signal } from '@angular/core';
import { AuthUser, Role } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';

/** A stand-in AuthStore for component tests: a fixed user, no HTTP. */
export function fakeAuthStore(role: Role, overrides: Partial<AuthUser> = {}) {
  const user = signal<AuthUser | null>({
    id: 'u1',
    email: 'aino@example.fi',
    displayName: 'Aino Virtanen',
    role,
    producerId: null,
    producerName: null,
    producerType: null,
    organiserId: 'o1',
    organiserName: 'Helsingin kaupunki',
    language: 'en',
    ...overrides,
  });
  const store = {
    user,
    signedIn: computed(() => user() !== null),
    role: computed(() => user()?.role ?? null),
    signOut: jest.fn(async () => user.set(null)),
    changeLanguage: jest.fn(async () => undefined),
    load: jest.fn(async () => user()),
  };
  return { provide: AuthStore, useValue: store };
}
