import { Routes, UrlSegment } from '@angular/router';
import { ProducerEditor } from './producer-editor';
import { producerEditorsGuard } from './producer-access';
import { ProducerPage } from './producer-page';
import { ProducersPage } from './producers-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only a producer id matches `:id`, so `/producers/new` for a reader is "not found", not a failed lookup. */
const producerId = (_route: unknown, segments: UrlSegment[]) => UUID.test(segments[0]?.path ?? '');

/** Everyone signed in reads the registry; only contract managers and administrators change it. */
export const PRODUCER_ROUTES: Routes = [
  { path: '', pathMatch: 'full', title: 'producers.title', component: ProducersPage },
  { path: 'new', title: 'producers.newTitle', canMatch: [producerEditorsGuard], component: ProducerEditor },
  { path: ':id', title: 'producers.detailTitle', canMatch: [producerId], component: ProducerPage },
  {
    path: ':id/edit',
    title: 'producers.editTitle',
    canMatch: [producerId, producerEditorsGuard],
    component: ProducerEditor,
  },
];
