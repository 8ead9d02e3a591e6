// Scenario j: the tool items the fake model can make codex produce, for the reference server's
// scripted scenarios to follow: apply_patch (a fileChange with its approval and the turn's diff),
// request_user_input, a client-provided dynamic tool (item/tool/call) and view_image. Each in a
// thread of its own; every server request is answered as a client would.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { lastInputItem, type Reply } from '../../test/server/helpers/fake-responses-api.js'
import { runTurn, startThread } from './client-steps.js'
import type { Json } from './recorded-connection.js'
import type { Scenario } from './scenarios.js'

/** A 1×1 PNG for view_image. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

function lastUserText(body: unknown): string {
  const input = ((body as { input?: unknown } | undefined)?.input ?? []) as Record<string, unknown>[]
  const user = [...input].reverse().find((item) => item.role === 'user')
  return String(((user?.content as Record<string, unknown>[] | undefined) ?? [])[0]?.text ?? '')
}

/** The tool call each prompt asks for; once its output is back, the model says it is done. */
const calls: Record<string, Reply> = {
  'patch a file': {
    kind: 'functionCall', name: 'apply_patch',
    arguments: { input: '*** Begin Patch\n*** Add File: j-notes.txt\n+first line\n*** End Patch\n' },
  },
  'patch in the workspace': {
    kind: 'functionCall', name: 'apply_patch',
    arguments: { input: '*** Begin Patch\n*** Add File: j-other.txt\n+first line\n*** End Patch\n' },
  },
  'ask me': {
    kind: 'functionCall', name: 'request_user_input',
    arguments: { questions: [{ id: 'color', header: 'Color', question: 'Which color?', options: [{ label: 'Blue', description: 'calm' }, { label: 'Green', description: 'fresh' }] }] },
  },
  'use the tool': { kind: 'functionCall', name: 'lookup', arguments: { query: 'scenario' } },
  'look at the image': { kind: 'functionCall', name: 'view_image', arguments: { path: 'pixel.png' } },
  'plan please': { kind: 'text', text: 'Here is my plan.\n<proposed_plan>\n# Plan\n\n1. Read.\n2. Write.\n</proposed_plan>\n', deltas: 4 },
}

/** Turn settings per prompt: the user-input question and the proposed plan need plan mode; the second patch a writable workspace. */
const PLAN_MODE: Record<string, Json> = { collaborationMode: { mode: 'plan', settings: { model: 'gpt-5.5', reasoning_effort: null, developer_instructions: null } } }
const turnOverrides: Record<string, Record<string, Json>> = {
  'ask me': PLAN_MODE,
  'plan please': PLAN_MODE,
  'patch in the workspace': { sandboxPolicy: { type: 'workspaceWrite', writableRoots: [], networkAccess: false, excludeTmpdirEnvVar: false, excludeSlashTmp: false } },
}

const answers: Record<string, Json> = {
  'item/fileChange/requestApproval': { decision: 'accept' },
  'item/commandExecution/requestApproval': { decision: 'accept' },
  'item/tool/requestUserInput': { answers: { color: { answers: ['Blue'] } } },
  'item/tool/call': { contentItems: [{ type: 'inputText', text: 'lookup says 42' }], success: true },
}

export const itemScenarios: Scenario[] = [
  {
    name: 'j-tool-items',
    description: 'apply_patch under on-request + read-only (file change approval, turn diff), request_user_input and a proposed plan in plan mode, apply_patch in a writable workspace, a dynamic tool call, view_image; each answered',
    transport: 'stdio',
    choose: (body) => ['function_call_output', 'custom_tool_call_output'].includes(String(lastInputItem(body)?.type))
      ? { kind: 'text', text: 'Done.', deltas: 1 }
      : calls[lastUserText(body)],
    run: async (run) => {
      writeFileSync(join(run.workspace, 'pixel.png'), PIXEL)
      const c1 = await run.connect('c1')
      await c1.initialize(true)
      c1.onServerRequest = (message) => answers[String(message.method)]
      for (const prompt of Object.keys(calls)) {
        run.transcript.note(prompt)
        const dynamicTools = [{ type: 'function', name: 'lookup', description: 'Looks a word up', inputSchema: { type: 'object', properties: { query: { type: 'string' } } } }]
        const threadId = await startThread(c1, { approvalPolicy: 'on-request', dynamicTools })
        await runTurn(c1, threadId, prompt, turnOverrides[prompt] ?? {})
      }
    },
  },
]
