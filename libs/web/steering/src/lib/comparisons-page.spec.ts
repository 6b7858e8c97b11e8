import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { I18n } from '@sopu/web/i18n';
import { RESULT } from './comparison-fixture.testing';
import { ComparisonsPage } from './comparisons-page';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('ComparisonsPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'comparisons', component: ComparisonsPage }], withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
  });

  /** Answers the catalogue's lists empty and the comparison with the fixture; returns the comparison requests. */
  async function answer(harness: RouterTestingHarness): Promise<URLSearchParams[]> {
    const asked: URLSearchParams[] = [];
    for (let round = 0; round < 3; round++) {
      await settle();
      for (const request of http.match(() => true)) {
        if (request.request.url === '/api/comparisons') {
          asked.push(new URLSearchParams(request.request.params.toString()));
          request.flush(RESULT);
        } else request.flush([]);
      }
      await harness.fixture.whenStable();
    }
    return asked;
  }

  it('writes the default period range into the URL and asks for nothing before a service is chosen', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/comparisons');
    const asked = await answer(harness);
    const url = new URL(TestBed.inject(Router).url, 'http://x');
    expect(url.searchParams.get('from')).toMatch(/^\d{4}-\d\d$/);
    expect(url.searchParams.get('view')).toBe('table');
    expect(asked).toEqual([]);
    expect(harness.routeNativeElement?.textContent).toContain('Choose a service to compare.');
  });

  it('asks for the state in the URL and shows a row per criterion and group, the types leading to their producers', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/comparisons?service=HOME_CARE&from=2025-01&to=2025-02&status=submitted');
    const [query] = await answer(harness);
    expect(Object.fromEntries(query)).toEqual({
      service: 'HOME_CARE',
      from: '2025-01',
      to: '2025-02',
      groupBy: 'producerType',
      status: 'submitted',
    });
    const element = harness.routeNativeElement as HTMLElement;
    const rows = Array.from(element.querySelectorAll('tr.mat-mdc-row'));
    expect(rows).toHaveLength(7);
    const cells = Array.from(rows[0].querySelectorAll('td')).map((td) =>
      td.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(cells.slice(0, 5)).toEqual([
      'Missed visits (%)',
      'In-house production: show its producers',
      '3',
      '83.3 %',
      '4.3 %',
    ]);
    const drill = rows[0].querySelector('a') as HTMLAnchorElement;
    expect(drill.getAttribute('href')).toContain('type=SELF_PRODUCED');
  });

  it('drills into one type with the producers of that type and draws a chart with a summary for screen readers', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(
      '/comparisons?service=HOME_CARE&from=2025-01&to=2025-02&type=SELF_PRODUCED&view=bars',
    );
    const [query] = await answer(harness);
    expect(query.get('groupBy')).toBe('producer');
    const element = harness.routeNativeElement as HTMLElement;
    expect(element.textContent).toContain('Showing the producers of: In-house production.');
    const drawing = element.querySelector('.drawing[role=img]');
    expect(drawing?.getAttribute('aria-label')).toMatch(
      /^Missed visits: highest In-house production 4\.3\u00a0%/,
    );
    const toggle = Array.from(element.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Show as table'),
    );
    toggle?.click();
    await harness.fixture.whenStable();
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(element.querySelector('table caption')?.textContent).toContain('Bars – Missed visits');
  });
});
