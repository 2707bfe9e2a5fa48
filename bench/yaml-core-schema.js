// Preloaded into ajv-cli (NODE_OPTIONS=--require) by bench/run.sh. js-yaml's
// default schema turns an unquoted 2025-01-01 into a JavaScript Date, which a
// JSON Schema "type": "string" then refuses; barnplan and YAML 1.2 read it as a
// string. The core schema does the same parsing work without timestamps, so
// ajv validates the plans as barnplan reads them.
const path = require("path");
const yaml = require(require.resolve("js-yaml", { paths: [path.join(__dirname, ".node", "node_modules", "ajv-cli")] }));
const safeLoad = yaml.safeLoad;
yaml.safeLoad = (text, options) => safeLoad(text, Object.assign({ schema: yaml.CORE_SCHEMA }, options));
