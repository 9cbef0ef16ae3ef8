// Destinations recognised by what they are, wherever a page writes them, and scope read from the
// page's structure, nearest first: each case is a notation seen on real pages of several products.
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import type {Catalog} from '../src/index.js'
import {compileText, rules} from './helpers/compile.js'

const page = (...body: string[]): string => ['---', 'title: Service endpoints', 'ms.date: 01/02/2020', '---', '', '# Service endpoints', '', ...body, ''].join('\n')

/** `value requirement ports [clouds]` for every destination, in page order. */
function read(catalog: Catalog): string[] {
  return catalog.endpointSets.flatMap((set) =>
    set.destinations.map((destination) => {
      const ports = (destination.ports ?? set.ports).map((port) => `${port.protocol}/${port.port}${port.to ? '-' + port.to : ''}`).join(',')
      return `${destination.kind}:${destination.value} ${set.requirement} ${ports || '-'} [${(destination.clouds ?? ['public']).join(',')}]`
    })
  )
}

const tables = suite('content first: tables')

tables('a column of hosts is a destination column whatever its header says', () => {
  const catalog = compileText(page('| Feature | IP | Ports |', '| --- | --- | --- |', '| Telemetry | 40.114.241.141<br/>104.45.136.42 | 80,443 |'))
  assert.equal(read(catalog), ['ip:40.114.241.141 unknown tcp/80,tcp/443 [public]', 'ip:104.45.136.42 unknown tcp/80,tcp/443 [public]'])
  assert.ok(rules(catalog).includes('column-by-content'))
})

tables('a destination-named column of prose beside a column of hosts names the rows', () => {
  const catalog = compileText(page('| Endpoint | Hostname |', '| --- | --- |', '| Labeling service | `https://*.protection.outlook.com` |'))
  assert.equal(catalog.endpointSets.map((set) => set.purpose), ['Labeling service'])
  assert.equal(read(catalog), ['url:https://*.protection.outlook.com unknown tcp/443 [public]'])
})

tables('`*:443` beside the addresses of a row is the row\'s port, not a wildcard', () => {
  const catalog = compileText(page('Allow traffic from the following IP addresses:', '', '| Source IP address | Destination | Direction |', '| --- | --- | --- |', '| 168.61.49.99 | \\*:443 | Inbound |'))
  assert.equal(read(catalog), ['ip:168.61.49.99 required tcp/443 [public]'])
  assert.not.ok(rules(catalog).includes('over-broad-wildcard'))
})

tables('block-level tags and footnote marks never run destinations together', () => {
  const catalog = compileText(
    page('| Purpose | Destination | Port |', '| --- | --- | --- |', '| **Required:** A | <div>a.powerbi.com</div><div>b.powerbi.com</div> | TCP 443 |', '| **Required:** B | crl.microsoft.com<sup>1</sup> | TCP 80 |', '| **Required:** C | <details><summary>more</summary>hidden.powerbi.com</details> | TCP 443 |')
  )
  const values = catalog.endpointSets.flatMap((set) => set.destinations.map((destination) => destination.value))
  assert.equal(values, ['a.powerbi.com', 'b.powerbi.com', 'crl.microsoft.com', 'more', 'hidden.powerbi.com'])
})

