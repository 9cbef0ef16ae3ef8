// Shared by `npm run types` and the drift test: one way to turn a schema into types.
import {readFile} from 'node:fs/promises'
import {dirname} from 'node:path'
import {compile} from 'json-schema-to-typescript'

export interface TypeTarget {
  schema: string
  output: string
  name: string
}

export const typeTargets: TypeTarget[] = [
  {schema: 'schema/catalog.schema.json', output: 'generated/catalog.ts', name: 'Catalog'},
  {schema: 'schema/diff.schema.json', output: 'generated/diff.ts', name: 'Diff'},
  {schema: 'schema/config.schema.json', output: 'generated/config.ts', name: 'Config'},
  {schema: 'schema/changes.schema.json', output: 'generated/changes.ts', name: 'ChangeFeed'},
  {schema: 'schema/m365-endpoints.schema.json', output: 'generated/m365-endpoints.ts', name: 'M365Endpoints'},
  {schema: 'schema/m365-changes.schema.json', output: 'generated/m365-changes.ts', name: 'M365Changes'},
  {schema: 'schema/m365-ids.schema.json', output: 'generated/m365-ids.ts', name: 'M365Ids'}
]

/** Render the types of one schema; takes paths relative to the repository root. */
export async function schemaTypes(target: TypeTarget): Promise<string> {
  const schema = (await importSiblingTypes(JSON.parse(await readFile(target.schema, 'utf8')), dirname(target.schema))) as Parameters<typeof compile>[0]
  return compile(schema, target.name, {
    bannerComment:
      '/* Generated from ' + target.schema + ' by `npm run types`. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    // A schema's `$ref` to a sibling (`diff.schema.json#/$defs/change`) is read from schema/.
    cwd: dirname(target.schema),
    style: {semi: false, singleQuote: true}
  })
}

/**
 * A `$ref` into a sibling schema (`diff.schema.json#/$defs/change`) becomes an import of the type
 * generated from it (`import('./diff.js').Change`) rather than a second copy of that type.
 */
async function importSiblingTypes(schema: unknown, directory: string): Promise<unknown> {
  if (Array.isArray(schema)) return Promise.all(schema.map((item) => importSiblingTypes(item, directory)))
  if (typeof schema !== 'object' || schema === null) return schema
  const node = Object.fromEntries(
    await Promise.all(Object.entries(schema).map(async ([key, value]) => [key, await importSiblingTypes(value, directory)] as const))
  ) as Record<string, unknown>
  const ref = typeof node['$ref'] === 'string' ? /^([\w-]+)\.schema\.json#\/\$defs\/([\w-]+)$/.exec(node['$ref']) : null
  if (ref) {
    const sibling = JSON.parse(await readFile(`${directory}/${ref[1]}.schema.json`, 'utf8')) as {$defs: Record<string, {title?: string}>}
    const title = sibling.$defs[ref[2]!]?.title
    if (!title) throw new Error(`${node['$ref']}: the definition needs a title to be imported as a type`)
    node['tsType'] = `import('./${ref[1]}.js').${title}`
  }
  return node
}

/** The schemas whose validators are compiled ahead of time, by the name validate.ts uses. */
export const validatorSchemas = {
  catalog: 'schema/catalog.schema.json',
  config: 'schema/config.schema.json',
  diff: 'schema/diff.schema.json',
  changes: 'schema/changes.schema.json',
  m365Endpoints: 'schema/m365-endpoints.schema.json',
  m365Changes: 'schema/m365-changes.schema.json',
  m365Ids: 'schema/m365-ids.schema.json'
} as const

export const validatorsOutput = 'generated/validators.ts'

/**
 * Ajv validators compiled ahead of time into one module, so no schema is compiled when the tool
 * starts (Ajv's standalone code, with its one runtime helper imported rather than required).
 */
export async function schemaValidators(): Promise<string> {
  const {Ajv2020} = await import('ajv/dist/2020.js')
  const standalone = (await import('ajv/dist/standalone/index.js')).default as unknown as (ajv: unknown, refs: Record<string, string>) => string
  const ajv = new Ajv2020({allErrors: true, strict: true, code: {source: true, esm: true}})
  for (const [name, path] of Object.entries(validatorSchemas)) ajv.addSchema(JSON.parse(await readFile(path, 'utf8')), name)
  const code = (typeof standalone === 'function' ? standalone : (standalone as {default: typeof standalone}).default)(
    ajv,
    Object.fromEntries(Object.keys(validatorSchemas).map((name) => [name, name]))
  )
  const helper = 'require("ajv/dist/runtime/ucs2length").default'
  if (code.includes('require(') && code.replaceAll(helper, '').includes('require(')) {
    throw new Error('standalone validators need a runtime helper this script does not import')
  }
  return [
    '// @ts-nocheck',
    '/* Generated from schema/*.schema.json by `npm run types`. Do not edit. */',
    "import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js'",
    "const ucs2length = typeof ucs2lengthModule === 'function' ? ucs2lengthModule : ucs2lengthModule.default",
    code.replace(/^"use strict";/, '').replaceAll(helper, 'ucs2length'),
    ''
  ].join('\n')
}

export const diffSchemaPath = 'schema/diff.schema.json'

/**
 * schema/diff.schema.json with the rule enum of each change record written from the change rule
 * registry (src/diff/rules.ts): the rules of each shape, in registry order. The rest of the text
 * is left as it is.
 */
export async function diffSchemaWithRules(): Promise<string> {
  const {changeRules, shapeDefinitions} = await import('../src/diff/rules.js')
  let text = await readFile(diffSchemaPath, 'utf8')
  for (const [shape, definition] of Object.entries(shapeDefinitions)) {
    const ids = Object.entries(changeRules)
      .filter(([, rule]) => rule.shape === shape)
      .map(([id]) => id)
    const start = text.indexOf(`"${definition}": {`)
    if (start < 0) throw new Error(`${diffSchemaPath}: no definition ${definition}`)
    const at = text.indexOf('"rule": {', start)
    const end = text.indexOf('}', at) + 1
    const indent = text.slice(text.lastIndexOf('\n', at) + 1, at)
    const oneLine = `"rule": {"type": "string", "enum": [${ids.map((id) => JSON.stringify(id)).join(', ')}]}`
    const written =
      indent.length + oneLine.length <= 120
        ? oneLine
        : `"rule": {\n${indent}  "type": "string",\n${indent}  "enum": [\n${ids.map((id) => `${indent}    ${JSON.stringify(id)}`).join(',\n')}\n${indent}  ]\n${indent}}`
    text = text.slice(0, at) + written + text.slice(end)
  }
  return text
}
