// The change rule registry, and one small pair of pages per rule that produces it.
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {readFileSync} from 'node:fs'
import {changeRules, diff, type ChangeRuleId} from '../src/diff/index.js'
import {changeEffects, m365Impacts, shapeDefinitions} from '../src/diff/rules.js'
import {diffSchemaPath, diffSchemaWithRules} from '../scripts/schema-types.js'
import {formatDiffMarkdown} from '../src/format/diff-markdown.js'
import diffSchema from '../schema/diff.schema.json' with {type: 'json'}
import {compile} from '../src/index.js'
import {catalogOf, diffPages, expressRoutePage, page, summary} from './diff-helpers.js'

const registry = suite('change rule registry')

registry('every rule id is kebab-case and has a level, a message template and a description', () => {
  for (const [id, rule] of Object.entries(changeRules)) {
    assert.match(id, /^[a-z]+(-[a-z]+)*$/, id)
    assert.ok(['error', 'warning', 'info'].includes(rule.level), id)
    assert.ok(rule.message.length > 0, `${id} has a message`)
    assert.ok(rule.description.length > 20, `${id} has a description`)
    for (const [, name] of rule.message.matchAll(/\{(\w+)\}/g)) {
      assert.ok(
        [
          'destination',
          'previous',
          'coveredBy',
          'replaces',
          'substitutes',
          'ports',
          'requirement',
          'before',
          'after',
          'section',
          'purpose',
          'where',
          'page',
          'kind',
          'count',
          'listing',
          'empty'
        ].includes(name!),
        `${id}: unknown placeholder {${name}}`
      )
    }
  }
})

registry('every rule is a whole record: shape, effect, detection, text and markdown wording, m365 impact', () => {
  const parts = ['level', 'shape', 'effect', 'm365', 'detect', 'message', 'markdown', 'description']
  for (const [id, rule] of Object.entries(changeRules)) {
    for (const part of parts) assert.ok((rule as unknown as Record<string, unknown>)[part] !== undefined, `${id} lacks its ${part}`)
    assert.ok(Object.hasOwn(shapeDefinitions, rule.shape), `${id}: unknown shape ${rule.shape}`)
    assert.ok((changeEffects as readonly string[]).includes(rule.effect), `${id}: unknown effect ${rule.effect}`)
    assert.ok((m365Impacts as readonly string[]).includes(rule.m365), `${id}: unknown m365 impact ${rule.m365}`)
    assert.ok(rule.detect.per === 'cloud' || rule.detect.per === 'diff', `${id}: detection per cloud or per diff`)
    assert.type(rule.detect.find, 'function', `${id} has a detection`)
    assert.type(rule.markdown, 'function', `${id} has a markdown wording`)
    if ('requiredLevel' in rule) assert.ok(['error', 'warning', 'info'].includes(rule.requiredLevel), id)
  }
  // The test fails on a record without a part: one with its markdown wording taken away.
  const {markdown, ...lacking} = changeRules['ports-added']
  assert.type(markdown, 'function')
  assert.not.ok(parts.every((part) => (lacking as unknown as Record<string, unknown>)[part] !== undefined))
})

registry('the schema\'s rule enums are generated from the registry (run `npm run types`)', async () => {
  assert.fixture(readFileSync(diffSchemaPath, 'utf8'), await diffSchemaWithRules(), 'run `npm run types`')
})

