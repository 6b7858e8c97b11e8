#!/usr/bin/env bash
# Usage: tools/new-lib.sh <dir e.g. libs/api/auth> <project name> <scope> <type> <env node|angular>
set -euo pipefail
dir=$1; name=$2; scope=$3; type=$4; envk=$5
depth=$(echo "$dir" | awk -F/ '{print NF}')
up=$(printf '../%.0s' $(seq 1 $depth))
mkdir -p "$dir/src"
cat > "$dir/project.json" <<JSON
{
  "name": "$name",
  "\$schema": "${up}node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$dir/src",
  "projectType": "library",
  "tags": ["scope:$scope", "type:$type"],
  "targets": {
    "lint": { "executor": "@nx/eslint:lint" },
    "typecheck": { "executor": "nx:run-commands", "options": { "command": "tsc -p $dir/tsconfig.lib.json --noEmit && tsc -p $dir/tsconfig.spec.json --noEmit" } },
    "test": { "executor": "@nx/jest:jest", "options": { "jestConfig": "$dir/jest.config.ts", "passWithNoTests": false } }
  }
}
JSON
if [ "$envk" = angular ]; then
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "${up}tsconfig.base.json",
  "compilerOptions": { "strict": true, "noPropertyAccessFromIndexSignature": true, "isolatedModules": true, "moduleResolution": "bundler", "emitDecoratorMetadata": false },
  "angularCompilerOptions": { "strictInjectionParameters": true, "strictInputAccessModifiers": true, "strictTemplates": true },
  "files": [],
  "references": [{ "path": "./tsconfig.lib.json" }, { "path": "./tsconfig.spec.json" }]
}
JSON
cat > "$dir/tsconfig.lib.json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "types": [] },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts", "src/test-setup.ts", "jest.config.ts"]
}
JSON
cat > "$dir/tsconfig.spec.json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "module": "es2022", "target": "es2022", "types": ["jest", "node"] },
  "include": ["jest.config.ts", "src/**/*.spec.ts", "src/test-setup.ts", "src/**/*.d.ts"]
}
JSON
cat > "$dir/jest.config.ts" <<JSON
export default {
  displayName: '$name',
  preset: '${up}jest.preset.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '${up}coverage/$dir',
  transform: {
    '^.+\\\\.(ts|mjs|js|html)\$': ['jest-preset-angular', { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\\\.(html|svg)\$' }],
  },
  transformIgnorePatterns: ['node_modules/(?!.*\\\\.mjs\$)'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
};
JSON
cat > "$dir/src/test-setup.ts" <<'TS'
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv();
TS
else
cat > "$dir/tsconfig.json" <<JSON
{
  "extends": "${up}tsconfig.base.json",
  "compilerOptions": { "module": "commonjs", "strictPropertyInitialization": false },
  "files": [],
  "references": [{ "path": "./tsconfig.lib.json" }, { "path": "./tsconfig.spec.json" }]
}
JSON
cat > "$dir/tsconfig.lib.json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "types": ["node"] },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts", "jest.config.ts"]
}
JSON
cat > "$dir/tsconfig.spec.json" <<JSON
{
  "extends": "./tsconfig.json",
  "compilerOptions": { "outDir": "${up}dist/out-tsc", "types": ["jest", "node"] },
  "include": ["jest.config.ts", "src/**/*.spec.ts", "src/**/*.d.ts"]
}
JSON
cat > "$dir/jest.config.ts" <<JSON
export default {
  displayName: '$name',
  preset: '${up}jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\\\.[tj]s\$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: '${up}coverage/$dir',
};
JSON
fi
if [ "$envk" = angular ]; then base=eslint.angular.mjs; else base=eslint.config.mjs; fi
cat > "$dir/eslint.config.mjs" <<JSON
import baseConfig from '${up}$base';

export default [...baseConfig];
JSON
[ -f "$dir/src/index.ts" ] || echo "export {};" > "$dir/src/index.ts"
