// What bin/protocol-diff.js runs: the CLI with this repository's layout of committed versions.
import { LATEST_VERSION, SUPPORTED_VERSIONS } from '../../protocol/versions.js'
import { metaModelFile, versionPrefix } from '../layout.js'
import { BUNDLE_FILE } from '../emit/emit-json.js'
import type { VersionLayout } from './sources.js'
export { main } from './cli.js'

export const DEFAULT_LAYOUT: VersionLayout = {
  supported: SUPPORTED_VERSIONS,
  fixtures: (version, variant) => `fixtures/${versionPrefix(version, LATEST_VERSION)}${variant}/${BUNDLE_FILE}`,
  metaModel: (version) => metaModelFile(version, LATEST_VERSION),
}
