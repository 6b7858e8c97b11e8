import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Language, Localized } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { LocalizedFields } from './localized-fields';

@Component({
  imports: [LocalizedFields],
  template: `<sopu-localized-fields label="Name" [(value)]="text" [errors]="errors()" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly text = signal<Localized>({ fi: 'Kotihoito', sv: '', en: 'Home care' });
  readonly errors = signal<Partial<Record<Language, string>>>({});
}

describe('LocalizedFields', () => {
  async function render(lang: Language = 'en') {
    TestBed.inject(I18n).setLanguage(lang);
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  it('labels each language in the UI language', async () => {
    const { loader } = await render('en');
    const fields = await loader.getAllHarnesses(MatFormFieldHarness);
    expect(await Promise.all(fields.map((field) => field.getLabel()))).toEqual([
      'Name – Finnish',
      'Name – Swedish',
      'Name – English',
    ]);
  });

  it('uses Finnish language names when the UI is Finnish', async () => {
    const { loader } = await render('fi');
    const fields = await loader.getAllHarnesses(MatFormFieldHarness);
    expect(await fields[1].getLabel()).toBe('Name – ruotsi');
  });

  it('flags the empty Swedish text and clears the flag once written', async () => {
    const { fixture, loader } = await render();
    const swedish = await loader.getHarness(
      MatFormFieldHarness.with({ floatingLabelText: 'Name – Swedish' }),
    );
    expect(await swedish.getTextHints()).toEqual([expect.stringMatching(/Text missing$/)]);
    const finnish = await loader.getHarness(
      MatFormFieldHarness.with({ floatingLabelText: 'Name – Finnish' }),
    );
    expect(await finnish.getTextHints()).toEqual([]);

    const input = await swedish.getControl(MatInputHarness);
    await input?.setValue('Hemvård');
    await fixture.whenStable();
    expect(fixture.componentInstance.text()).toEqual({ fi: 'Kotihoito', sv: 'Hemvård', en: 'Home care' });
    expect(await swedish.getTextHints()).toEqual([]);
  });

  it('shows a message on one language', async () => {
    const { fixture, loader } = await render();
    fixture.componentInstance.errors.set({ sv: 'Is required.' });
    await fixture.whenStable();
    const swedish = await loader.getHarness(
      MatFormFieldHarness.with({ floatingLabelText: 'Name – Swedish' }),
    );
    expect(await swedish.getTextErrors()).toEqual(['Is required.']);
    const input = await swedish.getControl(MatInputHarness);
    expect(await (await input?.host())?.getAttribute('aria-invalid')).toBe('true');
  });
});
