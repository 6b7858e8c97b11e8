import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthUser, Role } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { ProducerEditor } from './producer-editor';
import { ProducerPage } from './producer-page';
import { PRODUCER_ROUTES } from './producer.routes';

@Component({ selector: 'sopu-not-found-stub', template: '' })
class NotFoundStub {}

const ID = '7c1e2d5f-4a62-4b9f-8e5d-1f3b7a8c9d02';

describe('PRODUCER_ROUTES', () => {
  async function open(url: string, role: Role) {
    const user = { role } as AuthUser;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'producers', children: PRODUCER_ROUTES },
            { path: '**', component: NotFoundStub },
          ],
          withComponentInputBinding(),
        ),
        { provide: AuthStore, useValue: { role: signal(role), load: async () => user } },
      ],
    });
    const harness = await RouterTestingHarness.create();
    return harness.navigateByUrl(url);
  }

  it.each<[string, Role, unknown]>([
    ['/producers/new', 'CONTRACT_MANAGER', ProducerEditor],
    ['/producers/new', 'ANALYST', NotFoundStub],
    [`/producers/${ID}/edit`, 'ADMIN', ProducerEditor],
    [`/producers/${ID}/edit`, 'PROVIDER_REPORTER', NotFoundStub],
    [`/producers/${ID}`, 'PROVIDER_REPORTER', ProducerPage],
    ['/producers/not-an-id', 'ANALYST', NotFoundStub],
  ])('%s for a %s opens the right page', async (url, role, page) => {
    expect(await open(url, role)).toBeInstanceOf(page as new () => unknown);
  });
});