tables('ports written part by part beside their hosts pair with them: by number, by group, by line', () => {
  const header = ['| Feature | Hosts | Ports |', '| --- | --- | --- |']
  const numbered = compileText(page(...header, '| Debugger | 1. a.sample-endpoints.net <br>2. b.sample-endpoints.net<br>3. Remote server | 1. https/443 <br>2. http/80 <br>3. Concord/ 4022 (version dependent) |'))
  assert.equal(read(numbered), ['host:a.sample-endpoints.net unknown tcp/443 [public]', 'host:b.sample-endpoints.net unknown tcp/80 [public]', 'text:Remote server unknown tcp/80,tcp/443 [public]'])
  assert.ok(rules(numbered).includes('ports-aligned'))
  // What is no port list stays as written; a part's number is not a destination.
  assert.is(numbered.endpointSets[0]!.portsText, '1. https/443 , 2. http/80 , 3. Concord/ 4022 (version dependent)')
  const marks = compileText(page(...header, '| Fabric | 1. <br>a.sample-endpoints.net<br><br>2. <br>b.sample-endpoints.net <br> 3. &#42; .c.sample-endpoints.net | https/443 |'))
  assert.equal(read(marks), ['host:a.sample-endpoints.net unknown tcp/443 [public]', 'host:b.sample-endpoints.net unknown tcp/443 [public]', 'wildcard:*.c.sample-endpoints.net unknown tcp/443 [public]'])
  assert.ok(rules(marks).includes('wildcard-spaced'))
  const grouped = compileText(page(...header, '| Search | a.sample-endpoints.net <br>b.sample-endpoints.net<br><br>c.sample-endpoints.net<br>d.sample-endpoints.net<br>e.sample-endpoints.net | https/443<br><br>http/80 &<br>https/443 |'))
  assert.equal(read(grouped), ['host:a.sample-endpoints.net unknown tcp/443 [public]', 'host:b.sample-endpoints.net unknown tcp/443 [public]', 'host:c.sample-endpoints.net unknown tcp/80,tcp/443 [public]', 'host:d.sample-endpoints.net unknown tcp/80,tcp/443 [public]', 'host:e.sample-endpoints.net unknown tcp/80,tcp/443 [public]'])
  const lines = compileText(page(...header, '| Packages | a.sample-endpoints.net <br><br>b.sample-endpoints.net <br><br>c.sample-endpoints.net | https/443<br><br>http/80 &<br> https/443<br>https/443 |'))
  assert.equal(read(lines), ['host:a.sample-endpoints.net unknown tcp/443 [public]', 'host:b.sample-endpoints.net unknown tcp/80,tcp/443 [public]', 'host:c.sample-endpoints.net unknown tcp/443 [public]'])
  // One part of ports for many hosts is the ports of all of them.
  const whole = compileText(page(...header, '| Bus | a.sample-endpoints.net<br>b.sample-endpoints.net | ampq/5671 and 5672, </br> sbmp/9350-9354, </br> https/443 |'))
  assert.equal(read(whole), ['host:a.sample-endpoints.net unknown tcp/443,tcp/5671,tcp/5672,tcp/9350-9354 [public]', 'host:b.sample-endpoints.net unknown tcp/443,tcp/5671,tcp/5672,tcp/9350-9354 [public]'])
  assert.not.ok(rules(whole).includes('ports-aligned'))
})

tables('a host name broken over two lines at a dot is one name', () => {
  const catalog = compileText(page('| Feature | Host | Port |', '| --- | --- | --- |', '| Code Lens | codelensprodscus1su0.app.<br>codelens.visualstudio.com | 443 |', '| Notes | e.g.<br>docs.sample-endpoints.net | 443 |'))
  assert.equal(
    catalog.endpointSets.flatMap((set) => set.destinations.map((destination) => destination.value)),
    ['codelensprodscus1su0.app.codelens.visualstudio.com', 'e.g', 'docs.sample-endpoints.net']
  )
})

tables('a blank first cell under one naming a cloud is a merged cell of that cloud', () => {
  const catalog = compileText(
    page('| Country | Region | Allowed Source IP addresses | Allowed Destination |', '| --- | --- | --- | --- |', '| China | China North | 42.159.96.170 | \\*:443 |', '| &nbsp; | China East 2 | 139.217.227.106 | \\*:443 |', '| Europe | North Europe | 52.164.210.96 | \\*:443 |')
  )
  assert.equal(read(catalog), ['ip:42.159.96.170 unknown tcp/443 [china]', 'ip:139.217.227.106 unknown tcp/443 [china]', 'ip:52.164.210.96 unknown tcp/443 [public]'])
})

tables('a protocol cell naming both transports, and a well-known port without one, give both', () => {
  const catalog = compileText(page('| Endpoint | Protocol | Port |', '| --- | --- | --- |', '| dns.sample-endpoints.net | TCP & UDP | 389 |', '| ntp.sample-endpoints.net | | 123 |', '| resolver.sample-endpoints.net | | 53 |'))
  assert.equal(read(catalog), ['host:dns.sample-endpoints.net unknown tcp/389,udp/389 [public]', 'host:ntp.sample-endpoints.net unknown udp/123 [public]', 'host:resolver.sample-endpoints.net unknown tcp/53,udp/53 [public]'])
})

