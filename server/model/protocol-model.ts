// The server's view of generated/meta-model.json: methods by wire name, type schemas and the
// experimental gates. Everything the core decides per method (params presence, scope, gating,
// result type) comes from here, never from hand-written lists.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Scope } from '../../protocol/dsl/methods.js'

export type SchemaNode = { [key: string]: unknown }
export type Presence = 'notNull' | 'nonEmpty' | 'true' | 'present'
export type ArmMatch =
  | { by: 'tag'; field: string; value: string }
  | { by: 'key'; key: string }
  | { by: 'value'; value: string }
export type GateCheck =
  | { check: 'field'; field: string; reason: string; presence: Presence }
  | { check: 'nested'; field: string; via: 'value' | 'items' | 'values'; type: string }
  | { check: 'variant'; reason: string; match: ArmMatch }
  | { check: 'arm'; match: ArmMatch; checks: GateCheck[] }

type Direction = 'clientRequest' | 'serverRequest' | 'serverNotification' | 'clientNotification'
type ParamsModel = { presence: 'required' | 'optional'; type: string } | { presence: 'none' }

interface MethodEntry {
  direction: Direction
  method: string
  params: ParamsModel
  result?: string
  experimental?: string
  scope?: Scope
  inspectParams?: boolean
}

/** The shape of generated/meta-model.json that the server reads. */
interface MetaModelFile {
  codexVersion: string
  methods: MethodEntry[]
  types: { name: string; schema: SchemaNode }[]
  gates: Record<string, GateCheck[]>
}

export interface ClientRequestInfo {
  method: string
  params: ParamsModel
  result: string | undefined
  experimental: string | undefined
  scope: Scope
  inspectParams: boolean
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
  types: ReadonlyMap<string, SchemaNode>
  gates: Readonly<Record<string, GateCheck[]>>
}

/** Reads and indexes the meta model; `repoRoot` is the folder holding generated/. */
export function loadProtocolModel(repoRoot: string): ProtocolModel {
  const path = join(repoRoot, 'generated', 'meta-model.json')
  let file: MetaModelFile
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as MetaModelFile
  } catch (error) {
    throw new Error(`cannot read the protocol model ${path}: ${(error as Error).message}`)
  }
  return indexModel(file)
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
    types: new Map(file.types.map((type) => [type.name, type.schema])),
    gates: file.gates,
  }
}