registry('the registry lists the rules of issue 3, with their levels', () => {
  const levels = Object.fromEntries(Object.entries(changeRules).map(([id, rule]) => [id, rule.level]))
  assert.equal(
    {
      'required-destination-added': levels['required-destination-added'],
      'optional-destination-added': levels['optional-destination-added'],
      'destination-removed': levels['destination-removed'],
      'destination-covered-by-wildcard': levels['destination-covered-by-wildcard'],
      'destination-now-required': levels['destination-now-required'],
      'destination-now-optional': levels['destination-now-optional'],
      'ports-removed': levels['ports-removed'],
      'expressroute-routing-changed': levels['expressroute-routing-changed'],
      'reference-added': levels['reference-added'],
      'reference-removed': levels['reference-removed'],
      'reference-changed': levels['reference-changed'],
      'section-renamed': levels['section-renamed'],
      'purpose-changed': levels['purpose-changed'],
      'endpoint-set-moved': levels['endpoint-set-moved']
    },
    {
      'required-destination-added': 'error',
      'optional-destination-added': 'warning',
      'destination-removed': 'info',
      'destination-covered-by-wildcard': 'info',
      'destination-now-required': 'error',
      'destination-now-optional': 'info',
      'ports-removed': 'info',
      'expressroute-routing-changed': 'warning',
      'reference-added': 'warning',
      'reference-removed': 'info',
      'reference-changed': 'warning',
      'section-renamed': 'info',
      'purpose-changed': 'info',
      'endpoint-set-moved': 'info'
    }
  )
  assert.is(changeRules['ports-added'].level, 'warning')
  assert.is(changeRules['ports-added'].requiredLevel, 'error')
})

registry('the schema names exactly the rules of the registry', () => {
  const defs = diffSchema.$defs
  const inSchema = [
    ...defs.destinationChange.properties.rule.enum,
    ...defs.endpointSetChange.properties.rule.enum,
    ...defs.sectionChange.properties.rule.enum,
    ...defs.expressRouteChange.properties.rule.enum,
    ...defs.pageChange.properties.rule.enum
  ].sort()
  assert.equal(inSchema, Object.keys(changeRules).sort())
})

registry.run()

// Cases per rule: the old page, the new page, and every change expected.
const one = (purpose: string, destination: string, port = 'TCP 443'): string => `${purpose} | ${destination} | ${port}`

interface Case {
  before: string
  after: string
  /** Every change of the diff, as `rule subject`: one of them of the case's rule, and no noise. */
  changes: string[]
  /** The level of the change of the case's rule. */
  level?: 'error' | 'warning' | 'info'
}

