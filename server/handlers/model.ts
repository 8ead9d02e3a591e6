// model/list: the fixed catalog of this server's models, paged by offset as codex pages it; and
// collaborationMode/list: the two presets codex offers (plan and default).
import { defineHandlers, ErrorCode, RpcError } from '../handler-types.js'
import { MODEL_CATALOG, MODEL_PROVIDER_ID } from './model-catalog.js'
import { pageByOffset } from './paging.js'
import type { HandlerFamily } from './family.js'

/** model/list and collaborationMode/list over fixed catalogs: no state. */
export function modelFamily(): HandlerFamily {
  return { name: 'model', handlers: HANDLERS }
}

const HANDLERS = defineHandlers({
  'collaborationMode/list': () => ({
    data: [
      { name: 'Plan', mode: 'plan', model: null, reasoning_effort: 'medium' },
      { name: 'Default', mode: 'default', model: null, reasoning_effort: null },
    ],
  }),

  'model/list': ({ modelProvider, cursor, limit, includeHidden }) => {
    if (modelProvider != null && modelProvider !== MODEL_PROVIDER_ID) {
      throw new RpcError(
        ErrorCode.invalidRequest,
        `This chat uses model provider “${modelProvider}”, which is no longer configured. Restore this provider’s configuration to continue.`,
        { type: 'modelProviderNotConfigured', modelProvider },
      )
    }
    const models = includeHidden === true ? MODEL_CATALOG : MODEL_CATALOG.filter((model) => !model.hidden)
    return pageByOffset(models, cursor, limit, 'models')
  },
})
