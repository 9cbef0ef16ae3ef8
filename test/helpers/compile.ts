import {compile} from '../../src/index.js'
import type {Catalog} from '../../src/index.js'

/** Compile one inline page (a URL page unless its title names ExpressRoute). */
export function compileText(text: string, path = 'page.md'): Catalog {
  return compile([{path, value: text}]).catalog
}

/** A URL page with one table of the given header and rows. */
export function urlPage(header: string, rows: string[], delimiter = '| --- | --- | --- |'): string {
  return ['---', 'title: Power BI URLs', 'ms.date: 01/02/2020', '---', '', '## Section', '', header, delimiter, ...rows, ''].join('\n')
}

export function rules(catalog: Catalog): string[] {
  return catalog.diagnostics.map((d) => d.ruleId)
}
