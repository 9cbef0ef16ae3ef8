/**
 * The vocabulary of endpoint pages, as plain data: what a column header, a requirement marker, a
 * cloud label, a protocol or a lead sentence says. The grammar code reads pages through these
 * tables only, so a new family of pages adds entries here rather than branches there. Each entry
 * names a page that showed it.
 */
import type {Cloud, Port, Requirement} from '../../generated/catalog.js'

/** Every cloud, in catalog order. */
export const clouds: readonly Cloud[] = ['public', 'usgov-gcc', 'usgov-gcchigh', 'usgov-dod', 'china']
export const usGovernment: readonly Cloud[] = ['usgov-gcc', 'usgov-gcchigh', 'usgov-dod']

export type Role =
  | 'row'
  | 'purpose'
  | 'destination'
  | 'port'
  | 'protocol'
  | 'requirement'
  /** Kept as an attribute, and read for a requirement marker (`Default<BR>Required`). */
  | 'category'
  /** Kept as an attribute; an empty cell repeats the one above (a merged cell as a reader sees it). */
  | 'group'
  | 'attribute'

export interface ColumnEntry {
  role: Exclude<Role, 'attribute'> | 'attribute'
  /** Tested against the header, lower-cased with white space collapsed. */
  header: RegExp
  /** What the header itself says of the cells under it. */
  protocol?: Port['protocol']
  seen: string
}

/**
 * Column roles by header. The first entry that matches names the role. A header naming a cloud
 * (`GCC High`, `China Cloud (Mooncake)`) is a destination column of that cloud: see `cloudLabels`.
 */
