// Every implemented client request, by method. The core answers the others with a clear error.
import { defineHandlers } from '../handler-types.js'

export const handlers = defineHandlers({})
