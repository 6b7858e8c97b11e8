// npm run db:migrate | db:revert | db:seed — the same data-source definition as the API;
// npm run backup -- FILE | restore -- FILE — a copy of the database (server or embedded store).
import { build, runApi } from './run-api.mjs';

const command = process.argv[2];
if (!['migrate', 'revert', 'seed', 'backup', 'restore'].includes(command)) {
  console.error('usage: node tools/db.mjs migrate|revert|seed|backup FILE|restore FILE');
  process.exit(2);
}
build(['api']);
runApi(process.argv.slice(2));
