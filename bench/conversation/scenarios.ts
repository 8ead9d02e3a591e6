// The list of recording scenarios (a–h of the observation brief), each a client script run against a
// fresh codex app-server and fake model.
import type { RecordedRequest, Reply } from '../../test/server/helpers/fake-responses-api.js'
import type { CodexRun } from './codex-run.js'
import { basicScenarios } from './scenarios-basic.js'
import { threadScenarios } from './scenarios-threads.js'
import { turnScenarios } from './scenarios-turns.js'
import { actionScenarios } from './scenarios-actions.js'
import { manageScenarios } from './scenarios-manage.js'
import { requestScenarios } from './scenarios-requests.js'
import { threadFamilyScenarios } from './scenarios-thread-families.js'
import { itemScenarios } from './scenarios-items.js'

export interface Scenario {
  name: string
  description: string
  transport: 'stdio' | 'ws'
  /** Replies of the fake model, in order; an empty script answers "ok". */
  replies?: Reply[]
  /** Picks a reply from the request before the script is consulted. */
  choose?: (body: unknown, earlier: RecordedRequest[]) => Reply | undefined
  configExtra?: string
  run(run: CodexRun): Promise<void>
}

export const scenarios: Scenario[] = [...basicScenarios, ...turnScenarios, ...threadScenarios, ...actionScenarios, ...manageScenarios, ...requestScenarios, ...threadFamilyScenarios, ...itemScenarios]
