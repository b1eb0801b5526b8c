/**
 * Lets `node` run the structure bench's TypeScript directly (no Strapi compile): each .ts file
 * is compiled in memory by @swc/core, the compiler the unit tests already use.
 * Usage: node -r ./bench/structure/register.js bench/structure/run.ts
 */
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
