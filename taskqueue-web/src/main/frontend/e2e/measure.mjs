// Measures the console in headless Chromium against a running stack (not a test; numbers for
// the README and closing notes): time to first render, sign-in to first numbers, page loads,
// and frame rate, long tasks and heap while a flood of jobs streams events.
//   BASE_URL=http://127.0.0.1:8080 ADMIN_KEY=... node e2e/measure.mjs [floodJobs]
import { apiClient, launchChromium } from './browser.mjs'

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080'
const key = process.env.ADMIN_KEY
const floodJobs = Number(process.argv[2] ?? 20000)
if (!key) throw new Error('ADMIN_KEY is not set')
const api = apiClient(base, key)

async function timed(action) {
  const start = performance.now()
  await action()
  return Math.round(performance.now() - start)
}

/** Frames, long tasks and heap in the page over `ms` milliseconds. */
async function watch(page, ms) {
  return page.evaluate(async (duration) => {
    const longTasks = []
    const observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => longTasks.push(e.duration)),
    )
    observer.observe({ type: 'longtask' })
    let frames = 0
    let worstFrame = 0
    let last = performance.now()
    const end = last + duration
    await new Promise((resolve) => {
      const tick = (now) => {
        frames += 1
        worstFrame = Math.max(worstFrame, now - last)
        last = now
        if (now < end) requestAnimationFrame(tick)
        else resolve()
      }
      requestAnimationFrame(tick)
    })
    observer.disconnect()
    const heap = performance.memory ? Math.round(performance.memory.usedJSHeapSize / 1e6) : null
    return {
      fps: Math.round((frames / duration) * 1000),
      worstFrameMs: Math.round(worstFrame),
      longTasks: longTasks.length,
      longTaskMsTotal: Math.round(longTasks.reduce((a, b) => a + b, 0)),
      longTaskMsMax: Math.round(Math.max(0, ...longTasks)),
      heapMB: heap,
    }
  }, ms)
}

const browser = await launchChromium(['--enable-precise-memory-info'])
const result = {}
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(base + '/')
  await page.getByLabel('API key or token').waitFor()
  result.firstRender = await page.evaluate(() => ({
    firstContentfulPaintMs: Math.round(
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
    ),
    signInFormMs: Math.round(performance.now()),
    transferredKB: Math.round(
      performance
        .getEntriesByType('resource')
        .concat(performance.getEntriesByType('navigation'))
        .reduce((sum, e) => sum + (e.transferSize ?? 0), 0) / 1024,
    ),
  }))
  await page.getByLabel('API key or token').fill(key)
  const completed = page.locator('.stat', {
    has: page.locator('.stat__label', { hasText: /^completed$/ }),
  })
  result.signInToNumbersMs = await timed(async () => {
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForFunction(() => {
      const card = [...document.querySelectorAll('.stat')].find(
        (c) => c.querySelector('.stat__label')?.textContent === 'completed',
      )
      return /\d/.test(card?.querySelector('.stat__value')?.textContent ?? '')
    })
  })
  result.completedCard = await completed.locator('.stat__value').textContent()
  result.jobsPageMs = await timed(async () => {
    await page.getByRole('link', { name: 'Jobs', exact: true }).click()
    await page.getByRole('heading', { name: 'Jobs' }).waitFor()
    await page.locator('tbody tr').or(page.getByText('No jobs match.')).first().waitFor()
  })
  result.jobsFilteredDeadMs = await timed(async () => {
    await page.getByLabel('Status').selectOption('dead')
    await page.getByRole('button', { name: 'Apply' }).click()
    // A row of a dead job, or the empty list's message on a database without dead jobs.
    await page
      .locator('tbody tr .badge', { hasText: 'dead' })
      .or(page.getByText('No jobs match.'))
      .first()
      .waitFor()
  })
  result.jobsNextPageMs = await timed(async () => {
    if (await page.getByRole('button', { name: 'Next' }).isDisabled()) return
    const first = await page.locator('tbody tr a').first().textContent()
    await page.getByRole('button', { name: 'Next' }).click()
    await page.waitForFunction(
      (id) => document.querySelector('tbody tr a')?.textContent !== id,
      first,
    )
  })
  result.deadLettersMs = await timed(async () => {
    await page.getByRole('link', { name: 'Dead letters' }).click()
    await page.getByRole('heading', { name: 'Dead letters' }).waitFor()
    await page.locator('tbody tr').or(page.getByText(/^No /)).first().waitFor()
  })

  // The flood: jobs submitted in batches while the feed, then the overview, is on screen.
  await page.getByRole('link', { name: 'Live feed' }).click()
  await page.getByRole('heading', { name: 'Live feed' }).waitFor()
  result.idleFeed = await watch(page, 3000)
  let submitted = 0
  const submitting = (async () => {
    while (submitted < floodJobs) {
      await api(
        'POST',
        '/api/jobs/batch',
        Array.from({ length: 1000 }, () => ({ type: 'noop' })),
      )
      submitted += 1000
    }
  })()
  const before = (await api('GET', '/api/stats')).totals.completed
  result.floodFeed = await watch(page, 15000)
  result.feedEntriesShown = await page.locator('.feed-entry').count()
  await page.getByRole('link', { name: 'Overview' }).click()
  result.floodOverview = await watch(page, 15000)
  const after = (await api('GET', '/api/stats')).totals.completed
  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT })
  result.eventsPerSecondDuringFlood = Math.round(((after - before) * 3) / 30)
  await submitting
  result.floodJobs = submitted
} finally {
  await browser.close()
}
console.log(JSON.stringify(result, null, 2))
