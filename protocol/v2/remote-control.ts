// The remote-control family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const RemoteControlEnableParams = v2('RemoteControlEnableParams', t.object({
  ephemeral: t.optional(t.boolean()),
}))

export const RemoteControlEnableResponse = v2('RemoteControlEnableResponse', t.object({
  status: t.ref('RemoteControlConnectionStatus'),
  serverName: t.string(),
  installationId: t.string(),
  environmentId: t.option(t.string()),
}))

export const RemoteControlDisableParams = v2('RemoteControlDisableParams', t.object({
  ephemeral: t.optional(t.boolean()),
}))

export const RemoteControlDisableResponse = v2('RemoteControlDisableResponse', t.object({
  status: t.ref('RemoteControlConnectionStatus'),
  serverName: t.string(),
  installationId: t.string(),
  environmentId: t.option(t.string()),
}))

export const RemoteControlPairingStartParams = v2('RemoteControlPairingStartParams', t.object({
  manualCode: t.optional(t.boolean()),
}))

export const RemoteControlPairingStartResponse = v2('RemoteControlPairingStartResponse', t.object({
  pairingCode: t.string(),
  manualPairingCode: t.option(t.string()),
  environmentId: t.string(),
  expiresAt: t.int('int64'),
}))

export const RemoteControlPairingStatusParams = v2('RemoteControlPairingStatusParams', t.object({
  pairingCode: t.option(t.string()),
  manualPairingCode: t.option(t.string()),
}))

export const RemoteControlPairingStatusResponse = v2('RemoteControlPairingStatusResponse', t.object({
  claimed: t.boolean(),
}))

export const RemoteControlClientsListParams = v2('RemoteControlClientsListParams', t.object({
  environmentId: t.string(),
  cursor: t.option(t.string()),
  limit: t.option(t.uint('uint32')),
  order: t.option(t.ref('RemoteControlClientsListOrder')),
}))

export const RemoteControlClientsListResponse = v2('RemoteControlClientsListResponse', t.object({
  data: t.array(t.ref('RemoteControlClient')),
  nextCursor: t.option(t.string()),
}))

export const RemoteControlClientsRevokeParams = v2('RemoteControlClientsRevokeParams', t.object({
  environmentId: t.string(),
  clientId: t.string(),
}))

export const RemoteControlClientsRevokeResponse = v2('RemoteControlClientsRevokeResponse', t.object({}))

export const RemoteControlStatusChangedNotification = v2('RemoteControlStatusChangedNotification', t.object({
  status: t.ref('RemoteControlConnectionStatus'),
  serverName: t.string(),
  installationId: t.string(),
  environmentId: t.option(t.string()),
}))

export const RemoteControlClient = v2('RemoteControlClient', t.object({
  clientId: t.string(),
  displayName: t.option(t.string()),
  deviceType: t.option(t.string()),
  platform: t.option(t.string()),
  osVersion: t.option(t.string()),
  deviceModel: t.option(t.string()),
  appVersion: t.option(t.string()),
  lastSeenAt: t.option(t.int('int64')),
}))

export const RemoteControlClientsListOrder = v2('RemoteControlClientsListOrder', t.enum(['asc', 'desc']))

export const RemoteControlConnectionStatus = v2('RemoteControlConnectionStatus', t.enum(['disabled', 'connecting', 'connected', 'errored']))

export const RemoteControlStatusReadResponse = v2('RemoteControlStatusReadResponse', t.object({
  status: t.ref('RemoteControlConnectionStatus'),
  serverName: t.string(),
  installationId: t.string(),
  environmentId: t.option(t.string()),
}))
