import { Routes } from '@angular/router';

export const PRODUCER_ROUTES: Routes = [];