const cases: Record<ChangeRuleId, Case[]> = {
  'required-destination-added': [
    {
      before: page({Portal: [one('**Required:** Portal', 'app.powerbi.com')]}),
      after: page({Portal: [one('**Required:** Portal', 'app.powerbi.com'), one('**Required:** Backend APIs', 'api.powerbi.com')]}),
      changes: ['required-destination-added api.powerbi.com'],
      level: 'error'
    },
    {
      // The wildcard covers the host, but only on TCP 443: the new port still needs a rule.
      before: page({Portal: [one('**Required:** Portal', '*.powerbi.com')]}),
      after: page({Portal: [one('**Required:** Portal', '*.powerbi.com'), one('**Required:** SQL', 'sql.powerbi.com', 'TCP 1433')]}),
      changes: ['required-destination-added sql.powerbi.com']
    },
    {
      // The wildcard that covered it is gone: the host substitutes it, and is an addition.
      before: page({Visuals: [one('**Required:** Visuals', '*.azureedge.net')]}),
      after: page({Visuals: [one('**Required:** Visuals', 'visuals.azureedge.net')]}),
      changes: ['required-destination-added visuals.azureedge.net', 'destination-removed *.azureedge.net']
    },
    {
      // The wildcard stays, but without the port the host needs.
      before: page({Visuals: [one('**Required:** Visuals', '*.azureedge.net', 'TCP 80, 443')]}),
      after: page({Visuals: [one('**Required:** Visuals', '*.azureedge.net'), one('**Required:** Store', 'visuals.azureedge.net', 'TCP 80')]}),
      changes: ['required-destination-added visuals.azureedge.net', 'ports-removed *.azureedge.net']
    },
    {
      // An optional wildcard may not be allowed: a required host under it is still news.
      before: page({Maps: [one('**Optional:** Maps', '*.bing.com')]}),
      after: page({Maps: [one('**Optional:** Maps', '*.bing.com'), one('**Required:** Search', 'api.bing.com')]}),
      changes: ['required-destination-added api.bing.com']
    }
  ],
  'optional-destination-added': [
    {
      before: page({Sites: [one('**Optional:** Community', 'community.powerbi.com')]}),
      after: page({Sites: [one('**Optional:** Community', 'community.powerbi.com, oxcrx34285.i.lithium.com')]}),
      changes: ['optional-destination-added oxcrx34285.i.lithium.com'],
      level: 'warning'
    }
  ],
  'destination-already-covered': [
    {
      // The wildcard stays: an administrator who allowed it has nothing to do.
      before: page({Visuals: [one('**Required:** Visuals', '*.azureedge.net')]}),
      after: page({Visuals: [one('**Required:** Visuals', '*.azureedge.net'), one('**Required:** Store', 'visuals.azureedge.net')]}),
      changes: ['destination-already-covered visuals.azureedge.net'],
      level: 'info'
    }
  ],
  'destination-removed': [
    {
      before: page({Messages: [one('**Optional:** Informational messages', 'dynmsg.modpim.com')]}),
      after: page({Messages: [one('**Optional:** Informational messages', 'arc.msn.com')]}),
      changes: [
        'optional-destination-added arc.msn.com',
        'destination-removed dynmsg.modpim.com'
      ],
      level: 'info'
    }
  ],
  'destination-covered-by-wildcard': [
    {
      before: page({Portal: [one('**Required:** Portal', 'app.powerbi.com')]}),
      after: page({Portal: [one('**Required:** Portal', '*.powerbi.com')]}),
      changes: [
        'required-destination-added *.powerbi.com',
        'destination-covered-by-wildcard app.powerbi.com'
      ],
      level: 'info'
    }
  ],
  'destination-now-required': [
    {
      before: page({CDN: [one('**Optional:** Content Delivery Network (CDN)', 'content.powerapps.com')]}),
      after: page({CDN: [one('**Required:** Content Delivery Network (CDN)', 'content.powerapps.com')]}),
      changes: ['destination-now-required content.powerapps.com'],
      level: 'error'
    },
    {
      // The highest requirement of the rows listing it: a new required row raises it.
      before: page({Sites: [one('**Optional:** Docs', 'docs.microsoft.com')]}),
      after: page({Sites: [one('**Optional:** Docs', 'docs.microsoft.com'), one('**Required:** Help', 'docs.microsoft.com')]}),
      changes: [
        'destination-now-required docs.microsoft.com',
        'endpoint-set-added Sites / Help'
      ]
    }
  ],
  'destination-now-optional': [
    {
      before: page({Sites: [one('**Optional:** Docs', 'docs.microsoft.com'), one('**Required:** Help', 'docs.microsoft.com')]}),
      after: page({Sites: [one('**Optional:** Docs', 'docs.microsoft.com')]}),
      changes: [
        'destination-now-optional docs.microsoft.com',
        'endpoint-set-removed Sites / Help'
      ],
      level: 'info'
    }
  ],
  'destination-requirement-changed': [
    {
      before: page({Sites: [one('**Optional:** Docs', 'docs.microsoft.com')]}),
      after: page({Sites: [one('Docs', 'docs.microsoft.com')]}),
      changes: ['destination-requirement-changed docs.microsoft.com'],
      level: 'info'
    }
  ],
  'ports-added': [
    {
      before: page({Portal: [one('**Required:** Portal', 'app.powerbi.com')]}),
      after: page({Portal: [one('**Required:** Portal', 'app.powerbi.com', 'TCP 80, 443')]}),
      changes: ['ports-added app.powerbi.com'],
      level: 'error'
    },
    {
      before: page({Sites: [one('**Optional:** Community', 'community.powerbi.com')]}),
      after: page({Sites: [one('**Optional:** Community', 'community.powerbi.com', 'TCP 80, 443')]}),
      changes: ['ports-added community.powerbi.com'],
      level: 'warning'
    }
  ],
  'ports-removed': [
    {
      before: page({Portal: [one('**Required:** Portal', 'app.powerbi.com', 'TCP 80, 443')]}),
      after: page({Portal: [one('**Required:** Portal', 'app.powerbi.com')]}),
      changes: ['ports-removed app.powerbi.com'],
      level: 'info'
    }
  ],
  'expressroute-routing-changed': [],
  'expressroute-exception-added': [],
  'expressroute-exception-removed': [],
  'page-added': [],
  'page-removed': [],
  'reference-added': [
    {
      before: page({Auth: [one('**Required:** Identity', 'app.powerbi.com')]}),
      after: page({Auth: [one('**Required:** Identity', 'app.powerbi.com'), one('**Required:** Office', 'See [Office URLs](/office365/enterprise/urls#common)', 'N/A')]}),
      changes: ['reference-added https://learn.microsoft.com/office365/enterprise/urls#common'],
      level: 'warning'
    }
  ],
  'reference-removed': [
    {
      before: page({Auth: [one('**Required:** Identity', 'app.powerbi.com'), one('**Required:** Office', 'See [Office URLs](/office365/enterprise/urls#common)', 'N/A')]}),
      after: page({Auth: [one('**Required:** Identity', 'app.powerbi.com')]}),
      changes: ['reference-removed https://learn.microsoft.com/office365/enterprise/urls#common'],
      level: 'info'
    }
  ],
  'reference-changed': [
    {
      // Same link text, another target.
      before: page({Data: [one('**Optional:** PubNub', 'See the [PubNub documentation](https://support.pubnub.com/support/solutions/articles/14000043522)', 'N/A')]}),
      after: page({Other: [one('**Optional:** Streaming', 'See the [PubNub documentation](https://support.pubnub.com/hc/en-us/categories/360004336832-PubNub-101)', 'N/A')]}),
      changes: ['reference-changed https://support.pubnub.com/hc/en-us/categories/360004336832-PubNub-101'],
      level: 'warning'
    },
    {
      // Another text and sentence, but the same row.
      before: page({Auth: [one('**Required:** Identity', 'Go [here](https://support.office.com/article/x#bkmk_identity) for more details', 'N/A')]}),
      after: page({Auth: [one('**Required:** Identity', 'See the [Office URLs](/office365/enterprise/urls#common)', 'N/A')]}),
      changes: ['reference-changed https://learn.microsoft.com/office365/enterprise/urls#common']
    }
  ],
  'section-renamed': [
    {
      before: page({'Custom visuals': [one('**Required:** Import a visual', 'store.office.com'), one('**Optional:** Bing Maps', 'bing.com')]}),
      after: page({'Power BI visuals': [one('**Required:** Import a visual', 'store.office.com'), one('**Optional:** Bing Maps', 'bing.com')]}),
      changes: ['section-renamed Custom visuals -> Power BI visuals'],
      level: 'info'
    }
  ],
  'purpose-changed': [
    {
      before: page({'General site usage': [one('**Required:** Office 365 integration', 'See [Office URLs](/office365/enterprise/urls#common)', 'N/A')]}),
      after: page({'General site usage': [one('**Required:** Microsoft 365 integration', 'See [Office URLs](/office365/enterprise/urls#common)', 'N/A')]}),
      changes: ['purpose-changed General site usage / Microsoft 365 integration'],
      level: 'info'
    },
    {
      // Every destination changed: matched by a similar purpose in the same section.
      before: page({Administration: [one('**Required:** Viewing Audit Logs (O365 portal)', 'audit.example.com')]}),
      after: page({Administration: [one('**Required:** For managing users and viewing audit logs', 'admin.example.com')]}),
      changes: [
        'required-destination-added admin.example.com',
        'destination-removed audit.example.com',
        'purpose-changed Administration / For managing users and viewing audit logs'
      ]
    }
  ],
  'endpoint-set-moved': [
    {
      before: page({
        'General site usage': [one('**Required:** Portal', 'app.powerbi.com'), one('**Required:** Content Delivery Network (CDN)', 'content.powerapps.com')],
        'Power BI visuals': [one('**Required:** Import a visual', 'store.office.com')]
      }),
      after: page({
        'General site usage': [one('**Required:** Portal', 'app.powerbi.com')],
        'Power BI visuals': [one('**Required:** Import a visual', 'store.office.com'), one('**Required:** Content Delivery Network (CDN)', 'content.powerapps.com')]
      }),
      changes: ['endpoint-set-moved Power BI visuals / Content Delivery Network (CDN)'],
      level: 'info'
    }
  ],
  'endpoint-set-added': [
    {
      before: page({Sites: [one('**Optional:** Documentation site', 'docs.microsoft.com')]}),
      after: page({Sites: [one('**Optional:** Documentation site', 'docs.microsoft.com'), one('**Optional:** Learn more links', 'docs.microsoft.com')]}),
      changes: ['endpoint-set-added Sites / Learn more links'],
      level: 'info'
    }
  ],
  'endpoint-set-removed': [
    {
      before: page({Sites: [one('**Optional:** Documentation site', 'docs.microsoft.com'), one('**Optional:** Learn more links', 'docs.microsoft.com')]}),
      after: page({Sites: [one('**Optional:** Documentation site', 'docs.microsoft.com')]}),
      changes: ['endpoint-set-removed Sites / Learn more links'],
      level: 'info'
    }
  ]
}

