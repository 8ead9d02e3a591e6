// The server's view of generated/meta-model.json: methods by wire name, type schemas and the
// experimental gates. Everything the core decides per method (params presence, scope, gating,
// result type) comes from here, never from hand-written lists.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { GateCheck, MetaModel, ParamsModel, ScopeModel } from '../../protocol/model/meta-model.js'
import { ModelTypes } from './model-types.js'

export type { ArmMatch, GateCheck, PathLocation, Presence, SchemaNode, ScopeModel, UnionShape } from '../../protocol/model/meta-model.js'
export { ModelTypes } from './model-types.js'

/** The parts of generated/meta-model.json that the server reads. */
type MetaModelFile = Pick<MetaModel, 'metaModelVersion' | 'codexVersion' | 'methods' | 'types' | 'gates' | 'unions' | 'absolutePaths'>

/** The meta model format this server reads. */
const META_MODEL_VERSION: MetaModel['metaModelVersion'] = 2

export interface ClientRequestInfo {
  method: string
  params: ParamsModel
  result: string | undefined
  experimental: string | undefined
  /** Serialization scope; `perConnection` when its keys are private to one connection. */
  scope: ScopeModel
  inspectParams: boolean
  /** The protocol family that defines the method. */
  family: string | undefined
}

export interface OutboundInfo {
  method: string
  /** Params type name, when the message has params. */
  paramsType: string | undefined
  experimental: string | undefined
}

export interface ProtocolModel {
  codexVersion: string
  clientRequests: ReadonlyMap<string, ClientRequestInfo>
  clientNotifications: ReadonlySet<string>
  serverNotifications: ReadonlyMap<string, OutboundInfo>
  serverRequests: ReadonlyMap<string, OutboundInfo>
  /** Every accepted client request method, in registry order (codex's order in its unknown-variant error). */
  acceptedMethods: readonly string[]
  /** Named type schemas, with the stated shape of their unions and their absolute-path facts. */
  types: ModelTypes
  gates: Readonly<Record<string, GateCheck[]>>
}

/**
 * Reads and indexes the meta model; `repoRoot` is the folder holding generated/. Without
 * `codexVersion`, the default (latest) version's model; an older supported version's model sits
 * in generated/v<version>/.
 */
export function loadProtocolModel(repoRoot: string, codexVersion?: string): ProtocolModel {
  const path = codexVersion === undefined ? join(repoRoot, 'generated', 'meta-model.json') : versionedModelPath(repoRoot, codexVersion)
  let file: MetaModelFile
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as MetaModelFile
  } catch (error) {
    throw new Error(`cannot read the protocol model ${path}: ${(error as Error).message}`)
  }
  if (file.metaModelVersion !== META_MODEL_VERSION) {
    throw new Error(`the protocol model ${path} has format version ${String(file.metaModelVersion)}, this server reads version ${META_MODEL_VERSION} (run npm run write-app-server-schema)`)
  }
  if (codexVersion !== undefined && file.codexVersion !== codexVersion) throw new Error(`no protocol model for codex ${codexVersion} under ${join(repoRoot, 'generated')}`)
  return indexModel(file)
}

// The latest version's model is the plain one; asking for it by number finds it there.
function versionedModelPath(repoRoot: string, codexVersion: string): string {
  const older = join(repoRoot, 'generated', `v${codexVersion}`, 'meta-model.json')
  return existsSync(older) ? older : join(repoRoot, 'generated', 'meta-model.json')
}

function indexModel(file: MetaModelFile): ProtocolModel {
  const clientRequests = new Map<string, ClientRequestInfo>()
  const clientNotifications = new Set<string>()
  const serverNotifications = new Map<string, OutboundInfo>()
  const serverRequests = new Map<string, OutboundInfo>()
  const accepted: string[] = []
  for (const entry of file.methods) {
    const paramsType = entry.params.presence === 'none' ? undefined : entry.params.type
    switch (entry.direction) {
      case 'clientRequest':
        clientRequests.set(entry.method, {
          method: entry.method,
          params: entry.params,
          result: entry.result,
          experimental: entry.experimental,
          scope: entry.scope ?? { kind: 'none' },
          inspectParams: entry.inspectParams === true,
          family: entry.family,
        })
        accepted.push(entry.method)
        break
      case 'clientNotification':
        clientNotifications.add(entry.method)
        break
      case 'serverNotification':
        serverNotifications.set(entry.method, { method: entry.method, paramsType, experimental: entry.experimental })
        break
      case 'serverRequest':
        serverRequests.set(entry.method, { method: entry.method, paramsType, experimental: entry.experimental })
        break
    }
  }
  return {
    codexVersion: file.codexVersion,
    clientRequests,
    clientNotifications,
    serverNotifications,
    serverRequests,
    acceptedMethods: accepted,
    types: new ModelTypes(file),
    gates: file.gates,
  }
}
