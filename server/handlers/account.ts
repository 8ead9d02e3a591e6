// account/* and accountSession/*: the sign-in kept in the home's auth.json (an OpenAI or an
// Amazon Bedrock API key: storing one is all a sign-in is offline), and Amazon Bedrock set up
// from this machine's AWS credentials (config.toml). Everything that needs
// OpenAI's backend, a browser sign-in or a cloud's credentials answers the error codex gives
// offline; this server serves no hosted models, so it never requires an OpenAI sign-in.
import { defineHandlers, ErrorCode, RpcError, type HandlerContext } from '../handler-types.js'
import { AuthFile, type StoredAuth } from './auth-file.js'
import { failsOffline } from './offline.js'
import { awsProfiles, environmentCredentials } from './aws-profiles.js'
import { BedrockSetup } from './bedrock-setup.js'
import type { ConfigStore } from './config-store.js'
import type { FamilyEnvironment, HandlerFamily } from './family.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const signInRequired = (what: string) => failsOffline(`codex account authentication required ${what}`)

export class AccountFamily implements HandlerFamily {
  readonly name = 'account'
  readonly offlineErrors = [
    'account/gatewayOAuth/read', 'account/gatewayOAuth/login', 'account/gatewayOAuth/cancel',
    'account/gcp/setup',
    'accountSession/list', 'accountSession/switch', 'account/securitySetup/read',
    'account/rateLimits/read', 'account/rateLimitResetCredit/consume', 'account/usage/read',
    'account/workspaceMessages/read', 'account/sendAddCreditsNudgeEmail',
  ] as const
  readonly handlers
  readonly #auth: AuthFile

  constructor(private readonly environment: Pick<FamilyEnvironment, 'home' | 'connections'>, config: ConfigStore) {
    this.#auth = new AuthFile(environment.home)
    const bedrock = new BedrockSetup(config)
    this.handlers = defineHandlers({
      'account/read': async () => {
        const auth = await this.#auth.read()
        const account = auth !== null ? accountOf(auth) : await bedrock.isSetUp() ? { type: 'amazonBedrock' as const, usesCodexManagedCredentials: false } : null
        return { account, userId: null, requiresOpenaiAuth: false, workspaceRouting: null }
      },

      'account/login/start': async (params, context) => {
        switch (params.type) {
          case 'apiKey':
            await this.#signIn({ mode: 'apikey', apiKey: params.apiKey }, context)
            return { type: 'apiKey' as const }
          case 'amazonBedrock':
            await this.#signIn({ mode: 'bedrockApiKey', apiKey: params.apiKey, region: params.region }, context)
            return { type: 'amazonBedrock' as const }
          case 'chatgptDeviceCode':
            throw new RpcError(ErrorCode.internal, 'failed to request device code: error sending request for url (https://auth.openai.com/api/accounts/deviceauth/usercode)')
          case 'chatgptAuthTokens':
            throw new RpcError(ErrorCode.internal, 'failed to set external auth: invalid ID token format')
          default:
            // A browser sign-in would wait for auth.openai.com, which an offline server never reaches.
            throw new RpcError(ErrorCode.internal, `${params.type} sign-in needs OpenAI's or a cloud's sign-in service, which this offline server cannot reach; sign in with an API key instead`)
        }
      },

      // No sign-in here ever waits for a browser, so there is never a login to cancel.
      'account/login/cancel': ({ loginId }) => {
        if (!UUID.test(loginId)) throw new RpcError(ErrorCode.invalidRequest, `invalid login id: ${loginId}`)
        return { status: 'notFound' as const }
      },

      'account/logout': async (_params, context) => {
        await this.#auth.remove()
        await bedrock.forget()
        context.afterResponse(() => this.environment.connections.broadcast('account/updated', { authMode: null, planType: null }))
        return {}
      },

      'account/bedrock/checkGovCloudRequirements': () => ({ isGovCloud: false, shouldWarn: false }),

      'account/gatewayOAuth/read': () => ({ providerId: 'openai', providerName: 'OpenAI', required: false, supportsDeviceAuth: false, status: null, error: null }),
      'account/gatewayOAuth/login': failsOffline('The selected provider does not use gateway OAuth'),
      'account/gatewayOAuth/cancel': () => ({}),
      'account/bedrock/discover': async () => ({ profiles: await awsProfiles(process.env), environmentCredentials: environmentCredentials(process.env) }),
      'account/bedrock/setup': async (params) => {
        await bedrock.setUp(params, process.env)
        return {}
      },
      'account/gcp/setup': failsOffline('The Google Cloud auth command could not obtain an access token.', ErrorCode.invalidRequest, { reason: 'authCommandFailed' }),
      'accountSession/list': () => ({ activeSessionId: null, sessions: [] }),
      'accountSession/switch': failsOffline('Finish or cancel the current login before switching workspaces'),
      'account/securitySetup/read': () => ({ notice: null }),
      'account/rateLimits/read': signInRequired('to read rate limits'),
      'account/rateLimitResetCredit/consume': signInRequired('for rate limit reset credits'),
      'account/usage/read': signInRequired('to read token usage'),
      'account/workspaceMessages/read': signInRequired('to read workspace messages'),
      'account/sendAddCreditsNudgeEmail': signInRequired('to notify workspace owner'),
    })
  }

  /** Stores the sign-in, then tells the client it completed and every client the account changed. */
  async #signIn(auth: StoredAuth, context: HandlerContext): Promise<void> {
    await this.#auth.write(auth)
    context.afterResponse(() => {
      context.notify('account/login/completed', { loginId: null, success: true, error: null, onboardingEntrypoint: null })
      this.environment.connections.broadcast('account/updated', { authMode: auth.mode, planType: null })
    })
  }
}

function accountOf(auth: StoredAuth | null) {
  if (auth === null) return null
  return auth.mode === 'apikey' ? { type: 'apiKey' as const } : { type: 'amazonBedrock' as const, usesCodexManagedCredentials: true }
}
