// The turn family of the protocol.
import { t, typesIn } from '../dsl/index.js'

const v2 = typesIn('v2')

export const TurnStartParams = v2('TurnStartParams', t.object({
  threadId: t.string(),
  disabledPluginIds: t.option(t.array(t.string())),
  clientUserMessageId: t.option(t.string()),
  input: t.array(t.ref('UserInput')),
  turnTrigger: t.option(t.string()),
  parentTurnId: t.option(t.string()),
  rootTurnId: t.option(t.string()),
  toolOutput: t.option(t.ref('TurnToolOutput')),
  responsesapiClientMetadata: t.experimental('turn/start.responsesapiClientMetadata', t.option(t.map(t.string()))),
  responsesapiClientMetadataPatch: t.experimental('turn/start.responsesapiClientMetadataPatch', t.option(t.map(t.string()))),
  additionalContext: t.experimental('turn/start.additionalContext', t.option(t.map(t.ref('AdditionalContextEntry')))),
  environments: t.experimental('turn/start.environments', t.option(t.array(t.ref('TurnEnvironmentParams')))),
  cwd: t.option(t.string()),
  runtimeWorkspaceRoots: t.experimental('turn/start.runtimeWorkspaceRoots', t.option(t.array(t.ref('AbsolutePathBuf')))),
  approvalPolicy: t.option(t.ref('AskForApproval')),
  approvalsReviewer: t.option(t.ref('ApprovalsReviewer')),
  sandboxPolicy: t.option(t.ref('SandboxPolicy')),
  permissions: t.experimental('turn/start.permissions', t.option(t.string())),
  model: t.option(t.string()),
  serviceTier: t.option(t.string()),
  serviceTierForTurn: t.option(t.string()),
  effort: t.option(t.ref('ReasoningEffort')),
  summary: t.option(t.ref('ReasoningSummary')),
  personality: t.option(t.ref('Personality')),
  outputSchema: t.optional(t.json()),
  collaborationMode: t.experimental('turn/start.collaborationMode', t.option(t.ref('CollaborationMode'))),
  multiAgentMode: t.experimental('turn/start.multiAgentMode', t.option(t.ref('MultiAgentMode'))),
  cyberAccessProgram: t.experimental('turn/start.cyberAccessProgram', t.option(t.ref('CyberAccessProgram'))),
}))

export const TurnStartResponse = v2('TurnStartResponse', t.object({
  turn: t.ref('Turn'),
}))

export const TurnSteerParams = v2('TurnSteerParams', t.object({
  threadId: t.string(),
  clientUserMessageId: t.option(t.string()),
  input: t.array(t.ref('UserInput')),
  responsesapiClientMetadata: t.experimental('turn/steer.responsesapiClientMetadata', t.option(t.map(t.string()))),
  responsesapiClientMetadataPatch: t.experimental('turn/steer.responsesapiClientMetadataPatch', t.option(t.map(t.string()))),
  additionalContext: t.experimental('turn/steer.additionalContext', t.option(t.map(t.ref('AdditionalContextEntry')))),
  expectedTurnId: t.string(),
}))

export const TurnSteerResponse = v2('TurnSteerResponse', t.object({
  turnId: t.string(),
}))

export const TurnInterruptParams = v2('TurnInterruptParams', t.object({
  threadId: t.string(),
  turnId: t.string(),
}))

export const TurnInterruptResponse = v2('TurnInterruptResponse', t.object({}))

export const ErrorNotification = v2('ErrorNotification', t.object({
  error: t.ref('TurnError'),
  willRetry: t.boolean(),
  threadId: t.string(),
  turnId: t.string(),
}))

export const TurnStartedNotification = v2('TurnStartedNotification', t.object({
  threadId: t.string(),
  turn: t.ref('Turn'),
}))

export const TurnCompletedNotification = v2('TurnCompletedNotification', t.object({
  threadId: t.string(),
  turn: t.ref('Turn'),
}))

export const AdditionalContextEntry = v2('AdditionalContextEntry', t.object({
  value: t.string(),
  kind: t.ref('AdditionalContextKind'),
  name: t.option(t.string()),
}))

export const CyberAccessProgram = v2('CyberAccessProgram', t.enum(['standard', 'daybreakBlue', 'daybreakRed']))