const rules = suite('change rules')

for (const [rule, list] of Object.entries(cases)) {
  list.forEach((item, index) => {
    rules(`${rule} (${index + 1})`, () => {
      const document = diffPages(item.before, item.after)
      assert.equal(summary(document), item.changes)
      const found = document.changes.filter((change) => change.rule === rule)
      assert.is(found.length, 1)
      if (item.level) assert.is(found[0]!.level, item.level)
    })
  })
}

rules('expressroute-routing-changed, expressroute-exception-added and -removed: an exception replaced on the ExpressRoute page', () => {
  const urls = page({Portal: [one('**Required:** Portal', 'app.powerbi.com, login.powerbi.com')]})
  const before = catalogOf(urls, expressRoutePage(['login.powerbi.com']))
  const after = catalogOf(urls, expressRoutePage(['*.powerbi.com']))
  const document = diff(before, after)
  assert.equal(summary(document), [
    'expressroute-routing-changed app.powerbi.com',
    'expressroute-exception-added *.powerbi.com',
    'expressroute-exception-removed login.powerbi.com'
  ])
  const change = document.changes[0]!
  assert.is(change.level, 'warning')
  assert.ok('destination' in change)
  assert.is(change.before?.route, 'expressroute')
  assert.is(change.after?.route, 'internet')
  assert.is(change.message, 'Destination `app.powerbi.com` now routed over the public Internet, was ExpressRoute (Portal / Portal)')

  const [added, removed] = document.changes.slice(1)
  assert.ok(added?.rule === 'expressroute-exception-added' && removed?.rule === 'expressroute-exception-removed')
  assert.is(added.level, 'warning')
  assert.is(removed.level, 'info')
  assert.is(added.message, 'ExpressRoute exception `*.powerbi.com` added (Power BI SaaS Application and ExpressRoute / Login): its traffic goes over the public Internet')
  assert.equal(added.exceptionDestination, {kind: 'wildcard', value: '*.powerbi.com'})
  assert.is(added.before, null)
  assert.equal(added.after?.map((exception) => [exception.scope, exception.activity, exception.source]), [['saas', 'Login', 'expressroute.md:11']])
  assert.equal(removed.after, null)
  assert.is(removed.before?.length, 1)
})

