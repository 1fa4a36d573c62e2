import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../services/api'
import type { RetentionInfo } from '../../services/types'
import { RetentionForm } from './RetentionForm'

const retention: RetentionInfo = {
  completedDays: 7,
  deadDays: 30,
  cancelledDays: 30,
  auditDays: 365,
  configured: { completedDays: 7, deadDays: 30, cancelledDays: 30, auditDays: 365 },
}

const field = (name: RegExp) => screen.getByLabelText(name) as HTMLInputElement

describe('RetentionForm', () => {
  it('sends only the ages that changed', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined)
    render(<RetentionForm retention={retention} onSave={onSave} onCancel={() => {}} />)
    fireEvent.change(field(/Completed jobs/), { target: { value: '3' } })
    fireEvent.change(field(/Audit entries/), { target: { value: '0' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ completedDays: 3, auditDays: 0 }))
  })

  it('goes back to the configured ages', async () => {
    const onSave = vi.fn().mockResolvedValue(undefined)
    render(<RetentionForm retention={retention} onSave={onSave} onCancel={() => {}} />)
    fireEvent.click(screen.getByRole('button', { name: 'Use configured' }))
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        completedDays: null,
        deadDays: null,
        cancelledDays: null,
        auditDays: null,
      }),
    )
  })

  // The browser already refuses negative and fractional numbers (min 0, step 1); an emptied
  // field gets past it.
  it('refuses an empty age before sending anything', () => {
    const onSave = vi.fn()
    render(<RetentionForm retention={retention} onSave={onSave} onCancel={() => {}} />)
    fireEvent.change(field(/Dead jobs/), { target: { value: '' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(screen.getByRole('alert')).toHaveTextContent('Dead jobs: a whole number of days')
    expect(onSave).not.toHaveBeenCalled()
  })

  it("shows the server's reason when it refuses", async () => {
    const onSave = vi.fn().mockRejectedValue(new ApiError(400, 'completedDays must be 0 to 36500'))
    render(<RetentionForm retention={retention} onSave={onSave} onCancel={() => {}} />)
    fireEvent.change(field(/Completed jobs/), { target: { value: '99999' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('completedDays must be 0 to 36500')
  })

  it('closes without a request when nothing changed', () => {
    const onSave = vi.fn()
    const onCancel = vi.fn()
    render(<RetentionForm retention={retention} onSave={onSave} onCancel={onCancel} />)
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(onCancel).toHaveBeenCalled()
    expect(onSave).not.toHaveBeenCalled()
  })
})
