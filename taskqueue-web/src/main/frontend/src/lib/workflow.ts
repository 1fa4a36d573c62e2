// Pure helpers for the workflow view.
import type { WorkflowMember } from '../services/types'

/** Depth of each job: 0 without parents in the workflow, else one more than its deepest parent. */
export function depths(jobs: WorkflowMember[]): Map<string, number> {
  const byId = new Map(jobs.map((j) => [j.id, j]))
  const depth = new Map<string, number>()
  const visit = (j: WorkflowMember): number => {
    const known = depth.get(j.id)
    if (known !== undefined) return known
    depth.set(j.id, 0) // a cycle cannot be stored; this only guards the recursion
    const parents = j.parents.map((p) => byId.get(p)).filter((p) => p !== undefined)
    const d = parents.length === 0 ? 0 : 1 + Math.max(...parents.map(visit))
    depth.set(j.id, d)
    return d
  }
  jobs.forEach(visit)
  return depth
}
