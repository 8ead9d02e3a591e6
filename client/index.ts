// The client entry point: a typed client for codex app-server and its transports.
export { AppServerClient } from './app-server-client.js'
export type {
  ClientEvents, ClientOptions, InitializeOptions, NotificationEnvelope, NotificationHandler, RequestOptions,
  ServerRequestHandler,
} from './app-server-client.js'
export { connect, type Client, type ConnectOptions } from './connect.js'
export {
  AppServerError, ConnectionClosedError, ErrorCode, HandlerError, MalformedMessageError, NotInitializedError,
  RequestCancelledError, RequestTimeoutError, ResponseError, SchemaMismatchError, type ErrorCodeValue,
} from './errors.js'
export type { Disposable } from './listeners.js'
export type {
  ClientNotificationMethod, ClientRequestMethod, CodexVersion, ExperimentalProtocol, NotificationParams, ProtocolOf,
  Protocols, ProtocolTypes, RequestParams, RequestResult, ServerNotificationMethod, ServerRequestMethod,
  ServerRequestParams, ServerRequestResult, StableProtocol, Variant,
} from './protocol.js'
export type { ReconnectOptions } from './reconnection.js'
export type { ServerRequestContext } from './server-request-handlers.js'
export type { CloseInfo, MessagePortLike, Transport, TransportEvents, TransportFactory } from './transport.js'
export { signBearerToken, type BearerTokenClaims } from './transports/bearer-token.js'
export { inProcess } from './transports/in-process.js'
export { stdio, type StdioOptions } from './transports/stdio.js'
export { unixSocket, websocket, type WebsocketOptions } from './transports/websocket.js'
// The schema validator (Ajv) is the separate entry point `./validation/index.js`; only its interface is here.
export type { MessageKind, MessageValidator } from './validation/message-validator.js'
