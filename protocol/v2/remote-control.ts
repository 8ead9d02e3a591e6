// The remote-control family: letting other devices (such as a phone) drive this Codex server
// through OpenAI's relay — turning it on and off, pairing new devices, and managing paired ones.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const RemoteControlEnableParams = v2('RemoteControlEnableParams', t.object({
  ephemeral: t.optional(t.describe('Only affect the running server process, without saving the setting (default false).', t.boolean())),
}), 'Parameters of `remoteControl/enable`.')

export const RemoteControlEnableResponse = v2('RemoteControlEnableResponse', t.object({
  status: t.describe('Connection state after the change.', t.ref('RemoteControlConnectionStatus')),
  serverName: t.describe('Name under which this server appears to remote devices.', t.string()),
  installationId: t.describe('Id of this Codex installation.', t.string()),
  environmentId: t.option(t.string(), { description: 'Id of this server\'s remote environment; null until one is registered.' }),
}), 'Result of `remoteControl/enable`: the remote-control state afterwards.')

export const RemoteControlDisableParams = v2('RemoteControlDisableParams', t.object({
  ephemeral: t.optional(t.describe('Only affect the running server process, without saving the setting (default false).', t.boolean())),
}), 'Parameters of `remoteControl/disable`. Disabling does not revoke paired devices.')

export const RemoteControlDisableResponse = v2('RemoteControlDisableResponse', t.object({
  status: t.describe('Connection state after the change.', t.ref('RemoteControlConnectionStatus')),
  serverName: t.describe('Name under which this server appears to remote devices.', t.string()),
  installationId: t.describe('Id of this Codex installation.', t.string()),
  environmentId: t.option(t.string(), { description: 'Id of this server\'s remote environment; null when there is none.' }),
}), 'Result of `remoteControl/disable`: the remote-control state afterwards.')

export const RemoteControlPairingStartParams = v2('RemoteControlPairingStartParams', t.object({
  manualCode: t.optional(t.describe('Also produce a short code that a person can type in (default false).', t.boolean())),
}), 'Parameters of `remoteControl/pairing/start`, which creates a code a new device uses to pair with this server.')

export const RemoteControlPairingStartResponse = v2('RemoteControlPairingStartResponse', t.object({
  pairingCode: t.describe('Code the other device presents to pair (for example through a QR code).', t.string()),
  manualPairingCode: t.option(t.string(), { description: 'Short code to type in by hand; present only when `manualCode` was set.' }),
  environmentId: t.describe('Remote environment the device will be paired with.', t.string()),
  expiresAt: t.describe('When the codes stop working, in Unix epoch seconds.', t.int('int64')),
}), 'Result of `remoteControl/pairing/start`.')

export const RemoteControlPairingStatusParams = v2('RemoteControlPairingStatusParams', t.object({
  pairingCode: t.option(t.string(), { description: 'Pairing code to check; give this or `manualPairingCode`.' }),
  manualPairingCode: t.option(t.string(), { description: 'Manual pairing code to check; give this or `pairingCode`.' }),
}), 'Parameters of `remoteControl/pairing/status`, which asks whether a device has used a pairing code yet.')

export const RemoteControlPairingStatusResponse = v2('RemoteControlPairingStatusResponse', t.object({
  claimed: t.describe('True once a device has paired using the code.', t.boolean()),
}), 'Result of `remoteControl/pairing/status`.')

export const RemoteControlClientsListParams = v2('RemoteControlClientsListParams', t.object({
  environmentId: t.describe('Remote environment whose paired devices to list.', t.string()),
  cursor: t.option(t.string(), { description: 'Opaque cursor from a previous page\'s `nextCursor`; absent for the first page.' }),
  limit: t.option(t.uint('uint32'), { description: 'Maximum number of devices to return; the server picks a page size when absent.' }),
  order: t.option(t.ref('RemoteControlClientsListOrder'), { description: 'Sort order of the list.' }),
}), 'Parameters of `remoteControl/client/list`.')

export const RemoteControlClientsListResponse = v2('RemoteControlClientsListResponse', t.object({
  data: t.describe('Paired devices on this page.', t.array(t.ref('RemoteControlClient'))),
  nextCursor: t.option(t.string(), { description: 'Cursor for the next page; null when this is the last page.' }),
}), 'One page of paired devices from `remoteControl/client/list`.')

export const RemoteControlClientsRevokeParams = v2('RemoteControlClientsRevokeParams', t.object({
  environmentId: t.describe('Remote environment the device is paired with.', t.string()),
  clientId: t.describe('Device to unpair.', t.string()),
}), 'Parameters of `remoteControl/client/revoke`, which removes a paired device\'s access.')

export const RemoteControlClientsRevokeResponse = v2('RemoteControlClientsRevokeResponse', t.object({}), 'Result of `remoteControl/client/revoke`; empty on success.')

export const RemoteControlStatusChangedNotification = v2('RemoteControlStatusChangedNotification', t.object({
  status: t.describe('New connection state.', t.ref('RemoteControlConnectionStatus')),
  serverName: t.describe('Name under which this server appears to remote devices.', t.string()),
  installationId: t.describe('Id of this Codex installation.', t.string()),
  environmentId: t.option(t.string(), { description: 'Id of this server\'s remote environment; null when there is none.' }),
}), 'Sent when the remote-control connection state or this server\'s remote identity changes.')

export const RemoteControlClient = v2('RemoteControlClient', t.object({
  clientId: t.describe('Id of the paired device.', t.string()),
  displayName: t.option(t.string(), { description: 'Name to show for the device.' }),
  deviceType: t.option(t.string(), { description: 'Kind of device, such as phone or computer.' }),
  platform: t.option(t.string(), { description: 'Operating system family.' }),
  osVersion: t.option(t.string(), { description: 'Operating system version.' }),
  deviceModel: t.option(t.string(), { description: 'Hardware model.' }),
  appVersion: t.option(t.string(), { description: 'Version of the app used on the device.' }),
  lastSeenAt: t.option(t.int('int64'), { description: 'When the device last connected (Unix time); null when it never has.' }),
}), 'A device paired for remote control.')

export const RemoteControlClientsListOrder = v2('RemoteControlClientsListOrder', t.enum(['asc', 'desc']), 'Sort order of the paired-device list.')

export const RemoteControlConnectionStatus = v2('RemoteControlConnectionStatus', t.enum(['disabled', 'connecting', 'connected', 'errored']), 'State of this server\'s connection to the remote-control relay.')

export const RemoteControlStatusReadResponse = v2('RemoteControlStatusReadResponse', t.object({
  status: t.describe('Current connection state.', t.ref('RemoteControlConnectionStatus')),
  serverName: t.describe('Name under which this server appears to remote devices.', t.string()),
  installationId: t.describe('Id of this Codex installation.', t.string()),
  environmentId: t.option(t.string(), { description: 'Id of this server\'s remote environment; null when there is none.' }),
}), 'Result of `remoteControl/status/read`: the current remote-control state.')
