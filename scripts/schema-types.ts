// Shared by `npm run types` and the drift test: one way to turn a schema into types.
import {readFile} from 'node:fs/promises'
import {compile} from 'json-schema-to-typescript'

export interface TypeTarget {
  schema: string
  output: string
  name: string
}

export const typeTargets: TypeTarget[] = [
  {schema: 'schema/catalog.schema.json', output: 'generated/catalog.ts', name: 'Catalog'},
  {schema: 'schema/diff.schema.json', output: 'generated/diff.ts', name: 'Diff'},
  {schema: 'schema/config.schema.json', output: 'generated/config.ts', name: 'Config'}
]

/** Render the types of one schema; takes paths relative to the repository root. */
export async function schemaTypes(target: TypeTarget): Promise<string> {
  const schema = JSON.parse(await readFile(target.schema, 'utf8'))
  return compile(schema, target.name, {
    bannerComment:
      '/* Generated from ' + target.schema + ' by `npm run types`. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    style: {semi: false, singleQuote: true}
  })
}