tables('`N/A` in a port cell names no port: the scheme or the section does; a row of links takes no port', () => {
  const catalog = compileText(
    page('Fabric requires only TCP Port 443 to be opened for the listed endpoints.', '', '| Purpose | Endpoint | Port |', '| --- | --- | --- |', '| **Required:** Icons | http://res.cdn.office.net/ | N/A |', '| **Required:** Back end | `*.analysis.windows.net` | N/A |', '| **Required:** Sign-in | See [the sign-in page](/entra/sign-in) | N/A |')
  )
  assert.equal(read(catalog), ['url:http://res.cdn.office.net/ required tcp/80 [public]', 'wildcard:*.analysis.windows.net required tcp/443 [public]', 'reference:https://learn.microsoft.com/entra/sign-in required - [public]'])
})

tables('ports a sentence gives the host it names stay with it when other paragraphs of the cell name others', () => {
  const catalog = compileText(
    page('| Purpose | Destination |', '| --- | --- |', '| Hybrid wizard <p> Note: These endpoints are only required to configure Exchange hybrid | domains.live.com on TCP ports 80 & 443, only for the 2010 wizard <p> Worldwide: asl.configure.office.com; tds.configure.office.com |', '| Telemetry | This update uses SSL (TCP Port 443) with the following endpoints: `vortex-win.data.microsoft.com` <br/> `settings-win.data.microsoft.com` |')
  )
  assert.equal(read(catalog), [
    'host:domains.live.com required tcp/80,tcp/443 [public]',
    'text:only for the 2010 wizard required - [public]',
    'host:asl.configure.office.com required - [public]',
    'host:tds.configure.office.com required - [public]',
    'host:vortex-win.data.microsoft.com unknown tcp/443 [public]',
    'host:settings-win.data.microsoft.com unknown tcp/443 [public]'
  ])
})

tables('a description that says its endpoints are needed is the requirement of its row and the rows it carries to', () => {
  const catalog = compileText(page('| Area | Description | Protocol | Destination |', '| --- | --- | --- | --- |', '| Store | The following endpoints are needed to load the content in the Store app. | HTTPS | livetileedge.dsx.mp.microsoft.com |', '| | | HTTP | storeedgefd.dsx.mp.microsoft.com |', '| | The following endpoint is used for analytics. | HTTPS | manage.devcenter.microsoft.com |'))
  assert.equal(read(catalog), ['host:livetileedge.dsx.mp.microsoft.com required tcp/443 [public]', 'host:storeedgefd.dsx.mp.microsoft.com required tcp/80 [public]', 'host:manage.devcenter.microsoft.com unknown tcp/443 [public]'])
})

tables('destinations on lines of their own in the purpose cell of a row whose destination cell names none are the row\'s', () => {
  const catalog = compileText(
    page('| Row | Purpose | Destination |', '| --- | --- | --- |', '| 10 | The **AutoDetect service** is used in hybrid scenarios <p> `<email_domain>.outlookmobile.com` <br> `52.125.128.0/20` | Customer on-premises Exchange server on TCP 443 |', '| 11 | Sign-in | login.microsoftonline.com |', '| 12 | Portal | portal.office.com |', '| 13 | Import Service | Refer to the Import Service for more requirements. |')
  )
  assert.equal(read(catalog), [
    'text:Customer on-premises Exchange server on TCP 443 unknown tcp/443 [public]',
    'text:<email_domain>.outlookmobile.com unknown tcp/443 [public]',
    'cidr:52.125.128.0/20 unknown tcp/443 [public]',
    'host:login.microsoftonline.com unknown - [public]',
    'host:portal.office.com unknown - [public]',
    'text:Refer to the Import Service for more requirements. unknown - [public]'
  ])
  assert.equal(catalog.endpointSets[0]!.purpose, 'The AutoDetect service is used in hybrid scenarios')
  assert.ok(rules(catalog).includes('destination-in-purpose'))
})

tables('a source column, or a Direction or Type cell that says inbound, makes its rows inbound', () => {
  const catalog = compileText(
    page(
      '| Source IP address | Destination | Direction |', '| --- | --- | --- |', '| 168.61.49.99 | \\*:443 | Inbound |', '',
      '| Row | Purpose | Destination | Type |', '| --- | --- | --- | --- |', '| 1 | Stream | *.microsoftstream.com | Inbound server traffic |', '| 2 | Wizard | tds.configure.office.com | Outbound server-only traffic |', '| 3 | Hybrid | 13.107.64.0/18 | Skype for Business on-premises hybrid inbound |'
    )
  )
  assert.equal(catalog.endpointSets.map((set) => set.direction), ['inbound', 'inbound', undefined, 'inbound'])
})

