// Validates an OpenAPI document against the OpenAPI Initiative's JSON schema for its version, independently of
// the product's code (@seriousme/openapi-schema-validator), and checks that every $ref resolves.
// Usage: node tests/oracles/validate-openapi.mjs FILE  (prints {"valid":true} or {"valid":false,"errors":[...]})
import { Validator } from '@seriousme/openapi-schema-validator';

const file = process.argv[2];
if (!file) {
  console.error('usage: node tests/oracles/validate-openapi.mjs FILE');
  process.exit(2);
}

const validator = new Validator();
const result = await validator.validate(file);
const output = { valid: result.valid, version: validator.version, errors: result.errors ?? [] };
if (result.valid) {
  try {
    validator.resolveRefs();
  } catch (error) {
    output.valid = false;
    output.errors = [String(error)];
  }
}

console.log(JSON.stringify(output));
