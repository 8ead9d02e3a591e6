// A client that answers every server→client request the way a real client would, for the scenario
// tests: approvals accepted, questions answered, tools run, tokens and attestations handed over.
import type { Received, WireClient } from '../helpers/wire-client.js'

/** What this client answers to each server request, by method. */
export const ANSWERS: Record<string, (params: any) => unknown> = { // eslint-disable-line @typescript-eslint/no-explicit-any
  'item/commandExecution/requestApproval': () => ({ decision: 'accept' }),
  'item/fileChange/requestApproval': () => ({ decision: 'accept' }),
  'item/tool/requestUserInput': (params) => ({
    answers: Object.fromEntries(params.questions.map((question: { id: string; options?: { label: string }[] | null }) => [question.id, { answers: [question.options?.[0]?.label ?? 'Go'] }])),
  }),
  'mcpServer/elicitation/request': () => ({ action: 'accept', content: { value: 'reference' }, _meta: null }),
  'item/permissions/requestApproval': (params) => ({ permissions: params.permissions, scope: 'turn' }),
  'item/tool/call': (params) => ({ contentItems: [{ type: 'inputText', text: `${params.tool} says 42` }], success: true }),
  'account/chatgptAuthTokens/refresh': () => ({ accessToken: 'fresh-token', chatgptAccountId: 'account-1', chatgptPlanType: null }),
  'attestation/generate': () => ({ token: 'attested' }),
  'currentTime/read': () => ({ currentTimeAt: Math.floor(Date.now() / 1000) }),
  applyPatchApproval: () => ({ decision: 'approved' }),
  execCommandApproval: () => ({ decision: 'approved' }),
}

/** Answers every server request `client` receives from now on, until stopped; `answer` may override. */
export function answerRequests(client: WireClient, answer: (request: Received) => unknown = (request) => ANSWERS[request.json.method]!(request.json.params)) {
  let seen = client.received.length
  const asked: Received[] = []
  const timer = setInterval(() => {
    for (; seen < client.received.length; seen++) {
      const message = client.received[seen]!
      if (!('method' in message.json) || !('id' in message.json)) continue
      asked.push(message)
      client.send({ id: message.json.id, result: answer(message) })
    }
  }, 2)
  return { asked, stop: () => clearInterval(timer) }
}

/** The prompt that makes a turn play the named scenario. */
export function scenarioPrompt(name: string): string {
  return `[[scenario: ${name}]]`
}

/** The items a turn completed, in order. */
export function completedItems(messages: Received[]): any[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  return messages.filter((message) => message.json.method === 'item/completed').map((message) => message.json.params.item)
}
