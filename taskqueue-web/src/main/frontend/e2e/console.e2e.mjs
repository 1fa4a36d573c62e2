// End-to-end scenarios for the console in Debian's headless Chromium, driven by playwright-core
// (no browser is downloaded). Run by ConsoleClusterIT against a node it can restart:
//   BASE_URL (the application), CONSOLE_URL (the console, BASE_URL unless set), ADMIN_KEY,
//   ARTIFACTS (screenshots), RESTARTED_FILE (appears after the restart).
// Prints "E2E ok <scenario>" per scenario and E2E:AWAIT-RESTART when the server should restart.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { apiClient, launchChromium } from './browser.mjs'

const base = required('BASE_URL')
const consoleUrl = process.env.CONSOLE_URL || base
const key = required('ADMIN_KEY')
const artifacts = required('ARTIFACTS')
const restartedFile = required('RESTARTED_FILE')
const SECOND = 1_000
const api = apiClient(base, key)

function required(name) {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}

async function until(what, condition, timeoutMs = 30 * SECOND) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`timed out waiting for ${what}`)
}

// Chart axes stay readable: x-axis time labels never overlap, and no y-axis label runs out of its
// drawing (a clipped "20000" read "0000").
async function axesReadable(page, where) {
  const trouble = await page.evaluate(() => {
    const found = []
    for (const chart of document.querySelectorAll('.chart')) {
      const title = chart.querySelector('.chart__title')?.textContent
      const ticks = (axis) =>
        [
          ...chart.querySelectorAll(
            `.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-value`,
          ),
        ].map((t) => ({
          text: t.textContent,
          box: t.getBoundingClientRect(),
          // A label is clipped to the svg it is drawn in.
          edge: t.closest('svg').getBoundingClientRect(),
        }))
      if (ticks('yAxis').length === 0) found.push(`"${title}" has no y-axis labels`)
      const x = ticks('xAxis').sort((a, b) => a.box.left - b.box.left)
      for (let i = 1; i < x.length; i++) {
        if (x[i].box.left < x[i - 1].box.right)
          found.push(`"${title}": "${x[i - 1].text}" and "${x[i].text}" overlap`)
      }
      for (const y of ticks('yAxis')) {
        if (y.box.left < y.edge.left - 0.5) found.push(`"${title}": "${y.text}" is cut off`)
      }
    }
    return found
  })
  if (trouble.length > 0) throw new Error(`${where}: ${trouble.join('; ')}`)
}

async function shot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true })
}

