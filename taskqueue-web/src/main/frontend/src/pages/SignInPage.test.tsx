import { fireEvent, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, createApi, type Api } from '../services/api'
import { SignInPage } from './SignInPage'

vi.mock('../services/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../services/api')>()
  return { ...actual, createApi: vi.fn() }
})

const mockedCreateApi = vi.mocked(createApi)

function mockMe(me: Api['me']) {
  mockedCreateApi.mockReturnValue({ me } as unknown as Api)
}

function submit(key: string) {
  fireEvent.change(screen.getByLabelText('API key or token'), { target: { value: key } })
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
}

describe('SignInPage', () => {
  beforeEach(() => {
    mockedCreateApi.mockReset()
  })

  it('shows "Key refused" on 401', async () => {
    mockMe(() => Promise.reject(new ApiError(401, 'Unauthorized')))
    const onSignedIn = vi.fn()
    render(<SignInPage onSignedIn={onSignedIn} />)
    submit('tq_wrong')
    expect(await screen.findByRole('alert')).toHaveTextContent('Key refused')
    expect(mockedCreateApi).toHaveBeenCalledWith('tq_wrong')
    expect(onSignedIn).not.toHaveBeenCalled()
  })

  it('reports other failures without calling them a refusal', async () => {
    mockMe(() => Promise.reject(new ApiError(503, 'Service Unavailable')))
    render(<SignInPage onSignedIn={vi.fn()} />)
    submit('tq_key')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('503')
    expect(alert).not.toHaveTextContent('Key refused')
  })

  it('hands the trimmed key and identity over on success', async () => {
    const me = { name: 'ops', via: 'api-key', roles: ['viewer' as const] }
    mockMe(() => Promise.resolve(me))
    const onSignedIn = vi.fn()
    render(<SignInPage onSignedIn={onSignedIn} />)
    submit('  tq_good  ')
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('tq_good', me))
  })
})
