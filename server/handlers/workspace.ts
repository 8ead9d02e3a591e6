// The families of the workspace area (projects, features, providers, permission profiles, …),
// created together because they share the server's config store and its threads.
import type { ThreadManager } from '../conversations/thread-manager.js'
import type { ConfigStore } from './config-store.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'
import { FeatureFamily } from './features.js'
import { FuzzyFileSearchFamily } from './fuzzy-file-search.js'
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
  ]
}