export const columnRoles: ColumnEntry[] = [
  {role: 'row', header: /^(row|#|no\.?|number|id)$/, seen: 'M365 other endpoints (Row), M365 endpoints (ID)'},
  {role: 'attribute', header: /\bservice tags?\b|\bstorage name\b|^type$|^client\(?s?\)?$|^asu$|^er$|^express ?route$|^notes?$/, seen: 'Azure Virtual Desktop (Service Tag, Client(s)), Intune (ASU, Storage name), M365 (Type, ER)'},
  {role: 'requirement', header: /\b(required|optional|requirement)\b/, seen: 'Power BI URLs 2018 (Required/Optional)'},
  {role: 'category', header: /^category$/, seen: 'M365 endpoints (Optimize / Allow / Default<BR>Required)'},
  {role: 'port', header: /\btcp ports?\b/, protocol: 'tcp', seen: 'Azure Virtual Desktop (Outbound TCP port)'},
  {role: 'port', header: /\budp ports?\b/, protocol: 'udp', seen: 'M365 endpoints (UDP ports)'},
  {role: 'port', header: /\bports?\b|\bport\(s\)/, seen: 'Power BI URLs (Port), data gateway (Outbound ports)'},
  {role: 'protocol', header: /^protocols?$|^protocol\(s\)$/, seen: 'Windows 11 endpoints, Intune Apple devices (Protocol)'},
  {role: 'group', header: /^area$/, seen: 'Windows 11 endpoints (Area)'},
  {
    role: 'destination',
    header:
      /destination|\baddress(es)?\b|\burls?\b|\burl\(s\)|endpoint|fqdns?|domains?|\bdns names?\b|\bhosts?(names?)?\b|\bcidr\b|\bip (addresses|address|ranges?)\b|\bip v?[46]\b|\boutbound ip\b|\bsubnets?\b|^cdn$/,
    seen: 'Power BI URLs (Destination), Intune (Domains, IP address, CDN, Hostname (IP address/subnet)), data gateway (Domain names)'
  },
  {role: 'purpose', header: /purpose|description|activity|justification|^used for$|^uses?$|^service$|^scenario$/, seen: 'Power BI URLs (Purpose), Power Platform (Justification, Service), Intune (Used for)'}
]

/** The role a header names, and what else it says; `attribute` when it names none. */
export interface ColumnMeaning {
  role: ColumnEntry['role']
  protocol?: Port['protocol']
  /** The clouds the header names. */
  clouds?: readonly Cloud[]
  /** True when the header is only a cloud name: its cells are that cloud's destinations. */
  cloudOnly?: boolean
}

export function columnEntry(header: string): ColumnMeaning {
  const text = header.toLowerCase().replace(/\s+/g, ' ').trim()
  const named = cloudsNamedBy(text)
  for (const entry of columnRoles) {
    if (entry.header.test(text)) {
      const result: ColumnMeaning = {role: entry.role}
      if (entry.protocol) result.protocol = entry.protocol
      // `Public Cloud Domain names`, `US Government version URL`: a destination column of a cloud.
      if (entry.role === 'destination' && named) result.clouds = named
      return result
    }
  }
  // `GCC High`, `China Cloud (Mooncake)`: the whole header is a cloud's name.
  if (named && cloudLabelOnly(text)) return {role: 'destination', clouds: named, cloudOnly: true}
  return {role: 'attribute'}
}

export interface CloudLabel {
  label: RegExp
  /** `scope`: the page's own clouds (`**All**:` on the US Government page). */
  clouds: readonly Cloud[] | 'scope'
  seen: string
}

/**
 * Cloud names as pages write them in labels (`**GCC High**: host`), parenthesised after a
 * destination (`(GCC)`, `(Azure China)`), in column headers and in page titles. Longer names first:
 * `GCC High` is not `GCC`.
 */
export const cloudLabels: CloudLabel[] = [
  {label: /\bgcc[ -]?high\b|\bgcch\b/, clouds: ['usgov-gcchigh'], seen: 'Power BI US Government (**GCC High**:)'},
  {label: /\bdod\b|\bdepartment of defense\b/, clouds: ['usgov-dod'], seen: 'Power BI US Government (**DoD**:)'},
  {label: /\bgcc\b|\bgovernment community cloud\b/, clouds: ['usgov-gcc'], seen: 'Power BI US Government (**GCC**:)'},
  {
    label: /\bu\.?s\.? ?gov(ernment)?\b|\bus government\b|\bgovernment cloud\b|\bcloud for us government\b|\bazure government\b/,
    clouds: usGovernment,
    seen: 'Power Apps US Government (US Government version URL), M365 other endpoints (Microsoft Cloud for US Government:)'
  },
  {label: /\bchina\b|\bmooncake\b|\b21 ?vianet\b/, clouds: ['china'], seen: 'data gateway (China Cloud (Mooncake)), M365 (21Vianet)'},
  {label: /\bpublic cloud\b|\bazure public\b|\bworldwide\b|\bcommercial\b|\bglobal cloud\b/, clouds: ['public'], seen: 'data gateway (Public Cloud Domain names), M365 other endpoints (Worldwide Commercial & GCC:)'},
  {label: /^all$|^all clouds$/, clouds: 'scope', seen: 'Power BI US Government (**All**:)'}
]

/** Words that may stand in a cloud label beside the cloud names (`GCC High, DoD IP addresses:`). */
const labelFiller = /\b(and|or|&|in|us|customers?|tenants?|ip|ips|addresses|address|urls?|endpoints?|fqdns?|domains?|names?|version|microsoft|office 365|m365|cloud|clouds|operated|by|azure|for|the|including|only|environments?)\b|[,&()/:+-]/g

/** The clouds a label names, or undefined when it names none (`scope` entries resolve to `scope`). */
export function cloudsNamedBy(text: string, scope: readonly Cloud[] = ['public']): readonly Cloud[] | undefined {
  let rest = text.toLowerCase()
  const found = new Set<Cloud>()
  cloudLabels.forEach((entry, index) => {
    if (!entry.label.test(rest)) return
    for (const cloud of entry.clouds === 'scope' ? scope : entry.clouds) found.add(cloud)
    rest = rest.replace(everyLabel[index]!, ' ')
  })
  return found.size === 0 ? undefined : clouds.filter((cloud) => found.has(cloud))
}

/** Each cloud label, matching every occurrence (built once: the reader asks of every cell). */
const everyLabel = cloudLabels.map((entry) => new RegExp(entry.label.source, 'g'))

/** Whether a text is only a cloud label (cloud names and filler words), not prose that names a cloud. */
export function cloudLabelOnly(text: string): boolean {
  // A label is a few words; a longer text is prose.
  if (text.length > 80) return false
  let rest = text.toLowerCase()
  for (const label of everyLabel) rest = rest.replace(label, ' ')
  return rest.replace(labelFiller, ' ').trim() === ''
}

export interface RequirementMarker {
  requirement: Requirement
  word: RegExp
  seen: string
}

/** Words that mark a row required or optional, in the languages the pages are published in. */
export const requirementMarkers: RequirementMarker[] = [
  {requirement: 'required', word: /^(required|mandatory|yes)$/, seen: 'Power BI URLs (**Required:**)'},
  {requirement: 'optional', word: /^(optional|no)$/, seen: 'Power BI URLs (**Optional:**)'},
  {requirement: 'required', word: /^(påkrævet|erforderlich|obligatoire|requis|obligatorio|requerido|obbligatorio|necessario|vereist|obrigatório|obrigatorio|wymagane|krävs|påkrevd|必需|必須)$/, seen: 'Danish Power BI URLs (**Påkrævet:**)'},
  {requirement: 'optional', word: /^(valgfrit|valgfri|optionnel|facultatif|opcional|facoltativo|optioneel|opcjonalne|valfritt|可选|省略可能|オプション)$/, seen: 'Danish Power BI URLs (**Valgfrit:**)'}
]

/** The requirement a single word or short phrase names (`Required`, `Valgfrit`), if any. */
export function requirementNamedBy(text: string): Requirement | undefined {
  const word = text.toLowerCase().replace(/[*:.()]/g, '').replace(/\s+/g, ' ').trim()
  return requirementMarkers.find((marker) => marker.word.test(word))?.requirement
}

/** A cell that says "nothing here": `N/A` and its translations (`I/T` in Danish), `dynamic` (Application Insights: no fixed address). */
export const notApplicable = /^(n\/?a|none|not applicable|-|—|–|i\/t|k\.? ?a\.?|n\/d|n\.v\.t\.?|nicht zutreffend|ikke relevant|dynamic)?$/i

export interface LeadSentence {
  requirement: Requirement
  sentence: RegExp
  seen: string
}

/**
 * Sentences before a table that state the requirement of its rows, for rows that state none
 * themselves. A paragraph that matches both kinds states neither.
 */
export const leadSentences: LeadSentence[] = [
  {requirement: 'required', sentence: /\b(are|is) required\b|\brequired (urls|endpoints|fqdns|domains|addresses|destinations)\b|\bmust (have access|be able to (reach|connect|access)|allow)\b/i, seen: 'data gateway ("These endpoints are required"), Azure Virtual Desktop ("must have access to the following URLs")'},
  {requirement: 'optional', sentence: /\boptional (urls|endpoints|fqdns|domains|addresses|destinations)\b|\b(are|is) (all )?optional\b/i, seen: 'Azure Virtual Desktop ("lists optional URLs"), M365 other endpoints ("these instances are all optional")'}
]

export interface ProtocolEntry {
  name: RegExp
  protocol: Port['protocol']
  /** The port the protocol implies where the page names no port (`HTTPS` → 443). */
  port?: number
  seen: string
}

/** Protocol names as ports cells and protocol columns write them (`http: 443`, `TLSv1.2/HTTPS`). */
export const protocols: ProtocolEntry[] = [
  {name: /^tcp$/, protocol: 'tcp', seen: 'Power BI URLs (TCP 443)'},
  {name: /^udp$/, protocol: 'udp', seen: 'M365 (UDP ports 50,000-59,999)'},
  {name: /^https$/, protocol: 'tcp', port: 443, seen: 'Windows 11 endpoints (HTTPS)'},
  {name: /^http$/, protocol: 'tcp', port: 80, seen: 'Windows 11 endpoints (HTTP), Fabric Eventstream (http: 443)'},
  {name: /^tls ?v?1(\.[0-3])?$|^tls$|^ssl$/, protocol: 'tcp', port: 443, seen: 'Windows 11 endpoints (TLSv1.2)'},
  {name: /^wss?$|^websockets?$/, protocol: 'tcp', port: 443, seen: 'Fabric notebooks (wss://)'},
  {name: /^amqps?$|^kafka$|^mqtt$|^sql$|^tds$|^ldaps?$|^smtp$|^rdp$/, protocol: 'tcp', seen: 'Fabric Eventstream (amqp: 5672/5673, kafka: 9093)'},
  {name: /^ntp$/, protocol: 'udp', port: 123, seen: 'Windows Autopilot (123 (UDP/NTP))'}
]

/**
 * Ports whose service every reader knows, written without a transport: read with the transports the
 * service uses, not as TCP.
 */
export const wellKnownPorts: Array<{port: number; protocols: Array<Port['protocol']>; seen: string}> = [
  {port: 53, protocols: ['tcp', 'udp'], seen: 'HDInsight ("If you are using the Azure-provided DNS service, allow access from 168.63.129.16 on port 53")'},
  {port: 123, protocols: ['udp'], seen: 'Windows Autopilot (NTP: "UDP port 123 to time.windows.com")'}
]

/** The protocol a word names, if any. */
export function protocolNamedBy(word: string): ProtocolEntry | undefined {
  const text = word.toLowerCase().replace(/[:*]/g, '').trim()
  return protocols.find((entry) => entry.name.test(text))
}

export interface Docset {
  service: RegExp
  /** Where the docs site publishes the pages of this `ms.service`. */
  path: string
  seen: string
}

/**
 * Where a page is published, by its `ms.service` (or `ms.prod`, `ms.component`), so that its relative links resolve as the docs
 * site resolves them. Pages of an unknown service resolve as Power BI pages, the catalog's own.
 */
export const docsets: Docset[] = [
  {service: /^powerbi$/, path: 'power-bi/', seen: 'Power BI URLs (ms.service: powerbi)'},
  {service: /^fabric$/, path: 'fabric/', seen: 'Fabric allow-list (ms.service: fabric)'},
  {service: /^power-platform$|^pa-admin$/, path: 'power-platform/admin/', seen: 'Power Apps US Government (ms.service: power-platform), Power Platform URLs (ms.component: pa-admin)'},
  {service: /^windows-client$/, path: 'windows/privacy/', seen: 'Windows 11 endpoints (ms.prod: windows-client)'},
  {service: /^microsoft-intune$/, path: 'mem/intune/fundamentals/', seen: 'Intune endpoints (ms.service: microsoft-intune)'},
  {service: /^microsoft-365-enterprise$/, path: 'microsoft-365/enterprise/', seen: 'M365 other endpoints (ms.service: microsoft-365-enterprise)'},
  {service: /^virtual-desktop$/, path: 'azure/virtual-desktop/', seen: 'Azure Virtual Desktop (ms.service: virtual-desktop)'}
]

/** The published folder on learn.microsoft.com (`power-bi/`) of a page of these services, if known. */
export function docsetPath(services: string[]): string | undefined {
  return docsets.find((docset) => services.some((service) => docset.service.test(service)))?.path
}

/**
 * Names pages write as examples, never as destinations: the fictitious companies of Microsoft's docs
 * (`contoso-corp.atp.azure.com`, `proxy.contoso.com:8080`). The names RFC 2606 reserves
 * (`example.com`) are not here: the test pages of this project use them as hosts.
 */
export const exampleNames = {
  companies: ['contoso', 'fabrikam', 'northwindtraders', 'adventure-works', 'adventureworks', 'woodgrove', 'litware', 'tailspintoys', 'wingtiptoys'],
  /** Names reserved for examples (RFC 2606, RFC 6761): these domains and everything under them, and these top-level domains. */
  reservedDomains: ['example.com', 'example.net', 'example.org'],
  reservedTlds: ['example', 'test', 'invalid', 'localhost'],
  seen: 'Defender for Identity proxy (contoso-corp.atp.azure.com), MIP SDK proxies (proxy.contoso.com); RFC 2606 names in the docs\' examples (https://www.example.com)'
}

export interface RequirementStatement extends LeadSentence {
  /** Words removed before testing, so that `not required` is no statement of `required`. */
  unless?: RegExp
  /** A hedge (`might want to`): it counts only where nothing else in the text states a requirement. */
  weak?: boolean
}

/**
 * Sentences and headings that state the requirement of the destinations after them, in their
 * section: an instruction or `must` reads as required; `optional`, `recommended`, `not required`
 * as optional. A text that states both states neither.
 */
export const requirementStatements: RequirementStatement[] = [
  {
    requirement: 'required',
    sentence:
      /\b(are|is|will be) (only |also |still )?required\b|\brequired (urls|endpoints|fqdns|domains|addresses|destinations|hosts|ports)\b|^required\b|\bmust\b|\bneeded\b|\bneeds\b|\brequires?\b|\bhave to\b|\bshould (add|allow|open|be (allowed|open|reachable))\b|\bneeds? (to )?(allow|open|access|reach|be (allowed|available|reachable|accessible)|access to)\b|\b(allow|open|unblock|permit|whitelist|allowlist|add) (the following|these|access to|outbound|connections|traffic)\b|\bhave access to the following\b|\bneeds? to be (allowed|available)\b|\bensure (that )?access\b/,
    unless: /\bnot (strictly )?(required|necessary|mandatory)\b|\bwhile not required\b|\bdoes(n't| not) require\b|\bif you (require|need)\b/,
    seen: 'data gateway ("These endpoints are required"), Azure Virtual Desktop ("must have access to the following URLs"), Edge ("Allow the following domain URLs"), Store for Business ("your configuration needs to allow these URLs"), WUfB deployment service ("Have access to the following endpoints"), MIP SDK ("it will be required that you … allow direct network connectivity"), M365 other endpoints ("These endpoints are only required to configure Exchange hybrid"), Power Apps US Government ("please ensure access to the following domains are made available")'
  },
  {
    requirement: 'optional',
    sentence: /\boptional (urls|endpoints|fqdns|domains|addresses|destinations)\b|\b(are|is) (all )?optional\b|^optional(ly)?\b|\bnot (strictly )?required\b|\brecommend(ed)?\b|\bconsider (allowing|adding|opening)\b/,
    seen: 'Azure Virtual Desktop ("lists optional URLs"), M365 other endpoints ("these instances are all optional"), Store for Business (### Optional), WUfB deployment service ("Recommended, but not required"), Edge (### Optionally for Download Delivery Optimization), Defender for Identity ("if you require more granular control, consider allowing traffic")'
  },
  {requirement: 'optional', sentence: /\b(might|may) want\b/, weak: true, seen: 'Visual Studio ("the domain URLs that you might want to add to an allowlist")'}
]

/**
 * Ports a sentence states, in a paragraph or a destination cell: `port 443`, `HTTPS Port 443`,
 * `on TCP ports 80 & 443`, `over port 80/443` (Intune), `Ports TCP 443 or TCP 49443`, `UDP ports 50,000-59,999`; the port
 * grammar (`readPortText`) reads what it finds.
 */
export const portStatement =
  /\b(?:(?:https?|ssl|tls)\s+)?(?:(?:tcp|udp|https?)(?:\s+ports?)?|ports?(?:\s+(?:tcp|udp|https?))?)\s+\d[\d,–-]*(?:\s*(?:,|&|and|or|\/)\s*(?:(?:tcp|udp|https?)\s+)?\d[\d,–-]*)*/gi

/** A tab of a tabbed section links to its own anchor: `# [Azure Government](#tab/gov)`. */
export const tabAnchor = /^#tab\//

/**
 * A request to let traffic through, followed in its sentence by the destinations it names
 * (`allow UDP 123 to time.windows.com`). A sentence that only mentions a destination is no request.
 */
export const allowVerb = /\b(allow|unblock|permit|whitelist|allowlist|open (?:outbound|inbound|access|traffic|port))\b(?![^.]*\bexclud)/i

/**
 * A sentence that offers destinations rather than asks for them (`To simplify the allow list for
 * download locations a wild card can be used: `*.dl.delivery.mp.microsoft.com``, Edge): optional.
 */
export const offerPhrase = /\b(?:wild ?cards?|urls?|domains?|hosts?|endpoints?|fqdns?) (?:can|may) (?:also )?be used\b|\byou (?:can|may) (?:also |optionally )?(?:allow|add)\b/i

/**
 * A sentence that introduces links to follow rather than destinations to allow (`Download the file by
 * visiting the following link:`, Defender Antivirus; `For more information, see the following links:`).
 */
export const linkLead = /\b(?:the following|these|this) links?\s*:?\s*$|\bby visiting\b|\b(?:visit|see|read) the following\b/i

/** Code block languages that can hold a plain list of destinations. */
export const codeLanguages = /^(|text|txt|plaintext|plain|ini|json|jsonc|conf|config|hosts|csv)$/

/**
 * A line that makes its code block a command or a request, not a list (`curl https://…`,
 * `GET https://…`, `Test-NetConnection …`, a shell prompt).
 */
export const codeCommand = /^(?:[$>#]\s|(?:curl|wget|GET|POST|PUT|PATCH|DELETE|HEAD|nslookup|ping|tracert|traceroute|telnet|ssh|az|docker|kubectl|helm|npm|pip|git|set|export|netsh|Invoke-WebRequest|Invoke-RestMethod|Test-NetConnection|Resolve-DnsName|New-[A-Za-z]+|Set-[A-Za-z]+|Get-[A-Za-z]+)\b)/

/**
 * What a sentence must speak of for what it states to hold for its section: the destinations
 * or the traffic (`Both endpoints are reached over port 443`), not something else (`WIP uses port
 * 444`, `It is recommended that you read this section`).
 */
export const scopeSubject = /\b(urls?|uris?|endpoints?|hosts?|hostnames?|domains?|addresses|destinations?|fqdns?|traffic|connections?|connectivity|communication|firewalls?|prox(y|ies)|allow ?list|network access|access to)\b/i

/**
 * What a sentence outside any section of destinations must speak of to state something of the
 * page's destinations (`…allow direct network connectivity for the MIP labeling and protection
 * endpoints`, MIP SDK): the destinations themselves, not access to a portal or to customer content.
 */
export const pageSubject = /\b(urls?|endpoints?|hostnames?|fqdns?|destinations?|network connectivity|firewalls?|prox(y|ies))\b/i

/**
 * Other ways a sentence asks that the destinations it names be reachable (`Ensure that UDP port 123
 * to time.windows.com is accessible`, `make sure that the URL … is not blocked`, `… must be
 * resolvable via DNS and accessible via HTTP`).
 */
export const requestPhrase =
  /\bensure (that )?.{0,160}?\b(is|are) (accessible|reachable|not blocked|allowed|open)\b|\bensure access to\b|\bmake sure (that )?.{0,160}?\b(is|are) (accessible|reachable|not blocked|allowed|open)\b|\bmust (also )?be (resolvable|accessible|reachable|allowed)\b|\b(need|needs|require|requires) access to\b/i

/** A heading of a section about the ports of the section around it (`### Port requirements`, Intune). */
export const portsHeading = /\bports?\b/i

/**
 * The direction of a row's traffic. A destination column headed as a source (`Source IP address`,
 * `Allowed Source IP addresses`: HDInsight, App Service Environment) lists where traffic comes from;
 * so does a row whose Direction or Type cell says inbound (`Inbound`, `Inbound server traffic`,
 * `on-premises hybrid inbound`: HDInsight, M365 other endpoints).
 */
export const inboundHeader = /\bsources?\b/i
export const directionHeader = /\b(direction|type|traffic)\b/i
export const inboundCell = /^(?!.*\boutbound\b).*\binbound\b/i

/**
 * A sentence about every destination (`Allow access to all hosts via port 80 (HTTP), 443 (HTTPS), and
 * 123 (UDP/NTP)`, seen in Windows Autopilot's "simplest case"): a policy of its own, open to
 * everything, not the ports of the destinations the page goes on to name.
 */
export const everyDestination = /\b(?:all|any) (?:hosts?|destinations?|internet (?:hosts?|addresses|destinations?))\b/i

/** A sentence that states something under a condition (`Ports 8787 and 18881 are only needed when …`). */
export const conditional = /\b(if|when|unless|only (?:needed|required|used))\b/i

/**
 * The clause of a sentence that says when its requirement holds: `If you are using the Azure-provided
 * DNS service, allow …` (HDInsight), `… only required to configure Exchange hybrid` (M365 other
 * endpoints), `When a custom HTTP delegate isn't an option, it will be required …` (MIP SDK). The
 * clause runs to the next comma, or to the end of the sentence.
 */
export const conditionClauses: RegExp[] = [
  /\b(?:if|when|unless|in case)\b[^.;:!?,]{3,}/i,
  /\bonly (?:needed|required|used|necessary)\s+((?:for|to|when|if|by|with)\b[^.;:!?,]{3,})/i
]

/**
 * A condition that is the premise of every endpoint page (`when you use Visual Studio … behind a
 * firewall or proxy server`, `If your organization restricts computers … from connecting to the
 * Internet`): no condition of one set more than another, so not kept.
 */
export const premiseCondition = /\b(firewalls?|prox(?:y|ies)|restricts?|restricted|restrictive|locked[- ]down|allow ?lists?|egress)\b/i

/** A protocol a request names for what it asks (`accessible via HTTP`, `a set of HTTPS URLs`). */
export const requestProtocol = /\b(?:via|over|using|through) (https?)\b|\b(https?) (?:urls?|endpoints?|connections?)\b/i

export interface ProductEntry {
  /** The catalog's id for the product (`service`). */
  service: string
  /** The product's name as people write it. */
  name: string
  /** Tested against the front matter's `ms.service`, `ms.subservice`, `ms.prod` and `ms.component` values. */
  docset?: RegExp
  /** Tested against the page's title (lower-cased). */
  title?: RegExp
  seen: string
}

/**
 * The product a page is about, from its front matter: the first entry whose `docset` matches one
 * of its `ms.*` values or whose `title` matches its title. Entries that a title tells apart within
 * one docs set (Autopilot among the Windows pages) come before the docs set's own entry.
 */
export const products: ProductEntry[] = [
  {service: 'windows-autopilot', name: 'Windows Autopilot', title: /\bautopilot\b/, seen: 'Windows Autopilot networking requirements (ms.prod: windows-client)'},
  {service: 'data-gateway', name: 'On-premises data gateway', title: /\bdata gateway\b/, seen: 'Adjust communication settings for the on-premises data gateway (no ms.service)'},
  {service: 'power-bi', name: 'Power BI', docset: /^powerbi(-|$)/, seen: 'Power BI URLs (ms.service: powerbi), Power BI US Government (ms.subservice: powerbi-admin)'},
  {service: 'fabric', name: 'Microsoft Fabric', docset: /^fabric$/, seen: 'Fabric allow-list (ms.service: fabric)'},
  {service: 'power-platform', name: 'Power Platform', docset: /^power-platform$|^pa-admin$/, seen: 'Power Apps US Government (ms.service: power-platform), Power Platform URLs (ms.component: pa-admin)'},
  {service: 'intune', name: 'Microsoft Intune', docset: /^microsoft-intune$/, seen: 'Intune endpoints (ms.service: microsoft-intune)'},
  {service: 'microsoft-365', name: 'Microsoft 365', docset: /^microsoft-365-enterprise$/, seen: 'M365 other endpoints (ms.service: microsoft-365-enterprise)'},
  {service: 'azure-virtual-desktop', name: 'Azure Virtual Desktop', docset: /^virtual-desktop$/, seen: 'Windows Virtual Desktop safe URL list (ms.service: virtual-desktop)'},
  {service: 'windows', name: 'Windows', docset: /^windows-client$/, seen: 'Connection endpoints for Windows 11 Enterprise (ms.prod: windows-client)'},
  // Pages without front matter that names a docs set (older and hand-made pages): the title.
  {service: 'power-bi', name: 'Power BI', title: /\bpower bi\b/, seen: 'Power BI and ExpressRoute (title only, in hand-made pages)'},
  {service: 'fabric', name: 'Microsoft Fabric', title: /\bfabric\b/, seen: 'Add Fabric URLs to your allowlist (title)'},
  {service: 'intune', name: 'Microsoft Intune', title: /\bintune\b/, seen: 'Network endpoints for Microsoft Intune (title)'}
]

/** The product a page's `ms.*` values and title name, if any. */
export function productNamedBy(docsets: string[], title: string | null): ProductEntry | undefined {
  const lower = (title ?? '').toLowerCase()
  return products.find(
    (entry) => (entry.docset !== undefined && docsets.some((value) => entry.docset!.test(value))) || (entry.title !== undefined && entry.title.test(lower))
  )
}

/** The name of a product id the vocabulary knows, if it does. */
export function productName(service: string): string | undefined {
  return products.find((entry) => entry.service === service)?.name
}

export interface ExpressRouteScopeEntry {
  scope: 'overall' | 'paas' | 'desktop' | 'mobile' | 'gateway' | 'saas'
  words: RegExp
  seen: string
}

/**
 * The scopes of the ExpressRoute page, by the words of a heading or column header; the first entry
 * that matches names the scope (`Power BI Desktop and ExpressRoute` → desktop).
 */
export const expressRouteScopes: ExpressRouteScopeEntry[] = [
  {scope: 'overall', words: /\boverall\b|\bgeneral\b/, seen: 'Power BI and ExpressRoute (Overall)'},
  {scope: 'paas', words: /\bpaas\b|\bembedded\b|\bdeveloper/, seen: 'Power BI and ExpressRoute (PaaS Activity, Power BI Embedded)'},
  {scope: 'desktop', words: /\bdesktop\b/, seen: 'Power BI and ExpressRoute (Power BI Desktop)'},
  {scope: 'mobile', words: /\bmobile\b/, seen: 'Power BI and ExpressRoute (Power BI Mobile)'},
  {scope: 'gateway', words: /\bgateway\b/, seen: 'Power BI and ExpressRoute (on-premises data gateway)'},
  {scope: 'saas', words: /\bsaas\b|\bservice\b|\bapplication\b|\buser activity\b/, seen: 'Power BI and ExpressRoute (User Activity, the Power BI service)'}
]

/** Words a port list may carry that say nothing about the ports (`TCP ports 80 and 443 outbound`). */
export const portFiller = /^(ports?|port\(s\)|outbound|inbound|only|both|and|or|&|to|through|\+)$/

/** A cell that is only a transport protocol, or two (`UDP`, `TCP/UDP`): the row's protocol. */
export const transportCell = /^(tcp|udp)(\s*[/,]\s*(tcp|udp))?$/i

/**
 * File names that look like hosts in prose (`setup.exe`, `readme.md`, `connecttest.txt`): a name
 * ending so is a file, not a destination.
 */
export const fileExtensions = /\.(md|exe|dll|msi|ps1|cab|zip|json|xml|aspx?|html?|txt|png|jpe?g|svg|js|css|crl|cer)$/i

/** Where a page's relative links resolve when its docs set is unknown: the catalog's first pages are Power BI's. */
export const defaultDocset = 'power-bi/'
