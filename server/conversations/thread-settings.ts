// The settings a thread runs with (model, approval policy, sandbox, …): chosen when it starts,
// changed by later turns, reported by thread/start, thread/resume and thread/fork.
import type { ApprovalsReviewer, AskForApproval, CollaborationMode, DynamicToolSpec, Personality, ReasoningEffort, ReasoningSummary, SandboxMode, SandboxPolicy } from '../../generated/experimental/index.js'
import { MODEL_CATALOG, MODEL_PROVIDER_ID } from '../handlers/model-catalog.js'

export interface ThreadSettings {
  model: string
  modelProvider: string
  serviceTier: string | null
  approvalPolicy: AskForApproval
  approvalsReviewer: ApprovalsReviewer
  sandbox: SandboxPolicy
  reasoningEffort: ReasoningEffort | null
  /** Set only by thread/settings/update (older histories lack them): see thread-settings-update.ts. */
  summary?: ReasoningSummary | null
  disabledPluginIds?: string[]
  collaborationMode?: CollaborationMode
  personality?: Personality | null
  /** Tools the client provides (thread/start `dynamicTools`); absent in histories written before they were kept. */
  dynamicTools?: DynamicToolSpec[]
}

/** What a client may ask for on thread/start, thread/resume, thread/fork or turn/start. */
export interface SettingsRequest {
  model?: string | null | undefined
  modelProvider?: string | null | undefined
  serviceTier?: string | null | undefined
  approvalPolicy?: AskForApproval | null | undefined
  approvalsReviewer?: ApprovalsReviewer | null | undefined
  sandbox?: SandboxMode | null | undefined
  sandboxPolicy?: SandboxPolicy | null | undefined
  effort?: ReasoningEffort | null | undefined
  dynamicTools?: DynamicToolSpec[] | null | undefined
}

const DEFAULT_MODEL = MODEL_CATALOG.find((model) => model.isDefault) ?? MODEL_CATALOG[0]!

export function defaultSettings(): ThreadSettings {
  return {
    model: DEFAULT_MODEL.id,
    modelProvider: MODEL_PROVIDER_ID,
    serviceTier: null,
    approvalPolicy: 'on-request',
    approvalsReviewer: 'user',
    sandbox: { type: 'readOnly', networkAccess: false },
    reasoningEffort: DEFAULT_MODEL.defaultReasoningEffort,
  }
}

/** `base` with what the request sets; a model change brings that model's default effort. */
export function applySettings(base: ThreadSettings, request: SettingsRequest): ThreadSettings {
  const model = request.model ?? base.model
  const modelChanged = model !== base.model
  return {
    ...base,
    model,
    modelProvider: request.modelProvider ?? base.modelProvider,
    serviceTier: request.serviceTier ?? base.serviceTier,
    approvalPolicy: request.approvalPolicy ?? base.approvalPolicy,
    approvalsReviewer: request.approvalsReviewer ?? base.approvalsReviewer,
    sandbox: request.sandboxPolicy ?? (request.sandbox ? sandboxPolicyOf(request.sandbox) : base.sandbox),
    reasoningEffort: request.effort ?? (modelChanged ? defaultEffortOf(model) : base.reasoningEffort),
    ...((request.dynamicTools ?? base.dynamicTools) ? { dynamicTools: request.dynamicTools ?? base.dynamicTools } : {}),
  }
}

function sandboxPolicyOf(mode: SandboxMode): SandboxPolicy {
  switch (mode) {
    case 'read-only':
      return { type: 'readOnly', networkAccess: false }
    case 'workspace-write':
      return { type: 'workspaceWrite', writableRoots: [], networkAccess: false, excludeTmpdirEnvVar: false, excludeSlashTmp: false }
    case 'danger-full-access':
      return { type: 'dangerFullAccess' }
  }
}

function defaultEffortOf(model: string): ReasoningEffort | null {
  return MODEL_CATALOG.find((entry) => entry.id === model)?.defaultReasoningEffort ?? null
}