export const UserInput = v2('UserInput', t.tagged('type', {
  text: {
    text: t.string(),
    text_elements: t.optional(t.array(t.ref('TextElement'), { default: [] })),
  },
  image: t.object({
    detail: t.option(t.ref('ImageDetail'), { default: null }),
  }, { anyOf: [t.object({
      url: t.string(),
    }), t.object({
      fileId: t.string(),
    })] }),
  localImage: {
    detail: t.option(t.ref('ImageDetail'), { default: null }),
    path: t.string(),
  },
  audio: t.object({}, { anyOf: [t.object({
      url: t.string(),
    }), t.object({
      fileId: t.string(),
    })] }),
  localAudio: {
    path: t.string(),
  },
  skill: {
    name: t.string(),
    path: t.string(),
  },
  mention: {
    name: t.string(),
    path: t.string(),
  },
}))

export const TurnToolOutput = v2('TurnToolOutput', t.object({
  name: t.string(),
  namespace: t.option(t.string()),
  output: t.ref('FunctionCallOutputBody'),
  retain: t.optional(t.boolean()),
}))

export const Turn = v2('Turn', t.object({
  id: t.string(),
  rootTurnId: t.option(t.string()),
  items: t.array(t.ref('ThreadItem')),
  itemsView: t.optional(t.ref('TurnItemsView', { default: "full" })),
  status: t.ref('TurnStatus'),
  error: t.option(t.ref('TurnError')),
  startedAt: t.option(t.int('int64')),
  completedAt: t.option(t.int('int64')),
  durationMs: t.option(t.int('int64')),
}))

export const TurnError = v2('TurnError', t.object({
  message: t.string(),
  codexErrorInfo: t.option(t.ref('CodexErrorInfo')),
  additionalDetails: t.option(t.string(), { default: null }),
  misalignment: t.option(t.ref('MisalignmentErrorDetails'), { default: null }),
}))

export const AdditionalContextKind = v2('AdditionalContextKind', t.enum(['untrusted', 'application']))

export const TextElement = v2('TextElement', t.object({
  byteRange: t.ref('ByteRange'),
  placeholder: t.option(t.string()),
}))

export const ImageDetail = v2('ImageDetail', t.enum(['auto', 'low', 'high', 'original']))

export const TurnStatus = v2('TurnStatus', t.enum(['completed', 'interrupted', 'failed', 'inProgress']))

export const CodexErrorInfo = v2('CodexErrorInfo', t.anyOf([
  t.enum(['contextWindowExceeded', 'sessionBudgetExceeded', 'usageLimitExceeded', 'rateLimitExceeded', 'flexUnavailable', 'serverOverloaded', 'modelNotFound', 'policyCapacityUnavailable', 'cyberPolicy', 'misalignmentPolicyViolation', 'tooManyDenials', 'internalServerError', 'unauthorized', 'badRequest', 'threadRollbackFailed', 'sandboxError', 'other']),
  t.literal('inferenceHookDenied'),
  t.object({
    httpConnectionFailed: t.object({
      httpStatusCode: t.option(t.uint('uint16')),
    }),
  }, { closed: true }),
  t.object({
    responseStreamConnectionFailed: t.object({
      httpStatusCode: t.option(t.uint('uint16')),
    }),
  }, { closed: true }),
  t.object({
    responseStreamDisconnected: t.object({
      httpStatusCode: t.option(t.uint('uint16')),
    }),
  }, { closed: true }),
  t.object({
    responseTooManyFailedAttempts: t.object({
      httpStatusCode: t.option(t.uint('uint16')),
    }),
  }, { closed: true }),
  t.object({
    activeTurnNotSteerable: t.object({
      turnKind: t.ref('NonSteerableTurnKind'),
    }),
  }, { closed: true }),
  t.typeUnion(['string', 'object']),
]))

export const MisalignmentErrorDetails = v2('MisalignmentErrorDetails', t.object({
  errorType: t.option(t.string()),
  detailedExplanation: t.option(t.string()),
  steer: t.option(t.ref('MisalignmentSteer')),
  reviewTarget: t.option(t.string()),
}))

export const ByteRange = v2('ByteRange', t.object({
  start: t.uint('uint'),
  end: t.uint('uint'),
}))

export const NonSteerableTurnKind = v2('NonSteerableTurnKind', t.enum(['review', 'compact']))

export const MisalignmentSteer = v2('MisalignmentSteer', t.object({
  message: t.string(),
}))
