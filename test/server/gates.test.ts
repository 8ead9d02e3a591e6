import { describe, expect, it } from 'vitest'
import { REMOVED, experimentalUseIn, withoutExperimental } from '../../server/experimental/gates.js'
import { loadProtocolModel } from '../../server/model/protocol-model.js'
import { repoRoot } from './helpers/spawn-server.js'

const { gates } = loadProtocolModel(repoRoot)

describe('inbound experimental gate (from the meta model)', () => {
  it('reports the first experimental field in declaration order', () => {
    // ThreadStartParams declares mockExperimentalField before experimentalRawEvents.
    expect(experimentalUseIn({ experimentalRawEvents: true, mockExperimentalField: 'x' }, 'ThreadStartParams', gates)).toBe('thread/start.mockExperimentalField')
  })

  it('applies each presence rule', () => {
    expect(experimentalUseIn({ experimentalRawEvents: false, daybreakEnabled: null }, 'ThreadStartParams', gates)).toBeUndefined()
    expect(experimentalUseIn({ experimentalRawEvents: true }, 'ThreadStartParams', gates)).toBe('thread/start.experimentalRawEvents')
    expect(experimentalUseIn({ daybreakEnabled: false }, 'ThreadStartParams', gates)).toBe('thread/start.daybreakEnabled')
  })

  it('descends into nested types and finds experimental union arms', () => {
    const granular = { granular: { sandbox_approval: true, rules: true, mcp_elicitations: true } }
    expect(experimentalUseIn({ approvalPolicy: granular }, 'ThreadStartParams', gates)).toBe('askForApproval.granular')
    expect(experimentalUseIn({ approvalPolicy: 'never' }, 'ThreadStartParams', gates)).toBeUndefined()
    expect(experimentalUseIn({ threadId: 't', deferOutput: { commandExecution: true } }, 'ThreadItemsListParams', gates)).toBe('thread/items/list.deferOutput.commandExecution')
  })

  it('finds nothing in types without experimental members', () => {
    expect(experimentalUseIn({ limit: 1 }, 'ThreadLoadedListParams', gates)).toBeUndefined()
  })
})

describe('outbound filtering for connections without experimentalApi', () => {
  it('removes experimental fields at any depth without touching the original', () => {
    const thread = { id: 't', environments: [], extra: null, preview: '' }
    const response = { thread, model: 'm', runtimeWorkspaceRoots: ['/x'], approvalPolicy: 'never', activePermissionProfile: null, multiAgentMode: 'x' }
    const stripped = withoutExperimental(response, 'ThreadStartResponse', gates) as Record<string, unknown>
    expect(stripped).toEqual({ thread: { id: 't', preview: '' }, model: 'm', approvalPolicy: 'never' })
    expect(response.thread).toBe(thread)
    expect(thread).toHaveProperty('environments')
  })

  it('returns the same object when nothing is experimental', () => {
    const value = { data: ['a'], nextCursor: null }
    expect(withoutExperimental(value, 'ThreadLoadedListResponse', gates)).toBe(value)
  })

  it('drops experimental union arms from their container', () => {
    const granular = { granular: { sandbox_approval: true, rules: true, mcp_elicitations: true } }
    const requirements = { requirements: { allowedApprovalPolicies: ['never', granular], hooks: null } }
    expect(withoutExperimental(requirements, 'ConfigRequirementsReadResponse', gates)).toEqual({ requirements: { allowedApprovalPolicies: ['never'] } })
    expect(withoutExperimental({ serverName: 's', threadId: 't', mode: 'openai/userVerification' }, 'McpServerElicitationRequestParams', gates)).toBe(REMOVED)
  })
})
