// The method registry: one table per direction. Each client request names its params, result,
// serialization scope and, when experimental, its reason. Everything else (unions, method maps,
// the experimental inventory, handler types) is derived from these tables.
import { scope, type MethodTables } from './dsl/index.js'
import { InitializeParams, InitializeResponse } from './v1/initialize.js'
import { CommandExecutionRequestApprovalParams, CommandExecutionRequestApprovalResponse, ServerRequestResolvedNotification } from './v2/approvals.js'
import { AgentMessageDeltaNotification, ItemCompletedNotification, ItemStartedNotification } from './v2/item.js'
import { MockExperimentalMethodParams, MockExperimentalMethodResponse } from './v2/mock.js'
import * as thread from './v2/thread.js'
import * as turn from './v2/turn.js'

export const clientRequests: MethodTables['clientRequests'] = [
  { method: 'initialize', params: InitializeParams, result: InitializeResponse, scope: scope.none,
    description: 'Opens the session of a connection: who the client is and what it can do. Must come first, once.' },
  { method: 'thread/start', params: thread.ThreadStartParams, result: thread.ThreadStartResponse, scope: scope.none,
    scopeRationale: 'a new thread has no id yet, so there is nothing to order against',
    description: 'Creates a thread and subscribes this connection to its events.' },
  { method: 'thread/resume', params: thread.ThreadResumeParams, result: thread.ThreadResumeResponse, scope: scope.threadOrPath('threadId', 'path'),
    scopeRationale: 'resuming from a rollout path before the thread id is known still must not race other resumes of that file',
    description: 'Loads a stored thread (by id or rollout path) and subscribes this connection to it.' },
  { method: 'thread/fork', params: thread.ThreadForkParams, result: thread.ThreadForkResponse, scope: scope.threadOrPath('threadId', 'path'),
    description: 'Copies a thread, up to a turn if given, into a new thread.' },
  { method: 'thread/archive', params: thread.ThreadArchiveParams, result: thread.ThreadArchiveResponse, scope: scope.thread('threadId'),
    description: 'Moves a thread to the archive and unloads it.' },
  { method: 'thread/unsubscribe', params: thread.ThreadUnsubscribeParams, result: thread.ThreadUnsubscribeResponse, scope: scope.thread('threadId'),
    description: 'Stops this connection receiving events of a thread.' },
  { method: 'thread/list', params: thread.ThreadListParams, result: thread.ThreadListResponse, scope: scope.none,
    scopeRationale: 'reads stored metadata only; intentionally concurrent with everything',
    description: 'Lists stored threads, newest first, one page at a time.' },
  { method: 'thread/loaded/list', params: thread.ThreadLoadedListParams, result: thread.ThreadLoadedListResponse, scope: scope.none,
    description: 'Lists the ids of threads loaded in this server.' },
  { method: 'thread/read', params: thread.ThreadReadParams, result: thread.ThreadReadResponse, scope: scope.thread('threadId'),
    description: 'Reads a thread and, optionally, its turns.' },
  { method: 'turn/start', params: turn.TurnStartParams, result: turn.TurnStartResponse, scope: scope.thread('threadId'),
    description: 'Sends user input to a thread and starts a turn of the agent.' },
  { method: 'turn/steer', params: turn.TurnSteerParams, result: turn.TurnSteerResponse, scope: scope.thread('threadId'),
    description: 'Adds user input to the turn in progress.' },
  { method: 'turn/interrupt', params: turn.TurnInterruptParams, result: turn.TurnInterruptResponse, scope: scope.thread('threadId'),
    description: 'Stops the turn in progress.' },
  { method: 'mock/experimentalMethod', params: MockExperimentalMethodParams, result: MockExperimentalMethodResponse, scope: scope.none, experimental: true,
    description: 'Echoes its input; exists to exercise experimental gating.' },
]

export const serverRequests: MethodTables['serverRequests'] = [
  { method: 'item/commandExecution/requestApproval', params: CommandExecutionRequestApprovalParams, result: CommandExecutionRequestApprovalResponse,
    description: 'Asks the client to approve a command before the agent runs it.' },
]

export const serverNotifications: MethodTables['serverNotifications'] = [
  { method: 'error', params: turn.ErrorNotification, description: 'A turn hit an error; says whether it will be retried.' },
  { method: 'thread/started', params: thread.ThreadStartedNotification, description: 'A thread was created or loaded.' },
  { method: 'thread/status/changed', params: thread.ThreadStatusChangedNotification, description: 'A thread became idle, active or failed, or changed its active flags.' },
  { method: 'thread/tokenUsage/updated', params: thread.ThreadTokenUsageUpdatedNotification, description: 'Token counts of a thread after a model call.' },
  { method: 'turn/started', params: turn.TurnStartedNotification, description: 'A turn began.' },
  { method: 'turn/completed', params: turn.TurnCompletedNotification, description: 'A turn ended: completed, interrupted or failed.' },
  { method: 'item/started', params: ItemStartedNotification, description: 'An item of a turn began.' },
  { method: 'item/completed', params: ItemCompletedNotification, description: 'An item of a turn finished, with its final content.' },
  { method: 'item/agentMessage/delta', params: AgentMessageDeltaNotification, description: 'More text of an agent message being streamed.' },
  { method: 'serverRequest/resolved', params: ServerRequestResolvedNotification, description: 'A request the server sent was answered or withdrawn.' },
]

export const clientNotifications: MethodTables['clientNotifications'] = [
  { method: 'initialized', description: 'The client finished its own setup after initialize; optional.' },
]

export const methodTables: MethodTables = { clientRequests, serverRequests, serverNotifications, clientNotifications }
