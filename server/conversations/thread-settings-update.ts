// thread/settings/update: the settings a thread applies to its next turns, changed field by field
// (absent keeps a value), and those settings as the `thread/settings/updated` notification shows
// them. Observed on codex 0.169.0: test/server/fixtures/codex-0.169.0/conversations/j-thread-misc.jsonl.
import { isAbsolute } from 'node:path'
import type { ThreadSettings as WireThreadSettings, ThreadSettingsUpdateParams } from '../../generated/experimental/index.js'
import type { LoadedThread } from './loaded-thread.js'
import { threadFamilyErrors } from './thread-family-errors.js'
import { applySettings, type ThreadSettings } from './thread-settings.js'

/** The settings and working directory after the update; a relative `cwd` is ignored, as codex ignores it. */
export function updatedSettings(settings: ThreadSettings, cwd: string, params: ThreadSettingsUpdateParams): { settings: ThreadSettings; cwd: string } {
  if (params.permissions != null) {
    if (params.sandboxPolicy != null) throw threadFamilyErrors.permissionsWithSandbox()
    // The server's configuration defines no permission profiles.
    throw threadFamilyErrors.noPermissionsTable()
  }
  const next: ThreadSettings = {
    ...applySettings(settings, { model: params.model, approvalPolicy: params.approvalPolicy, approvalsReviewer: params.approvalsReviewer, sandboxPolicy: params.sandboxPolicy, effort: params.effort }),
    // Absent keeps the tier, null clears it.
    serviceTier: params.serviceTier === undefined ? settings.serviceTier : params.serviceTier,
  }
  if (params.summary != null) next.summary = params.summary
  if (params.disabledPluginIds != null) next.disabledPluginIds = params.disabledPluginIds
  if (params.collaborationMode != null) next.collaborationMode = params.collaborationMode
  if (params.personality != null) next.personality = params.personality
  return { settings: next, cwd: params.cwd != null && isAbsolute(params.cwd) ? params.cwd : cwd }
}

/** The thread's settings for its next turns, as codex reports them. */
export function wireSettings(thread: LoadedThread): WireThreadSettings {
  const settings = thread.settings
  const cwd = thread.meta.cwd
  const mode = settings.collaborationMode
  return {
    disabledPluginIds: settings.disabledPluginIds ?? [],
    cwd,
    environments: [{ environmentId: 'local', cwd, runtimeWorkspaceRoots: [cwd] }],
    approvalPolicy: settings.approvalPolicy,
    approvalsReviewer: settings.approvalsReviewer,
    sandboxPolicy: settings.sandbox,
    activePermissionProfile: null,
    model: settings.model,
    modelProvider: settings.modelProvider,
    serviceTier: settings.serviceTier,
    effort: settings.reasoningEffort,
    summary: settings.summary ?? null,
    // The mode's own model settings follow the thread's (codex shows them so).
    collaborationMode: {
      mode: mode?.mode ?? 'default',
      settings: { model: settings.model, reasoning_effort: settings.reasoningEffort, developer_instructions: mode?.settings.developer_instructions ?? null },
    },
    multiAgentMode: 'explicitRequestOnly',
    personality: settings.personality ?? null,
  }
}