const lists = suite('content first: lists, code and sentences')

lists('list items that start with a destination, with notes after them', () => {
  const catalog = compileText(
    page('## Proxy configuration', '', 'Your configuration needs to allow these URLs:', '', '- `login.live.com`', '- `\\*.wns.windows.com`', '- `www.msftncsi.com` (prior to Windows 10, version 1607)')
  )
  assert.equal(read(catalog), ['host:login.live.com required - [public]', 'wildcard:*.wns.windows.com required - [public]', 'host:www.msftncsi.com required - [public]'])
  assert.is(catalog.endpointSets[0]!.destinations[2]!.note, 'prior to Windows 10, version 1607')
})

lists('a nested list takes its group item as purpose and what the item says as scope', () => {
  const catalog = compileText(
    page('## Required endpoints', '', '- [Windows Update endpoints](/windows/privacy)', '    - *.windowsupdate.com', '- [Push notifications](/windows/uwp): *(Recommended, but not required.)*', '    - *.notify.windows.com')
  )
  assert.equal(catalog.endpointSets.map((set) => `${set.purpose}: ${set.requirement}`), ['Windows Update endpoints: required', 'Push notifications: *(Recommended, but not required.)*: optional'.replace('*(Recommended, but not required.)*', '(Recommended, but not required.)')])
})

lists('a code block of destinations is read, grouped under its label lines; a command is not', () => {
  const catalog = compileText(
    page('## Availability tests', '', 'Open ports 80 (http) and 443 (https) for incoming traffic from these addresses:', '', '```', 'Australia East', '20.40.124.176/28', '', 'Brazil South', '191.233.26.176/28', '```', '', '```bash', 'curl https://api.powerbi.com/v1.0/myorg', '```')
  )
  assert.equal(catalog.endpointSets.map((set) => set.purpose), ['Australia East', 'Brazil South'])
  assert.equal(read(catalog), ['cidr:20.40.124.176/28 unknown tcp/80,tcp/443 [public]', 'cidr:191.233.26.176/28 unknown tcp/80,tcp/443 [public]'])
  assert.ok(rules(catalog).includes('code-endpoints'))
  assert.ok(rules(catalog).includes('destination-unread'), 'the URL of the command is named, not read')
})

lists('a list introduced as links to follow is not a list of destinations, and says so', () => {
  const catalog = compileText(page('## Test', '', 'Download the file by visiting the following link:', '', '- https://aka.ms/ioavtest', '', 'The service needs these URLs:', '', '- https://wdcp.microsoft.com'))
  assert.equal(read(catalog), ['url:https://wdcp.microsoft.com required tcp/443 [public]'])
  assert.equal(catalog.diagnostics.filter((d) => d.ruleId === 'destination-unread').map((d) => d.message.split('`')[1]), ['https://aka.ms/ioavtest'])
})

lists('a list that is one record, label by label (a firewall rule), is a one-row table', () => {
  const catalog = compileText(
    page('## RStudio', '', 'The firewall needs to allow outbound access. Add the following Application rule:', '', '* __Name__: AllowRStudioInstall', '* __Source IP Addresses__: For example, `172.16.0.0/24`.', '* __Destination Type__: FQDN', '* __Target FQDN__: `ghcr.io`, `pkg-containers.githubusercontent.com`', '* __Protocol__: `Https:443`', '', '## Sign in', '', '* **GCC**: https://app.powerbigov.us', '* **GCC High**: https://app.high.powerbigov.us')
  )
  assert.equal(read(catalog), [
    'host:ghcr.io required tcp/443 [public]',
    'host:pkg-containers.githubusercontent.com required tcp/443 [public]',
    'url:https://app.powerbigov.us unknown tcp/443 [usgov-gcc]',
    'url:https://app.high.powerbigov.us unknown tcp/443 [usgov-gcchigh]'
  ])
  assert.is(catalog.endpointSets[0]!.purpose, 'AllowRStudioInstall')
})

