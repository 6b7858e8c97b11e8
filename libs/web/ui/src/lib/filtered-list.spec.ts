import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject, of, throwError } from 'rxjs';
import { filteredList, oneOf } from './filtered-list';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('filteredList', () => {
  it('loads again when the query really changes, and shows an empty list when loading fails', async () => {
    const query = signal({ type: 'A' });
    const asked: string[] = [];
    const list = TestBed.runInInjectionContext(() =>
      filteredList(query, (q) => {
        asked.push(q.type);
        return q.type === 'FAIL' ? throwError(() => new Error('down')) : of([q.type]);
      }),
    );
    TestBed.tick();
    await settle();
    expect([list.rows(), list.loading()]).toEqual([['A'], false]);
    query.set({ type: 'A' });
    TestBed.tick();
    await settle();
    expect(asked).toEqual(['A']);
    query.set({ type: 'FAIL' });
    TestBed.tick();
    await settle();
    expect([list.rows(), list.loading()]).toEqual([[], false]);
  });

  it('says it is loading until the answer arrives', async () => {
    const answer = new Subject<string[]>();
    const list = TestBed.runInInjectionContext(() => filteredList(signal(1), () => answer));
    TestBed.tick();
    expect(list.loading()).toBe(true);
    answer.next(['x']);
    expect([list.rows(), list.loading()]).toEqual([['x'], false]);
  });
});

describe('oneOf', () => {
  it('keeps an allowed value from the URL and ignores anything else', () => {
    expect(oneOf(['ACTIVE', 'ENDED'], 'ENDED')).toBe('ENDED');
    expect(oneOf(['ACTIVE', 'ENDED'], '<script>')).toBe('');
    expect(oneOf(['ACTIVE'], undefined)).toBe('');
  });
});
