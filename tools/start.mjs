// npm start: build the API and the web app (if changed) and serve both on one port.
import { build, runApi } from './run-api.mjs';

build(['api', 'web']);
runApi();
