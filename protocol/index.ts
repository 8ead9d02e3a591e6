// The Codex app-server protocol as the generator reads it: the method registry, the envelope and
// every named type the family files declare.
import { isNamedType, type NamedType, type ProtocolDefinition } from './dsl/index.js'
import * as envelope from './envelope.js'
import { methodTables } from './registry.js'
import { SUPPORTED_VERSIONS } from './versions.js'
import * as v1Approvals from './v1/approvals.js'
import * as v1Initialize from './v1/initialize.js'
import * as v1Legacy from './v1/legacy.js'
import * as account from './v2/account.js'
import * as app from './v2/app.js'
import * as approvals from './v2/approvals.js'
import * as attestation from './v2/attestation.js'
import * as commandExec from './v2/command-exec.js'
import * as common from './v2/common.js'
import * as config from './v2/config.js'
import * as currentTime from './v2/current-time.js'
import * as environment from './v2/environment.js'
import * as experimentalFeature from './v2/experimental-feature.js'
import * as externalAgent from './v2/external-agent.js'
import * as feedback from './v2/feedback.js'
import * as fs from './v2/fs.js'
import * as fuzzyFileSearch from './v2/fuzzy-file-search.js'
import * as hooks from './v2/hooks.js'
import * as item from './v2/item.js'
import * as marketplace from './v2/marketplace.js'
import * as mcp from './v2/mcp.js'
import * as memory from './v2/memory.js'
import * as mock from './v2/mock.js'
import * as model from './v2/model.js'
import * as notices from './v2/notices.js'
import * as permissions from './v2/permissions.js'
import * as plugin from './v2/plugin.js'
import * as processes from './v2/process.js'
import * as project from './v2/project.js'
import * as realtime from './v2/realtime.js'
import * as remoteControl from './v2/remote-control.js'
import * as review from './v2/review.js'
import * as server from './v2/server.js'
import * as skills from './v2/skills.js'
import * as thread from './v2/thread.js'
import * as threadAttachment from './v2/thread-attachment.js'
import * as threadGoal from './v2/thread-goal.js'
import * as threadPrediction from './v2/thread-prediction.js'
import * as threadQueue from './v2/thread-queue.js'
import * as threadReadState from './v2/thread-read-state.js'
import * as threadSection from './v2/thread-section.js'
import * as threadTerminals from './v2/thread-terminals.js'
import * as turn from './v2/turn.js'
import * as userVerification from './v2/user-verification.js'
import * as windowsSandbox from './v2/windows-sandbox.js'

// Each family is one protocol file, named by its path below protocol/ without `.ts` (`v2/` left out).
const families = {
  envelope,
  'v1/approvals': v1Approvals,
  'v1/initialize': v1Initialize,
  'v1/legacy': v1Legacy,
  account,
  app,
  approvals,
  attestation,
  'command-exec': commandExec,
  common,
  config,
  'current-time': currentTime,
  environment,
  'experimental-feature': experimentalFeature,
  'external-agent': externalAgent,
  feedback,
  fs,
  'fuzzy-file-search': fuzzyFileSearch,
  hooks,
  item,
  marketplace,
  mcp,
  memory,
  mock,
  model,
  notices,
  permissions,
  plugin,
  process: processes,
  project,
  realtime,
  'remote-control': remoteControl,
  review,
  server,
  skills,
  thread,
  'thread-attachment': threadAttachment,
  'thread-goal': threadGoal,
  'thread-prediction': threadPrediction,
  'thread-queue': threadQueue,
  'thread-read-state': threadReadState,
  'thread-section': threadSection,
  'thread-terminals': threadTerminals,
  turn,
  'user-verification': userVerification,
  'windows-sandbox': windowsSandbox,
}

const namedTypesOf = (family: object): NamedType[] => Object.values(family).filter(isNamedType)

export const protocol: ProtocolDefinition = {
  versions: SUPPORTED_VERSIONS,
  tables: methodTables,
  standaloneTypes: envelope.envelopeTypes,
  types: Object.values(families).flatMap(namedTypesOf),
  families: Object.fromEntries(Object.entries(families).map(([name, family]) => [name, namedTypesOf(family)])),
}
