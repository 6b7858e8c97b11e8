import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { ProducerSummary } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { UserDialog } from './user-dialog';

const producers: ProducerSummary[] = [
  {
    id: '0b6f3f7e-7a41-4a53-9f3a-2d2b8f0e5a11',
    name: 'Hoiva Oy',
    type: 'PURCHASED_SERVICE',
    businessId: '1234567-1',
  },
];

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('UserDialog (create)', () => {
  const close = jest.fn();

  async function render() {
    close.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { user: null } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    TestBed.inject(I18n).setLanguage('en');
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(UserDialog);
    http.expectOne('/api/producers').flush(producers);
    await settle(fixture);
    return { fixture, http, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  async function labels(fixture: ComponentFixture<unknown>) {
    const fields = await TestbedHarnessEnvironment.loader(fixture).getAllHarnesses(MatFormFieldHarness);
    return Promise.all(fields.map((field) => field.getLabel()));
  }

  it('asks for a producer only for a provider reporter', async () => {
    const { fixture, loader } = await render();
    expect(await labels(fixture)).toEqual(['Email', 'Name', 'Role', 'Language']);

    const role = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName=role]' }));
    await role.open();
    await role.clickOptions({ text: 'Provider reporter' });
    await settle(fixture);
    expect(await labels(fixture)).toEqual(['Email', 'Name', 'Role', 'Producer', 'Language']);

    const producer = await loader.getHarness(
      MatSelectHarness.with({ selector: '[formControlName=producerId]' }),
    );
    await producer.open();
    const options = await producer.getOptions();
    expect(await options[0].getText()).toBe('Hoiva Oy (Purchased service)');
  });

  it('shows the API field errors on the fields', async () => {
    const { fixture, http, loader } = await render();
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=email]' }))
    ).setValue('anna@hel.fi');
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=displayName]' }))
    ).setValue('Anna');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create user' }))).click();

    const request = http.expectOne({ method: 'POST', url: '/api/users' });
    expect(request.request.body).toEqual({
      email: 'anna@hel.fi',
      displayName: 'Anna',
      role: 'CONTRACT_MANAGER',
      language: 'en',
    });
    request.flush(
      {
        statusCode: 409,
        code: 'EMAIL_TAKEN',
        message: 'A user with this email address already exists.',
        requestId: 'r1',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);

    const email = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Email' }));
    expect(await email.getTextErrors()).toEqual(['A user with this email address already exists.']);
    expect(close).not.toHaveBeenCalled();
  });

  it('shows validation answers from the API on the named field', async () => {
    const { fixture, http, loader } = await render();
    TestBed.inject(I18n).setLanguage('fi');
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=email]' }))
    ).setValue('a@b.fi');
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=displayName]' }))
    ).setValue('Anna');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Luo käyttäjä' }))).click();
    http.expectOne({ method: 'POST', url: '/api/users' }).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Some fields are not valid.',
        fields: [
          {
            field: 'displayName',
            problem: 'noControlCharacters',
            message: 'must not contain control characters',
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    const name = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Nimi' }));
    expect(await name.getTextErrors()).toEqual(['Ei saa sisältää ohjausmerkkejä']);
  });
});
