import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { errorMessage } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { ContractStatusDialog, ContractStatusDialogData } from './contract-status-dialog';

const ID = '0b4f7c1e-3a51-4a8e-9d4c-0e2a6f7b8c91';

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('ContractStatusDialog', () => {
  const close = jest.fn();
  let http: HttpTestingController;

  async function render(data: ContractStatusDialogData) {
    close.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ContractStatusDialog);
    await settle(fixture);
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  async function input(fixture: ComponentFixture<unknown>, label: string): Promise<MatInputHarness> {
    const field = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatFormFieldHarness.with({ floatingLabelText: label }),
    );
    const control = await field.getControl(MatInputHarness);
    if (!control) throw new Error(`No input labelled ${label}`);
    return control;
  }

  afterEach(() => http.verify());

  it('asks for a reason and an effective date and sends them with the new status', async () => {
    const { fixture, loader } = await render({
      contract: { id: ID, number: 'HEL-1', status: 'ACTIVE' },
      to: 'SUSPENDED',
    });
    expect(fixture.nativeElement.querySelector('h2').textContent).toContain('Suspend contract HEL-1');
    expect(fixture.nativeElement.textContent).toContain('The status changes from Active to Suspended.');

    // Nothing is sent without a reason.
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Suspend' }))).click();
    await settle(fixture);
    http.expectNone(`/api/contracts/${ID}/status`);
    expect(fixture.nativeElement.textContent).toContain('This field is required.');

    await (await input(fixture, 'Reason')).setValue('The unit is being renovated');
    await (await input(fixture, 'Effective date')).setValue('2026-04-01');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Suspend' }))).click();
    const request = http.expectOne(`/api/contracts/${ID}/status`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      status: 'SUSPENDED',
      reason: 'The unit is being renovated',
      effectiveDate: '2026-04-01',
    });
    request.flush({ id: ID, number: 'HEL-1', status: 'SUSPENDED' });
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ status: 'SUSPENDED' }));
  });

  it("shows the API's refusal of an illegal transition in the dialog and stays open", async () => {
    const { fixture, loader } = await render({
      contract: { id: ID, number: 'HEL-1', status: 'DRAFT' },
      to: 'ACTIVE',
    });
    expect(fixture.nativeElement.textContent).toContain('expected reports');
    await (await input(fixture, 'Reason')).setValue('Signed');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Activate' }))).click();
    http.expectOne(`/api/contracts/${ID}/status`).flush(
      {
        statusCode: 409,
        code: 'ILLEGAL_TRANSITION',
        message: errorMessage('ILLEGAL_TRANSITION', 'en'),
        fields: [{ field: 'status', problem: 'invalid', message: 'is not valid' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    // The refusal in the user's language, as the shared error catalogue words it.
    expect(fixture.nativeElement.querySelector('[role=alert]').textContent).toContain(
      errorMessage('ILLEGAL_TRANSITION', 'en'),
    );
    expect(close).not.toHaveBeenCalled();
  });
});