rules('expressroute-exception-added: a new exception for a destination the URL page does not list is still a change', () => {
  const urls = page({Portal: [one('**Required:** Portal', 'app.powerbi.com')]})
  const document = diff(catalogOf(urls, expressRoutePage(['app.powerbi.com'])), catalogOf(urls, expressRoutePage(['app.powerbi.com', 'cdn.example.com'])))
  assert.equal(summary(document), ['expressroute-exception-added cdn.example.com'])
})

rules('page-added and page-removed: a page on one side only, with what it lists', () => {
  const urls = page({Portal: [one('**Required:** Portal', 'app.powerbi.com')]})
  const withPage = catalogOf(urls, expressRoutePage(['app.powerbi.com', 'login.powerbi.com']))
  const removed = diff(withPage, catalogOf(urls))
  // No routing change: the new side says nothing of ExpressRoute.
  assert.equal(summary(removed), [
    'page-removed expressroute.md',
    'expressroute-exception-removed app.powerbi.com',
    'expressroute-exception-removed login.powerbi.com'
  ])
  assert.is(removed.changes[0]!.level, 'warning')
  assert.is(removed.changes[0]!.message, 'ExpressRoute page `expressroute.md` is on the old side only: what it listed (1 exception) is reported as removed')

  const added = diff(catalogOf(urls), withPage)
  assert.equal(summary(added), [
    'expressroute-exception-added app.powerbi.com',
    'expressroute-exception-added login.powerbi.com',
    'page-added expressroute.md'
  ])
  const page_ = added.changes.find((change) => change.rule === 'page-added')!
  assert.is(page_.level, 'info')
  assert.ok(page_.rule === 'page-added' && page_.after?.page === 'expressroute' && page_.before === null)
})

