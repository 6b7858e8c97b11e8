// npm run db:migrate | db:revert | db:seed — the same data-source definition as the API.
import { build, runApi } from './run-api.mjs';

const command = process.argv[2];
if (!['migrate', 'revert', 'seed'].includes(command)) {
  console.error('usage: node tools/db.mjs migrate|revert|seed');
  process.exit(2);
}
build(['api']);
runApi([command]);