lists('a JSON excerpt of service tags is no list of destinations; names of other things are not hosts', () => {
  const catalog = compileText(
    page('## Ranges', '', 'Search for **AzureContainerRegistry.AustraliaEast**. In such cases, `login.sample-endpoints.net` must also be accessible.', '', '```json', '{', '  "name": "AzureContainerRegistry.AustraliaEast",', '  "id": "AzureContainerRegistry.AustraliaEast",', '  "properties": {', '    "region": "australiaeast",', '    "platform": "Azure",', '    "addressPrefixes": [', '      "13.70.72.136/29",', '    [...]', '```')
  )
  assert.equal(read(catalog), ['host:login.sample-endpoints.net required - [public]'])
  assert.ok(catalog.diagnostics.some((d) => d.ruleId === 'destination-unread' && d.message.includes('13.70.72.136/29')))
})

lists('a wildcard typed with a space after its dot is the wildcard it means, reported; "ensure access" asks for what follows', () => {
  const catalog = compileText(page('Please ensure access to the following domains are made available to your users:', '', '**GCC Customers:**', '', '*.microsoft.us<br/>', '*. usgovcloudapi.net<br/>', '*.dynamics365portals.us'))
  assert.equal(read(catalog), ['wildcard:*.microsoft.us required - [usgov-gcc]', 'wildcard:*.usgovcloudapi.net required - [usgov-gcc]', 'wildcard:*.dynamics365portals.us required - [usgov-gcc]'])
  assert.ok(rules(catalog).includes('wildcard-spaced'))
})

lists('a sentence that asks to allow a destination is read with its port', () => {
  const catalog = compileText(page('## Time', '', 'Ensure that UDP port **123** to `time.windows.com` is accessible.', '', 'Learn more at www.powerbi.com about it.'))
  assert.equal(read(catalog), ['host:time.windows.com required udp/123 [public]'])
  const unread = catalog.diagnostics.filter((d) => d.ruleId === 'destination-unread')
  assert.equal(unread.map((d) => [d.message.split('`')[1], d.source.line]), [['www.powerbi.com', 12]])
})

const scope = suite('content first: scope, nearest first')

scope('headings and tabs scope what is under them; a row says more than its section', () => {
  const catalog = compileText(
    page(
      '## Optional',
      '',
      '- a.powerbi.com',
      '',
      '# [Azure Government](#tab/gov)',
      '',
      '| Purpose | Destination |',
      '| --- | --- |',
      '| **Required:** B | b.powerbi.us |',
      '',
      '---',
      '',
      '- c.powerbi.com'
    )
  )
  assert.equal(read(catalog), ['host:a.powerbi.com optional - [public]', 'host:b.powerbi.us required - [usgov-gcc,usgov-gcchigh,usgov-dod]', 'host:c.powerbi.com optional - [public]'])
})

scope('a sentence of the section sets ports and requirement; one about something else does not', () => {
  const catalog = compileText(
    page('## Access', '', 'Both endpoints are reached over port 443. Windows Information Protection uses port 444.', '', 'You must allow the following:', '', '- `azurecr.io`', '- `*.blob.core.windows.net`')
  )
  assert.equal(read(catalog), ['host:azurecr.io required tcp/443 [public]', 'wildcard:*.blob.core.windows.net required tcp/443 [public]'])
})

scope('a sentence about every host is a policy of its own, not the ports of the hosts the page names', () => {
  const catalog = compileText(
    page('Access to these services must be provided:', '', '- Allow access to all hosts via port 80 (HTTP), 443 (HTTPS), and 123 (UDP/NTP).', '', '## Diagnostics', '', 'Make sure that the URL `diag.blob.core.windows.net` is not blocked.', '', '## TPM', '', 'Attestation requires access to a set of HTTPS URLs. Ensure access to this URL pattern: `*.microsoftaik.azure.net`.')
  )
  assert.equal(read(catalog), ['host:diag.blob.core.windows.net required - [public]', 'wildcard:*.microsoftaik.azure.net required tcp/443 [public]'])
})

scope('a section of prose that says what the page\'s endpoints are speaks for the sections after it', () => {
  const body = (sentence: string): string =>
    page('## Other workarounds', '', sentence, '', '## Cloud endpoints', '', '| Endpoint | Hostname |', '| --- | --- |', '| Protection | `https://api.aadrm.com` |', '', '## Later', '', '| Endpoint | Hostname |', '| --- | --- |', '| **Optional:** Audit | `https://a.events.data.microsoft.com` |')
  const stated = compileText(body('Without a delegate, it will be required that you allow direct network connectivity for the labeling and protection endpoints.'))
  assert.equal(read(stated), ['url:https://api.aadrm.com required tcp/443 [public]', 'url:https://a.events.data.microsoft.com optional tcp/443 [public]'])
  // Access to something that is no destination says nothing of them.
  const other = compileText(body('Staff who request access to customer content must first have passed the following checks.'))
  assert.equal(read(other), ['url:https://api.aadrm.com unknown tcp/443 [public]', 'url:https://a.events.data.microsoft.com optional tcp/443 [public]'])
})

