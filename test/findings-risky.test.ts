// The findings a risky destination gets: a wildcard over everything or a public suffix, an address
// range of a large part of the Internet, including IPv6 ranges that carry all of IPv4.
import * as assert from 'uvu/assert'
import {suite} from 'uvu'
import {classifyDestination, riskOf} from '../src/compile/destination.js'

const risky = suite('risky destinations')

risky('IPv6 ranges that carry all of IPv4 are over-broad; narrow ones are not', () => {
  for (const value of ['::ffff:0:0/96', '::ffff:0.0.0.0/96', '64:ff9b::/96', '2002::/16', '::ffff:0:0/95', '64:ff9b::10.0.0.0/100']) {
    assert.is(riskOf(classifyDestination(value))?.ruleId, 'over-broad-address', value)
  }
  for (const value of ['::ffff:10.0.0.0/104', '2002:c000:0200::/40', '2603:1006:2000::/48', '64:ff9b::192.0.2.0/120']) {
    assert.is(riskOf(classifyDestination(value)), undefined, value)
  }
})

risky('a URL whose host is a wildcard over a wildcard is over-broad', () => {
  assert.is(riskOf(classifyDestination('https://*.*'))?.ruleId, 'over-broad-wildcard')
  assert.is(riskOf(classifyDestination('https://*.powerbi.com')), undefined)
})

risky.run()
