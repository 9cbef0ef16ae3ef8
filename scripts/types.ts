// Regenerates the rule enums of schema/diff.schema.json from the change rule registry, then
// generated/ from the JSON Schemas in schema/: the TypeScript types, and the validators compiled
// ahead of time.
import {writeFile} from 'node:fs/promises'
import {diffSchemaPath, diffSchemaWithRules, schemaTypes, schemaValidators, typeTargets, validatorsOutput} from './schema-types.js'

await writeFile(diffSchemaPath, await diffSchemaWithRules())
console.log('wrote ' + diffSchemaPath)

for (const target of typeTargets) {
  await writeFile(target.output, await schemaTypes(target))
  console.log('wrote ' + target.output)
}
await writeFile(validatorsOutput, await schemaValidators())
console.log('wrote ' + validatorsOutput)
