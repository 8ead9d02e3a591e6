// remoteControl/*: pairing this server with ChatGPT's remote control needs a ChatGPT sign-in and
// the backend, neither of which exists here, so remote control stays disabled. Its status is
// real: the same one every connection receives right after initialize.
import { hostname } from 'node:os'
import { defineHandlers } from '../handler-types.js'
import { installationId } from '../home.js'
import { failsOffline } from './offline.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'

const SIGN_IN_REQUIRED = 'remote control requires ChatGPT authentication'

export class RemoteControlFamily implements HandlerFamily {
  readonly name = 'remote-control'
  readonly offlineErrors = [
    'remoteControl/enable', 'remoteControl/disable', 'remoteControl/pairing/start', 'remoteControl/pairing/status',
    'remoteControl/client/list', 'remoteControl/client/revoke',
  ] as const
  readonly handlers

  constructor(environment: Pick<FamilyEnvironment, 'home'>) {
    this.handlers = defineHandlers({
      'remoteControl/status/read': () => ({ status: 'disabled' as const, serverName: hostname(), installationId: installationId(environment.home), environmentId: null }),
      'remoteControl/enable': failsOffline(SIGN_IN_REQUIRED),
      'remoteControl/disable': failsOffline(SIGN_IN_REQUIRED),
      'remoteControl/pairing/start': failsOffline('remote control pairing requires remote control to be enabled'),
      'remoteControl/pairing/status': ({ pairingCode, manualPairingCode }) => {
        if (pairingCode == null && manualPairingCode == null) failsOffline('remoteControl/pairing/status requires pairingCode or manualPairingCode')()
        return failsOffline(SIGN_IN_REQUIRED)()
      },
      'remoteControl/client/list': failsOffline(SIGN_IN_REQUIRED),
      'remoteControl/client/revoke': failsOffline(SIGN_IN_REQUIRED),
    })
  }
}
