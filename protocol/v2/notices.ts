// The notices family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const WarningNotification = v2('WarningNotification', t.object({
  threadId: t.option(t.string()),
  message: t.string(),
}))

export const GuardianWarningNotification = v2('GuardianWarningNotification', t.object({
  threadId: t.string(),
  message: t.string(),
}))

export const DeprecationNoticeNotification = v2('DeprecationNoticeNotification', t.object({
  summary: t.string(),
  details: t.option(t.string()),
}))