scope('a section about ports beside a section of hosts gives its ports to the section around both', () => {
  const catalog = compileText(
    page('## Delivery Optimization', '', '### Port requirements', '', 'For client-service communication, it uses HTTP or HTTPS over port 80/443.', '', '### Firewall requirements', '', 'Allow the following hostnames through your firewall:', '', '- \\*.do.dsp.mp.microsoft.com', '', '## Apple', '', '- \\*.apple.com')
  )
  assert.equal(read(catalog), ['wildcard:*.do.dsp.mp.microsoft.com required tcp/80,tcp/443 [public]', 'wildcard:*.apple.com unknown - [public]'])
})

scope('a wildcard offered in a note to simplify the list is optional, with the ports of what it covers', () => {
  const catalog = compileText(
    page('Allow the following domain URLs:', '', '#### HTTP', '', '- `http://msedge.f.dl.delivery.mp.microsoft.com`', '', '#### HTTPS', '', '- `https://msedge.sf.dl.delivery.mp.microsoft.com`', '', '  > [!TIP]', '  > To simplify the allow list for download locations a wild card can be used: `*.dl.delivery.mp.microsoft.com`', '', '### Optionally for Delivery Optimization', '', '- Client to Service communication: `*.do.dsp.mp.microsoft.com` (HTTP Port 80, HTTPS Port 443)')
  )
  assert.equal(read(catalog), [
    'url:http://msedge.f.dl.delivery.mp.microsoft.com required tcp/80 [public]',
    'url:https://msedge.sf.dl.delivery.mp.microsoft.com required tcp/443 [public]',
    'wildcard:*.dl.delivery.mp.microsoft.com optional tcp/80,tcp/443 [public]',
    'wildcard:*.do.dsp.mp.microsoft.com optional tcp/80,tcp/443 [public]'
  ])
  assert.ok(rules(catalog).includes('ports-from-covered'))
})

scope('what a section says of the page\'s endpoints in general holds for the sections after it; a lead sentence only for what it leads', () => {
  const catalog = compileText(
    page('## About registry endpoints', '', 'A client needs to interact over HTTPS with two distinct endpoints. Both endpoints are reached over port 443.', '', '## Allow access', '', '* **Storage endpoint** - Allow access to all blob storage accounts using the wildcard `*.blob.core.windows.net`.', '', '## Proxy', '', 'Your proxy needs to allow these domains on port 8443:', '', '- `a.sample-endpoints.net`', '', '## Other', '', '- `b.sample-endpoints.net`')
  )
  assert.equal(read(catalog), ['wildcard:*.blob.core.windows.net required tcp/443 [public]', 'host:a.sample-endpoints.net required tcp/8443 [public]', 'host:b.sample-endpoints.net required tcp/443 [public]'])
})

scope('a requirement stated under a condition is required, the condition kept; what a condition says states nothing', () => {
  const catalog = compileText(
    page('## DNS', '', 'If you are using the Azure-provided DNS service, allow access from __168.63.129.16__ on port 53. If you are using custom DNS, skip this step.', '', '## Proxy', '', 'If proxy support beyond this is required, review the custom delegate.', '', '- `a.sample-endpoints.net`', '', '## Hybrid', '', '| Purpose | Destination |', '| --- | --- |', '| Wizard <p> Note: These endpoints are only required to configure Exchange hybrid | tds.configure.office.com |')
  )
  assert.equal(read(catalog), ['ip:168.63.129.16 required tcp/53,udp/53 [public]', 'host:a.sample-endpoints.net unknown - [public]', 'host:tds.configure.office.com required - [public]'])
  assert.equal(catalog.endpointSets.map((set) => set.condition), ['If you are using the Azure-provided DNS service', undefined, 'to configure Exchange hybrid'])
  // The premise of every such page is no condition of one set.
  const premise = compileText(page('If your organization restricts computers on your network from connecting to the Internet, allow access to `a.sample-endpoints.net`.'))
  assert.equal(premise.endpointSets.map((set) => [set.requirement, set.condition]), [['required', undefined]])
})