rules('page-added and page-removed: pages pair by kind, whatever their paths', () => {
  const before = compile([{path: 'a/2020-01-29.md', value: page({Portal: [one('**Required:** Portal', 'app.powerbi.com')]})}]).catalog
  const after = compile([{path: 'b/2021-09-01.md', value: page({Portal: [one('**Required:** Portal', 'app.powerbi.com')]})}]).catalog
  assert.equal(diff(before, after).changes, [])
})

rules('every rule has a test that produces it', () => {
  const tested = Object.entries(cases)
    .filter(([, list]) => list.length > 0)
    .map(([rule]) => rule)
  const separately = ['expressroute-routing-changed', 'expressroute-exception-added', 'expressroute-exception-removed', 'page-added', 'page-removed']
  assert.equal([...tested, ...separately].sort(), Object.keys(changeRules).sort())
})

const wording = suite('change wording')

wording('a row without a purpose is named by its section, not `Section / `', () => {
  const base = ['Portal | app.powerbi.com | TCP 443']
  const document = diffPages(page({'KQL Database': base}), page({'KQL Database': [' | kusto.example.com | TCP 443', ...base]}))
  assert.equal(
    document.changes.map((change) => change.message),
    ['Destination `kusto.example.com` added as unknown (KQL Database)']
  )
  const markdown = formatDiffMarkdown(document)
  assert.ok(markdown.includes('| added as unknown | KQL Database | `tcp/443` |'), markdown)
  assert.not.ok(markdown.includes('KQL Database / '), markdown)
})

wording('a row removed or added that listed no destination says so, not that its destinations are still listed', () => {
  const base = ['Portal | app.powerbi.com | TCP 443']
  const removed = diffPages(page({Sites: [...base, 'Help | | TCP 443']}), page({Sites: base}))
  assert.equal(removed.changes.map((change) => change.message), ['Endpoint set `Help` removed from `Sites`; it listed no destination'])
  const added = diffPages(page({Sites: base}), page({Sites: [...base, 'Help | | TCP 443']}))
  assert.equal(added.changes.map((change) => change.message), ['Endpoint set `Help` added to `Sites`; it lists no destination'])
  // A row whose destinations are listed elsewhere keeps its wording.
  const listed = diffPages(page({Sites: [...base, 'Help | app.powerbi.com | TCP 443']}), page({Sites: base}))
  assert.equal(listed.changes.map((change) => change.message), ['Endpoint set `Help` removed from `Sites`; its destinations are still listed'])
})

wording('no port change is reported on a template, which is on no allow-list', () => {
  const base = ['Portal | app.powerbi.com | TCP 443']
  const template = (ports: string): string => page({OneLake: [...base, `Regional | \`*<region>-onelake.dfs.fabric.microsoft.com\` | ${ports}`]})
  assert.equal(summary(diffPages(template('TCP 443'), template('TCP 443, TCP 1443'))), [])
  assert.equal(summary(diffPages(template('TCP 443, TCP 1443'), template('TCP 443'))), [])
  // A host's port change is still reported.
  const host = (ports: string): string => page({OneLake: [...base, `Regional | onelake.dfs.fabric.microsoft.com | ${ports}`]})
  assert.equal(summary(diffPages(host('TCP 443'), host('TCP 443, TCP 1443'))), ['ports-added onelake.dfs.fabric.microsoft.com'])
})

rules.run()
wording.run()
