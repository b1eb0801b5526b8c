'use strict';

// The app's TypeScript build compiles this plugin's server code into dist/: no separate build step.
module.exports = require('../../../dist/src/plugins/read-also/server/src').default;
