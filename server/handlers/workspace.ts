// The families of the workspace area (projects, fuzzy file search, features, providers,
// permission profiles, environments, diagnostics, feedback, legacy v1 requests, external agent
// import), created together
// because they share the server's config store and its threads.
import type { ThreadManager } from '../conversations/thread-manager.js'
import type { ConfigStore } from './config-store.js'
import { diagnosticsFamily } from './diagnostics.js'
import { EnvironmentFamily } from './environments.js'
import { ExternalAgentFamily } from './external-agent.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'
import { FeatureFamily } from './features.js'
import { feedbackFamily } from './feedback.js'
import { FuzzyFileSearchFamily } from './fuzzy-file-search.js'
import { legacyFamily } from './legacy.js'
import { modelProviderFamily } from './model-providers.js'
import { permissionProfileFamily } from './permission-profiles.js'
import { ProjectFamily } from './projects.js'

export interface WorkspaceSources {
  config: ConfigStore
  threads: ThreadManager
}

export function workspaceFamilies(environment: FamilyEnvironment, { config, threads }: WorkspaceSources): HandlerFamily[] {
  return [
    new FuzzyFileSearchFamily(),
    new FeatureFamily({ config, isThreadLoaded: (threadId) => threads.loaded.has(threadId) }),
    modelProviderFamily(config),
    permissionProfileFamily(config),
    new ProjectFamily(environment, threads),
    new EnvironmentFamily(),
    diagnosticsFamily(environment),
    legacyFamily(threads),
    feedbackFamily(environment, threads),
    new ExternalAgentFamily(environment, config),
  ]
}
