// Amazon Bedrock set up from the AWS credentials of this machine, as codex records it in
// config.toml: `model_provider = "amazon-bedrock"` and the region under
// `[model_providers.amazon-bedrock.aws]`; signing out removes both again.
import type { BedrockSetupParams } from '../../generated/experimental/index.js'
import { ErrorCode, RpcError } from '../handler-types.js'
import { awsProfiles, environmentCredentials } from './aws-profiles.js'
import type { ConfigEditRequest, ConfigStore } from './config-store.js'

const PROVIDER = 'amazon-bedrock'
const PROVIDER_KEY = `model_providers.${JSON.stringify(PROVIDER)}`

export class BedrockSetup {
  constructor(private readonly config: ConfigStore) {}

  async isSetUp(): Promise<boolean> {
    return (await this.config.read()).config.model_provider === PROVIDER
  }

  /**
   * Environment credentials are used as they are. codex 0.169.0 cannot load a named profile's
   * credentials (its profile provider is not enabled), so a profile set-up fails as it fails there.
   */
  async setUp(params: BedrockSetupParams, env: NodeJS.ProcessEnv): Promise<void> {
    if (params.type === 'profile') {
      const known = (await awsProfiles(env)).some((profile) => profile.name === params.profile)
      const reason = known ? 'the credential provider was not enabled' : 'the credentials provider was not properly configured'
      throw new RpcError(ErrorCode.invalidRequest, `failed to load credentials for AWS profile \`${params.profile}\`: failed to load AWS credentials: ${reason}`)
    }
    if (environmentCredentials(env).length === 0) {
      throw new RpcError(ErrorCode.invalidRequest, 'No AWS credentials found. Please Configure AWS credentials or complete AWS sign-in, then try again.')
    }
    await this.config.edit([
      { keyPath: 'model_provider', value: PROVIDER, mergeStrategy: 'replace' },
      { keyPath: `${PROVIDER_KEY}.aws`, value: { region: params.region }, mergeStrategy: 'upsert' },
    ], null)
  }

  /** Removes the set-up, and the provider's table when nothing else is left in it. */
  async forget(): Promise<void> {
    const { config } = await this.config.read()
    if (config.model_provider !== PROVIDER) return
    const providers = config.model_providers as Record<string, Record<string, unknown>> | undefined
    const remaining = Object.keys(providers?.[PROVIDER] ?? {}).filter((key) => key !== 'aws')
    const edits: ConfigEditRequest[] = [
      { keyPath: 'model_provider', value: null, mergeStrategy: 'replace' },
      { keyPath: remaining.length > 0 ? `${PROVIDER_KEY}.aws` : PROVIDER_KEY, value: null, mergeStrategy: 'replace' },
    ]
    if (remaining.length === 0 && Object.keys(providers ?? {}).length <= 1) edits.push({ keyPath: 'model_providers', value: null, mergeStrategy: 'replace' })
    await this.config.edit(edits, null)
  }
}
