// windowsSandbox/*: the Windows sandbox exists only on Windows; elsewhere codex reports it not
// configured and a set-up that starts and fails at once, and so does this server.
import { defineHandlers } from '../handler-types.js'
import type { HandlerFamily } from './family.js'

export function windowsSandboxFamily(): HandlerFamily {
  return { name: 'windows-sandbox', handlers: HANDLERS, offlineErrors: ['windowsSandbox/readiness', 'windowsSandbox/setupStart'] }
}

const HANDLERS = defineHandlers({
  'windowsSandbox/readiness': () => ({ status: 'notConfigured' as const }),
  'windowsSandbox/setupStart': ({ mode }, context) => {
    context.afterResponse(() => {
      context.notify('windowsSandbox/setupCompleted', { mode, success: false, error: `${mode === 'elevated' ? 'elevated' : 'legacy'} Windows sandbox setup is only supported on Windows` })
    })
    return { started: true }
  },
})