const browser = await launchChromium()
const problems = []
let page
try {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.setDefaultTimeout(30 * SECOND)

  // Signing in: a wrong key is refused, the admin key gets in.
  await page.goto(consoleUrl + '/')
  await page.getByLabel('API key or token').fill('tq_not-a-key')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByText('Key refused').waitFor()
  await shot(page, '01-sign-in-refused')
  console.log('E2E ok sign-in-refused')
  await page.getByLabel('API key or token').fill(key)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Overview' }).waitFor()
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor()
  console.log('E2E ok sign-in')

  // The overview shows numbers: five completed jobs appear in the status cards.
  await api(
    'POST',
    '/api/jobs/batch',
    Array.from({ length: 5 }, () => ({ type: 'noop' })),
  )
  const completed = page.locator('.stat', {
    has: page.locator('.stat__label', { hasText: /^completed$/ }),
  })
  await until('5 completed jobs on the overview', async () => {
    const text = await completed.locator('.stat__value').textContent()
    return Number((text ?? '').replace(/[^0-9]/g, '')) >= 5
  })
  await shot(page, '02-overview')
  console.log('E2E ok overview')

  // A job submitted through the API appears on the jobs page and turns completed, no reload.
  await page.getByRole('link', { name: 'Jobs', exact: true }).click()
  await page.getByRole('heading', { name: 'Jobs' }).waitFor()
  const slow = await api('POST', '/api/jobs', { type: 'sleep', payload: { ms: 1500 } })
  const slowRow = page.locator('tr', { has: page.getByRole('link', { name: slow.id }) })
  await slowRow.waitFor()
  await slowRow.getByText('completed').waitFor()
  console.log('E2E ok job-appears-and-completes')

  // Cancelling a long sleep job from the table.
  const long = await api('POST', '/api/jobs', { type: 'sleep', payload: { ms: 600000 } })
  const longRow = page.locator('tr', { has: page.getByRole('link', { name: long.id }) })
  await longRow.getByText('running').waitFor()
  await page.getByRole('button', { name: `Cancel job ${long.id}` }).click()
  await longRow.getByText('cancelled').waitFor()
  await until('the job cancelled in the API', async () => {
    return (await api('GET', `/api/jobs/${long.id}`)).status === 'cancelled'
  })
  await shot(page, '03-jobs')
  console.log('E2E ok cancel-from-ui')

  // Job detail page.
  await page.getByRole('link', { name: long.id }).click()
  await page.getByText('cancelled').first().waitFor()
  await shot(page, '04-job-detail')

  // Retrying a dead job from the dead-letter page: it fails once, then succeeds.
  const doomed = await api('POST', '/api/jobs', {
    type: 'fail',
    payload: { times: 1 },
    maxAttempts: 1,
  })
  await until(
    'the job dead',
    async () => (await api('GET', `/api/jobs/${doomed.id}`)).status === 'dead',
  )
  await page.getByRole('link', { name: 'Dead letters' }).click()
  await page.getByRole('heading', { name: 'Dead letters' }).waitFor()
  await shot(page, '05-dead-letters')
  await page.getByRole('button', { name: `Retry job ${doomed.id}` }).click()
  await until('the retried job completed', async () => {
    const job = await api('GET', `/api/jobs/${doomed.id}`)
    return job.status === 'completed' && job.attempt === 2
  })
  console.log('E2E ok retry-dead')

  // Its detail page lists both attempts: the failure with its error, then the success.
  await page.goto(`${consoleUrl}/#/jobs/${doomed.id}`)
  const attempts = page.getByRole('table', { name: 'Attempts' })
  await attempts.getByRole('cell', { name: 'failed', exact: true }).waitFor()
  await attempts.getByRole('cell', { name: 'completed', exact: true }).waitFor()
  await shot(page, '04-job-detail-attempts')
  console.log('E2E ok job-detail-attempts')

  // A running job's page shows its progress and its log live, as the handler reports them.
  const stepped = await api('POST', '/api/jobs', {
    type: 'sleep',
    payload: { ms: 6000, steps: 3 },
  })
  await page.goto(`${consoleUrl}/#/jobs/${stepped.id}`)
  await page.getByRole('region', { name: 'Progress' }).getByText('33% step 1 of 3').waitFor()
  await page.getByRole('list', { name: 'Log' }).getByText('finished step 1 of 3').waitFor()
  await page.locator('.job__title .badge--running').waitFor()
  await shot(page, '05-job-progress-log')
  await page.getByRole('list', { name: 'Log' }).getByText('finished step 3 of 3').waitFor()
  await page.locator('.job__title .badge--completed').waitFor()
  console.log('E2E ok job-progress-log')

  // A workflow: the join's page lists its parents; the workflow page shows every job level by
  // level, all completed.
  const flow = await api('POST', '/api/workflows', {
    jobs: [
      { key: 'fetch', type: 'echo', payload: { n: 1 } },
      { key: 'left', type: 'echo', parents: ['fetch'] },
      { key: 'right', type: 'echo', parents: ['fetch'] },
      { key: 'join', type: 'join', parents: ['left', 'right'] },
    ],
  })
  const joinId = flow.jobs.find((j) => j.key === 'join').id
  await page.goto(`${consoleUrl}/#/jobs/${joinId}`)
  const parentsList = page.getByRole('list', { name: 'Parents' })
  await parentsList.getByRole('link', { name: 'left' }).waitFor()
  await parentsList.getByRole('link', { name: 'right' }).waitFor()
  await page.locator('.job__title .badge--completed').waitFor()
  await page.getByRole('link', { name: `workflow ${flow.workflowId}` }).click()
  await page.getByRole('heading', { name: /Workflow/ }).waitFor()
  const flowTable = page.getByRole('table', { name: 'Workflow jobs' })
  await flowTable.getByRole('row').filter({ hasText: 'join' }).getByText('left, right').waitFor()
  await until(
    'every job of the workflow completed',
    async () => (await flowTable.locator('.badge--completed').count()) === 4,
  )
  await shot(page, '05-workflow')
  console.log('E2E ok workflow')

  await page.getByRole('link', { name: 'Workers' }).click()
  await page.getByRole('heading', { name: 'Workers' }).waitFor()
  await page.locator('article[aria-label^="Node "]').first().waitFor()
  await page.getByText(/\/w1$/).first().waitFor()
  await shot(page, '06-workers')
  console.log('E2E ok workers')

  // Schedules: create one in the form (its preview reads the cron in words and local time), run
  // it by hand, see its last run complete, pause and resume it, delete it.
  await page.getByRole('link', { name: 'Schedules' }).click()
  await page.getByRole('heading', { name: 'Schedules' }).waitFor()
  await page.getByRole('button', { name: 'New schedule' }).click()
  const form = page.getByRole('form', { name: 'Schedule' })
  await form.getByLabel('Name').fill('e2e-nightly')
  await form.getByLabel('Cron expression').fill('30 2 * * *')
  await form.getByLabel('Time zone').fill('America/New_York')
  await form.getByLabel('Job type').fill('echo')
  await form.getByRole('region', { name: 'Preview' }).getByText('at 02:30').waitFor()
  await form
    .getByRole('region', { name: 'Preview' })
    .getByText(/02:30:00 E[SD]T/)
    .first()
    .waitFor()
  await shot(page, '07-schedule-form')
  await form.getByRole('button', { name: 'Create schedule' }).click()
  const row = page.getByRole('row').filter({ hasText: 'e2e-nightly' })
  await row.waitFor()
  await row.getByRole('button', { name: 'Run now' }).click()
  await row.locator('.badge--completed').waitFor()
  await row.getByRole('button', { name: 'Pause' }).click()
  await row.locator('.badge--paused').waitFor()
  await row.getByRole('button', { name: 'Resume' }).click()
  await row.getByRole('button', { name: 'Pause' }).waitFor()
  await shot(page, '07-schedules')
  const stored = await api('GET', '/api/schedules/e2e-nightly')
  if (stored.timeZone !== 'America/New_York' || stored.lastRun?.status !== 'completed')
    throw new Error(`the schedule was not stored as entered: ${JSON.stringify(stored)}`)
  await row.getByRole('button', { name: 'Delete…' }).click()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await row.waitFor({ state: 'detached' })
  console.log('E2E ok schedules')

  // The live feed reconnects after the server restarts, and events flow again.
  await page.getByRole('link', { name: 'Live feed' }).click()
  await page.getByRole('heading', { name: 'Live feed' }).waitFor()
  const status = page
    .getByRole('status')
    .filter({ hasText: /Live|Reconnecting|Connecting|Disconnected/ })
  await status.filter({ hasText: 'Live' }).waitFor()
  console.log('E2E:AWAIT-RESTART')
  await status.filter({ hasText: 'Reconnecting' }).waitFor({ timeout: 120 * SECOND })
  await until('the server restarted', async () => existsSync(restartedFile), 300 * SECOND)
  await status.filter({ hasText: 'Live' }).waitFor({ timeout: 90 * SECOND })
  const after = await api('POST', '/api/jobs', { type: 'noop' })
  await page.locator('.feed').getByRole('link', { name: after.id }).first().waitFor()
  await page.locator('.feed-entry--job-completed').first().waitFor()
  await shot(page, '07-live-feed')
  console.log('E2E ok reconnect')

  // Phone width: the overview still renders, and with 12,000 jobs waiting (low is paused) the
  // charts' axes stay readable there and on a desktop.
  await api('POST', '/api/queues/low/pause')
  for (let batch = 0; batch < 12; batch++) {
    await api(
      'POST',
      '/api/jobs/batch',
      Array.from({ length: 1000 }, () => ({ type: 'noop', priority: 'low' })),
    )
  }
  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByRole('link', { name: 'Overview' }).click()
  await page.getByRole('heading', { name: 'Overview' }).waitFor()
  await until('the depth chart to count in thousands, with time labels', () =>
    page.evaluate(() => {
      const chart = [...document.querySelectorAll('.chart')].find((c) =>
        c.textContent.includes('Waiting jobs by priority'),
      )
      const text = (axis) =>
        [
          ...(chart?.querySelectorAll(
            `.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-value`,
          ) ?? []),
        ].map((t) => t.textContent)
      return text('yAxis').some((t) => t.endsWith('K')) && text('xAxis').length >= 2
    }),
  )
  await axesReadable(page, 'phone width')
  await shot(page, '08-overview-phone')
  await page.setViewportSize({ width: 1280, height: 900 })
  await axesReadable(page, 'desktop width')
  await shot(page, '09-overview-deep-queue')
  await api('POST', '/api/queues/low/resume')
  console.log('E2E ok chart-axes')

  const blocked = problems.filter((text) => /Content Security Policy|Refused to/i.test(text))
  if (blocked.length > 0)
    throw new Error(`the page broke its security policy: ${blocked.join('; ')}`)
  console.log('E2E ok no-csp-violations')
} catch (error) {
  console.log(`E2E failed: ${error instanceof Error ? error.stack : error}`)
  // What the page showed when it failed, beside the scenario's own screenshots.
  await page?.screenshot({ path: join(artifacts, 'failed.png'), fullPage: true }).catch(() => {})
  process.exitCode = 1
} finally {
  await browser.close()
}
