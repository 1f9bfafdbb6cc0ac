// Validation of spreadsheet rows against a template spec.
export { createValidator, type ValidationResult, type ValidationStats, type Validator, type ValidatorOptions } from './validator.js';
export { columnValueSchema, recordValuesSchema, identifierPattern, type SchemaOptions } from './schema.js';
export { isEmail, normaliseEmail, parseNumberText, choiceKey } from './convert.js';
