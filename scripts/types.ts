// Regenerates the TypeScript types in generated/ from the JSON Schemas in schema/.
import {writeFile} from 'node:fs/promises'
import {schemaTypes, typeTargets} from './schema-types.js'

for (const target of typeTargets) {
  await writeFile(target.output, await schemaTypes(target))
  console.log('wrote ' + target.output)
}
