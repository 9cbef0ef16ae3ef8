/** The command line's help text. */
export const help = `Usage: endpoint-catalog <command> [options]

Commands:
  build [--source dir] [--out dir]        compile docs-source/*.md into generated/catalog.json; when
                                          the content changed, a new version, recorded in
                                          generated/changes.json and CHANGELOG.md
  changes --since <version> [changes.json] [--format text|markdown|json|atom|m365]
                                          every change after that version (default feed:
                                          generated/changes.json; --since 0000000000 for all)
  history <revision.md | dir>... --out dir
                                          replay dated page revisions (ms.date, or 2021-09-01.md
                                          names) into a catalog with its whole change feed
  compile <file.md | dir>... [-o file]    print the catalog of the given pages (or write it to a file)
  export <catalog.json | file.md...> --format <format> [-o file] [filters]
                                          a catalog for a firewall, proxy or script; formats:
                                          csv, json, txt, hosts, ips, cidrs, edl, squid [--acl name],
                                          pac [--proxy "PROXY h:p"] [--default "PROXY h:p"], m365
                                          filters: --required, --cloud <cloud>, --section <text>,
                                          --route internet|expressroute, --kind host,wildcard,...
  validate <catalog.json>                 check a catalog against schema/catalog.schema.json
  diff <old> <new> [--format text|markdown|json] [--fail-on error|warning|info] [-o file]
       [--cloud public|usgov-gcc|usgov-gcchigh|usgov-dod|china]
                                          what changed: each side a catalog.json, a page, or a
                                          directory of pages; --cloud: that cloud's only
  diff --base <ref> [--head <ref>] [--source dir]
                                          the same, for docs-source/ at two git revisions
  rules [--format text|json]              list the diagnostic and change rule ids

Options:
  --fail-on error|warning|info|none
             exit 1 when a diagnostic (reading problem or finding, not accepted in the config)
             is at or above this level; the output is written all the same (build, compile,
             export, history); for diff, a change at or above it
  --strict   the same as --fail-on warning
  --config   the file of accepted findings (default: endpoint-catalog.yaml, when present)
  --quiet    do not print info diagnostics
  -h, --help show this help

Exit codes: 0 done, 1 errors reading the input (nothing written), or a diagnostic or change at or
above --fail-on, 2 usage or unreadable input.
`
