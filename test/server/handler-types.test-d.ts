// The handler contract is checked by the compiler against the generated method maps.
import { expectTypeOf, test } from 'vitest'
import type { ClientRequestMap, ServerNotificationMap, ServerRequestMap } from '../../generated/experimental/index.js'
import { defineHandlers, type Handler, type HandlerContext } from '../../server/handler-types.js'

test('a handler takes the params and returns the result of its method', () => {
  expectTypeOf<Parameters<Handler<'thread/loaded/list'>>[0]>().toEqualTypeOf<ClientRequestMap['thread/loaded/list']['params']>()
  expectTypeOf<Awaited<ReturnType<Handler<'fs/readFile'>>>>().toEqualTypeOf<ClientRequestMap['fs/readFile']['result']>()
  defineHandlers({ 'thread/loaded/list': () => ({ data: [], nextCursor: null }) })
  // @ts-expect-error a method the protocol does not define
  defineHandlers({ 'no/such/method': () => ({}) })
  // @ts-expect-error a result of the wrong shape
  defineHandlers({ 'thread/loaded/list': () => ({ data: 5 }) })
})

declare const context: HandlerContext

test('notify and request are typed by method', () => {
  expectTypeOf(context.notify<'thread/started'>).parameter(1).toEqualTypeOf<ServerNotificationMap['thread/started']['params']>()
  expectTypeOf(context.request<'item/commandExecution/requestApproval'>).returns.toEqualTypeOf<Promise<ServerRequestMap['item/commandExecution/requestApproval']['result']>>()
  expectTypeOf(context.releaseScope).toEqualTypeOf<() => void>()
})

test('the context has no members that are optional only for tests', () => {
  type OptionalKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T]
  expectTypeOf<OptionalKeys<HandlerContext>>().toEqualTypeOf<never>()
})
