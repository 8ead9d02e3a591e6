// The Codex app-server protocol as the generator reads it: the method registry, the envelope and
// every named type the family files declare.
import { isNamedType, type NamedType, type ProtocolDefinition } from './dsl/index.js'
import * as envelope from './envelope.js'
import { methodTables } from './registry.js'
import * as initialize from './v1/initialize.js'
import * as approvals from './v2/approvals.js'
import * as common from './v2/common.js'
import * as item from './v2/item.js'
import * as mock from './v2/mock.js'
import * as model from './v2/model.js'
import * as permissions from './v2/permissions.js'
import * as thread from './v2/thread.js'
import * as turn from './v2/turn.js'

const families = [envelope, initialize, approvals, common, item, mock, model, permissions, thread, turn]

export const protocol: ProtocolDefinition = {
  codexVersion: '0.169.0',
  tables: methodTables,
  standaloneTypes: envelope.envelopeTypes,
  types: families.flatMap((family) => Object.values(family).filter(isNamedType) as NamedType[]),
}
