// Plays one scenario step in a turn: each step type to the function that does it.
import { splitIntoDeltas } from '../agent/offline-agent.js'
import { newId } from '../clock.js'
import type { ScenarioStep } from './scenario-format.js'
import { failure, type StepContext, type StepOutcome } from './step-context.js'
import { changeFiles, runCommand } from './steps-changes.js'
import * as items from './steps-items.js'
import * as requests from './steps-requests.js'

/** Deltas of a message when the step does not say. */
const DEFAULT_DELTAS = 5

export async function playStep(context: StepContext, step: ScenarioStep): Promise<StepOutcome> {
  switch (step.type) {
    case 'message': {
      const { plan } = step
      return context.respond(splitIntoDeltas(step.text, step.deltas ?? DEFAULT_DELTAS), step.delayMs ?? 0, step.phase, plan === undefined ? undefined : () => items.streamPlan(context, plan))
    }
    case 'reasoning':
      return items.reason(context, step)
    case 'plan':
      return items.plan(context, step)
    case 'command':
      return runCommand(context, step, 0, false)
    case 'fileChange':
      return changeFiles(context, step)
    case 'permissions':
      return requests.askPermissions(context, step)
    case 'userInput':
      return requests.askUser(context, step)
    case 'dynamicTool':
      return requests.callDynamicTool(context, step)
    case 'mcpTool':
      return requests.callMcpTool(context, step)
    case 'webSearch':
      return items.webSearch(context, step)
    case 'imageView':
      return items.imageView(context, step)
    case 'imageGeneration':
      return items.imageGeneration(context, step)
    case 'compaction':
      return items.compact(context)
    case 'subAgent':
      return items.subAgent(context, step)
    case 'sleep':
      return items.sleep(context, step)
    case 'hookPrompt':
      return items.instant(context, { type: 'hookPrompt', id: newId(), fragments: [{ text: step.text, hookRunId: `hook_${newId()}` }] })
    case 'functionCallOutput':
      return items.instant(context, { type: 'functionCallOutput', id: `call_${newId()}`, name: step.name, namespace: null, output: step.output })
    case 'review':
      return items.review(context, step)
    case 'retry':
      for (let attempt = 1; attempt <= (step.count ?? 1); attempt++) await items.retryOnce(context, attempt, 0)
      return undefined
    case 'fail':
      return failure(step.message, step.code ?? 'other')
    case 'usage':
      return items.usage(context, step)
    case 'reroute':
      return items.reroute(context, step)
    case 'rateLimits':
      return items.rateLimits(context, step)
    case 'refreshAuth':
      return requests.refreshAuth(context)
    case 'attestation':
      return requests.attest(context)
    case 'readClock':
      return requests.readClock(context)
  }
}
