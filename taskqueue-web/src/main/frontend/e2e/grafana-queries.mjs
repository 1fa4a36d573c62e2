// Renders the Grafana dashboard's queries in Prometheus's own graph page and takes a screenshot:
// Grafana does not run on the machine the docs are made on, Prometheus does (Debian's package).
// Each dashboard panel becomes one Prometheus panel: its title as a PromQL comment, its queries
// joined with `or`, each named by its legend (label_replace), the node selector set to all nodes.
//
//   node e2e/grafana-queries.mjs <dashboard.json> <prometheus-url> <out.png> [range, e.g. 10m]
import { readFileSync } from 'node:fs'
import { launchChromium } from './browser.mjs'

const [dashboardFile, prometheus, out, range = '10m'] = process.argv.slice(2)
if (!out) {
  console.error(
    'usage: node e2e/grafana-queries.mjs <dashboard.json> <prometheus-url> <out.png> [range]',
  )
  process.exit(2)
}
const dashboard = JSON.parse(readFileSync(dashboardFile, 'utf8'))

function legendOf(target) {
  // The legend's fixed words name the series ("{{instance}} threads" → "threads"); its labels stay
  // on the series anyway. Named series also keep `or` from dropping one with the same labels.
  return (target.legendFormat ?? '').replaceAll(/\{\{[^}]*\}\}/g, '').trim() || null
}

function promql(panel) {
  const parts = panel.targets.map((target) => {
    const expr = target.expr.replaceAll('$node', '.*')
    const legend = legendOf(target)
    return legend ? `label_replace(${expr}, "series", "${legend}", "", "")` : expr
  })
  return `# ${panel.title}\n${parts.join('\nor\n')}`
}

const panels = dashboard.panels.filter((panel) => panel.targets?.length)

/** Prometheus's graph page with {@code some} panels (its classic page reads g0 to g9 only). */
function graphPage(some) {
  const params = new URLSearchParams()
  some.forEach((panel, i) => {
    params.set(`g${i}.expr`, promql(panel))
    params.set(`g${i}.tab`, '0')
    params.set(`g${i}.stacked`, '0')
    params.set(`g${i}.range_input`, range)
  })
  return `${prometheus}/graph?${params}`
}

const browser = await launchChromium()
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } })
  const pictures = []
  for (let first = 0; first < panels.length; first += 10) {
    const some = panels.slice(first, first + 10)
    await page.goto(graphPage(some))
    // Every panel has drawn its graph (an axis and a plot, two SVGs) before the pictures.
    await page.waitForFunction(
      (count) => document.querySelectorAll('.graph_area svg').length >= 2 * count,
      some.length,
      { timeout: 60_000 },
    )
    const errors = await page.locator('.graph_wrapper .alert-danger').allTextContents()
    if (errors.some((text) => text.trim())) {
      throw new Error(`Prometheus refused a query: ${errors.join(' | ')}`)
    }
    // The graph and its legend, without the range and resolution controls above them.
    await page.addStyleTag({ content: '.graph_container > .clearfix { display: none }' })
    for (let i = 0; i < some.length; i++) {
      pictures.push((await page.locator('.graph_container').nth(i).screenshot()).toString('base64'))
    }
  }
  // One sheet, three panels a row, each under its dashboard title.
  const cells = panels
    .map(
      (panel, i) =>
        `<figure><figcaption>${panel.title}</figcaption><img src="data:image/png;base64,${pictures[i]}"></figure>`,
    )
    .join('')
  await page.setViewportSize({ width: 1500, height: 900 })
  await page.setContent(`<style>
      body { font: 15px sans-serif; margin: 12px; display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px; }
      figure { margin: 0; border: 1px solid #ccc; padding: 6px; }
      figcaption { font-weight: bold; margin-bottom: 4px; }
      img { width: 100%; }
    </style>${cells}`)
  await page.screenshot({ path: out, fullPage: true })
  console.log(`grafana-queries: ${panels.length} panels from ${dashboardFile} → ${out}`)
} finally {
  await browser.close()
}
