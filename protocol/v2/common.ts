// The common family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const root = typesIn('root')
const v2 = typesIn('v2')

export const AbsolutePathBuf = v2('AbsolutePathBuf', t.string())

export const LegacyAppPathString = v2('LegacyAppPathString', t.string())

export const SortDirection = v2('SortDirection', t.enum(['asc', 'desc']))

export const NetworkApprovalContext = root('NetworkApprovalContext', t.object({
  host: t.string(),
  protocol: t.ref('NetworkApprovalProtocol'),
}))

export const NetworkPolicyAmendment = root('NetworkPolicyAmendment', t.object({
  host: t.string(),
  action: t.ref('NetworkPolicyRuleAction'),
}))

export const NetworkApprovalProtocol = v2('NetworkApprovalProtocol', t.enum(['http', 'https', 'socks5Tcp', 'socks5Udp']))

export const NetworkPolicyRuleAction = root('NetworkPolicyRuleAction', t.enum(['allow', 'deny']))

export const ThreadId = v2('ThreadId', t.string())
