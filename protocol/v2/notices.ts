// The notices family: server notifications that carry warnings and deprecation notices meant to be
// shown to the user.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const WarningNotification = v2('WarningNotification', t.object({
  threadId: t.option(t.string(), { description: 'Thread the warning is about; null when it is not tied to a thread.' }),
  message: t.describe('Short warning text to show to the user.', t.string()),
}), 'A warning for the user, sent as the `warning` notification.')

export const GuardianWarningNotification = v2('GuardianWarningNotification', t.object({
  threadId: t.describe('Thread the warning is about.', t.string()),
  message: t.describe('Short warning text to show to the user.', t.string()),
}), 'A warning raised by the guardian reviewer for a thread, sent as the `guardianWarning` notification.')

export const DeprecationNoticeNotification = v2('DeprecationNoticeNotification', t.object({
  summary: t.describe('One-line statement of what is deprecated.', t.string()),
  details: t.option(t.string(), { description: 'Further explanation or migration advice; null when there is none.' }),
}), 'Tells the client that a feature or setting it relies on is deprecated.')