scope('a URL names its port by its scheme where the page states none', () => {
  const catalog = compileText(page('- `https://msedge.api.cdp.microsoft.com`', '- `http://msedge.f.dl.delivery.mp.microsoft.com`'))
  assert.equal(read(catalog), ['url:https://msedge.api.cdp.microsoft.com unknown tcp/443 [public]', 'url:http://msedge.f.dl.delivery.mp.microsoft.com unknown tcp/80 [public]'])
})

scope('a purpose that says where it applies scopes its row, as any cell naming a cloud does', () => {
  const catalog = compileText(
    page('| Row | Purpose | Destination |', '| --- | --- | --- |', '| 20 | **Required:** Azure AD Connect with 21 ViaNet in China to sync accounts. | *.chinacloudapi.cn |', '| 21 | **Required:** Sign-in | login.powerbi.com |'),
  )
  assert.equal(read(catalog), ['wildcard:*.chinacloudapi.cn required - [china]', 'host:login.powerbi.com required - [public]'])
  const regions = compileText(page('| Country | Region | Allowed Source IP addresses |', '| --- | --- | --- |', '| China | China North | 42.159.96.170 |', '| US GCC High | Virginia | 52.1.2.3 |'))
  assert.equal(read(regions), ['ip:42.159.96.170 unknown - [china]', 'ip:52.1.2.3 unknown - [usgov-gcchigh]'])
})

const values = suite('content first: values')

values('an address range is exactly the CIDRs that cover it', () => {
  const catalog = compileText(page('| Purpose | Addresses |', '| --- | --- |', '| **Required:** A | 203.0.113.16 - 203.0.113.31 |', '| **Required:** B | 10.0.0.1-10.0.0.9 |'))
  assert.equal(
    catalog.endpointSets.map((set) => set.destinations.map((destination) => destination.value)),
    [['203.0.113.16/28'], ['10.0.0.1', '10.0.0.2/31', '10.0.0.4/30', '10.0.0.8/31']]
  )
  assert.ok(rules(catalog).includes('address-range'))
})

values('a leading dot is a wildcard; placeholders, example companies and names reserved for examples are templates', () => {
  const catalog = compileText(page('- `.microsoft.com`', '- `contoso-corp.atp.azure.com`', '- `xxxxx.servicebus.windows.net`', '- `<registry-name>.azurecr.io`', '- `https://www.example.com/app`', '- `proxy.corp.test`', '- `exampleco.com`'))
  assert.equal(
    catalog.endpointSets.flatMap((set) => set.destinations.map((destination) => `${destination.kind}:${destination.value}`)),
    ['wildcard:*.microsoft.com', 'text:contoso-corp.atp.azure.com', 'text:xxxxx.servicebus.windows.net', 'text:<registry-name>.azurecr.io', 'text:https://www.example.com/app', 'text:proxy.corp.test', 'host:exampleco.com']
  )
  assert.is(rules(catalog).filter((rule) => rule === 'destination-template').length, 5)
})

values('a wildcard of two labels (`*.*.`) is a wildcard, covered by the one-label wildcard of its domain', () => {
  const catalog = compileText(page('- `*.onedrive.live.com`', '- `*.*.onedrive.live.com`', '- `*.*.storage.live.com`', '- `a.*.live.com`'))
  assert.equal(
    catalog.endpointSets.flatMap((set) => set.destinations.map((destination) => `${destination.kind}:${destination.value}`)),
    ['wildcard:*.onedrive.live.com', 'wildcard:*.*.onedrive.live.com', 'wildcard:*.*.storage.live.com', 'text:a.*.live.com']
  )
  assert.equal(catalog.diagnostics.filter((d) => d.ruleId === 'destination-covered-in-page').map((d) => d.message), ['Unexpected `*.*.onedrive.live.com`, already covered by `*.onedrive.live.com` (line 8)'])
  assert.not.ok(rules(catalog).includes('over-broad-wildcard'))
})

values('compile counts what each page holds that looks like a destination', () => {
  const catalog = compileText(page('- a.powerbi.com', '', 'See b.powerbi.com for more.'))
  const unread = catalog.diagnostics.filter((d) => d.ruleId === 'destination-unread')
  assert.equal(unread.map((d) => d.severity), ['info'])
})

tables.run()
lists.run()
scope.run()
values.run()
